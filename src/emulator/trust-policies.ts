/**
 * The TrustProduct policies the emulator seeds, with their requirements.
 * The facts (policy SIDs, end-user type, company types) live in
 * src/domain/trust-products.ts with their sources in src/domain/facts.ts.
 * Sources and confidence per fact:
 * - [DOC] Twilio's A2P 10DLC ISV onboarding guide, section 2 (trust product with policy
 *   RNb0d4771c2c98518d916a3d4cd70a8f8b, an end user of type us_a2p_messaging_profile_information,
 *   the secondary customer profile assigned, evaluate, submit), and Twilio's "A2P 10DLC -
 *   Registration for Government and Nonprofit Agencies" page (company_type `government`,
 *   `non_profit`); reference isv-layouts-and-trust-products.md section 3.
 * - [DOC] SHAKEN/STIR Trust Hub API guides for ISVs: a SHAKEN/STIR trust product, the secondary
 *   (or primary) customer profile assigned, phone numbers as ChannelEndpointAssignments.
 * - [3P] The SHAKEN/STIR policy SID RN7a97559effdf62d00f4298208492a5ea: third-party code only
 *   (public GitHub scripts that look the product up by it), not a Twilio page we could read.
 * - [GUESS] Requirement names and friendly names inside both policies (Twilio does not publish
 *   the policy documents); that the A2P policy also accepts a primary business profile (direct
 *   customers) is [3P]. SHAKEN/STIR has no end-user requirement here.
 */
import type { EndUserRequirement, Policy, ProfileRequirement } from "./catalog.ts";

import {
  A2P_COMPANY_TYPES,
  A2P_END_USER_TYPE,
  A2P_PUBLIC_COMPANY_FIELDS,
  TRUST_POLICY_SIDS,
} from "../domain/trust-products.ts";

export { A2P_COMPANY_TYPES, A2P_END_USER_TYPE, TRUST_POLICY_SIDS };
/** Fields required only for public companies (company_type `public`). */
export const PUBLIC_COMPANY_FIELDS: ReadonlySet<string> = new Set(A2P_PUBLIC_COMPANY_FIELDS);

const a2pEndUser: EndUserRequirement = {
  url: `/EndUserTypes/${A2P_END_USER_TYPE}`,
  fields: ["company_type", "stock_exchange", "stock_ticker"],
  type: A2P_END_USER_TYPE,
  name: "Messaging Profile Information",
  requirement_name: A2P_END_USER_TYPE,
};

/** The customer profile a trust product needs assigned (primary or secondary business). */
const customerProfile: ProfileRequirement = {
  type: "customer_profile_type_business",
  name: "Customer Profile Bundle",
  requirement_name: "customer_profile",
};

export const TRUST_PRODUCT_POLICIES: Policy[] = [
  {
    sid: TRUST_POLICY_SIDS.a2pMessagingProfile,
    friendly_name: "A2P Messaging Profile",
    customerProfile: false,
    requirements: {
      end_user: [a2pEndUser],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [customerProfile],
    },
  },
  {
    sid: TRUST_POLICY_SIDS.shakenStir,
    friendly_name: "SHAKEN/STIR",
    customerProfile: false,
    requirements: {
      end_user: [],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [customerProfile],
    },
  },
];

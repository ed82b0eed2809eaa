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
 * - [DOC] CNAM guide (twilio.com/docs/voice/brand-your-calls-using-cnam): policy
 *   RNf3db3cd1fe25fcfd3c3ded065c8fea53, an end user of type cnam_information with
 *   cnam_display_name (15 characters at most, a letter first, letters/digits/periods/commas/
 *   spaces), the business profile assigned, which must be registered with an EIN or DUNS.
 * - [3P] Voice Integrity: policy RN5b3660f9598883b1df4e77f77acefba0 and the end user
 *   voice_integrity_information (use_case, business_employee_count,
 *   average_business_day_call_volume as strings of positive integers, notes) come from
 *   integrators' code citing Twilio's Voice Integrity ISV guides; the business profile assigned
 *   is [DOC] (the guides).
 * - [GUESS] Requirement names and friendly names inside the policies (Twilio does not publish
 *   the policy documents); that the A2P policy also accepts a primary business profile (direct
 *   customers) is [3P]. SHAKEN/STIR has no end-user requirement here; `notes` may be empty.
 */
import type { EndUserRequirement, Policy, ProfileRequirement } from "./catalog.ts";

import {
  A2P_COMPANY_TYPES,
  A2P_END_USER_TYPE,
  A2P_PUBLIC_COMPANY_FIELDS,
  CNAM_DISPLAY_NAME_FIELD,
  CNAM_END_USER_TYPE,
  CNAM_REGISTRATION_ID_TYPES,
  TRUST_POLICY_SIDS,
  VOICE_INTEGRITY_END_USER_TYPE,
  VOICE_INTEGRITY_FIELDS,
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

const cnamEndUser: EndUserRequirement = {
  url: `/EndUserTypes/${CNAM_END_USER_TYPE}`,
  fields: [CNAM_DISPLAY_NAME_FIELD],
  type: CNAM_END_USER_TYPE,
  name: "CNAM Information",
  requirement_name: CNAM_END_USER_TYPE,
};

const voiceIntegrityEndUser: EndUserRequirement = {
  url: `/EndUserTypes/${VOICE_INTEGRITY_END_USER_TYPE}`,
  fields: [...VOICE_INTEGRITY_FIELDS],
  type: VOICE_INTEGRITY_END_USER_TYPE,
  name: "Voice Integrity Information",
  requirement_name: VOICE_INTEGRITY_END_USER_TYPE,
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
  {
    sid: TRUST_POLICY_SIDS.cnam,
    friendly_name: "CNAM",
    customerProfile: false,
    profileRegistrationIds: CNAM_REGISTRATION_ID_TYPES,
    requirements: {
      end_user: [cnamEndUser],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [customerProfile],
    },
  },
  {
    sid: TRUST_POLICY_SIDS.voiceIntegrity,
    friendly_name: "Voice Integrity",
    customerProfile: false,
    requirements: {
      end_user: [voiceIntegrityEndUser],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [customerProfile],
    },
  },
];

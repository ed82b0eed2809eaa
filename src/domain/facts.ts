/**
 * Every Twilio fact the tool relies on, with its source and how sure we are
 * (trust products: src/domain/facts-products.ts).
 * `name` is the export in src/domain (dotted for one entry of an object);
 * test/domain/facts.test.ts keeps this list complete and docs/twilio-facts.md
 * (rendered from it by scripts/twilio-facts.ts) in step. Pure data.
 */
import {
  ADDRESS_FRIENDLY_NAME_MAX_LENGTH,
  FRIENDLY_NAME_MAX_LENGTH,
  INVALID_FRIENDLY_NAME_ERROR,
} from "./limits.ts";
import { REJECTION_REASONS, STATUS_CALLBACK_FIELDS } from "./rejections.ts";
import { SOURCES as S, unverified, type Source } from "./sources.ts";
import * as T from "./twilio.ts";
import { PRODUCT_FACTS } from "./facts-products.ts";

export type Confidence = "high" | "medium" | "low";

export interface Fact {
  name: string;
  what: string;
  value: unknown;
  sources: readonly Source[];
  confidence: Confidence;
  note?: string;
}

const PROFILE_FACTS: readonly Fact[] = [
  {
    name: "PROFILE_STATUSES",
    what: "Status values of a CustomerProfile",
    value: T.PROFILE_STATUSES,
    sources: [S.specTrustHub],
    confidence: "high",
  },
  {
    name: "EDITABLE_STATUSES",
    what: "Statuses in which a profile and its objects may be edited",
    value: T.EDITABLE_STATUSES,
    sources: [S.error60711, S.secondaryProfile],
    confidence: "high",
  },
  {
    name: "IMMUTABLE_STATUSES",
    what: "Statuses in which Twilio refuses edits",
    value: T.IMMUTABLE_STATUSES,
    sources: [S.error60711],
    confidence: "medium",
    note: "60711 is stated for Business Profiles of Branded Communications in terms of the same statuses.",
  },
  {
    name: "POLICY_SIDS.primaryBusiness",
    what: "Policy of the primary business profile (Console only)",
    value: T.POLICY_SIDS.primaryBusiness,
    sources: [S.thirdPartyPrimaryPolicies, S.overview],
    confidence: "medium",
    note: "The overview names the policy but not its SID; several live answers agree on it.",
  },
  {
    name: "POLICY_SIDS.primaryIndividual",
    what: "Policy of the primary individual profile (Console only)",
    value: T.POLICY_SIDS.primaryIndividual,
    sources: [S.thirdPartyPrimaryPolicies],
    confidence: "medium",
  },
  {
    name: "POLICY_SIDS.secondary",
    what: "Policy of the secondary customer profile",
    value: T.POLICY_SIDS.secondary,
    sources: [S.isvA2p, S.ssIsvSubaccounts, S.overview],
    confidence: "high",
  },
  {
    name: "POLICY_SIDS.starter",
    what: "Policy of the starter customer profile",
    value: T.POLICY_SIDS.starter,
    sources: [S.specTrustHub, S.starterProfile],
    confidence: "high",
  },
  {
    name: "UNCONFIRMED_PRIMARY_POLICY_SIDS",
    what: "Government and nonprofit primary policies: NOT recognised as an ISV's primary",
    value: T.UNCONFIRMED_PRIMARY_POLICY_SIDS,
    sources: [S.thirdPartyOneRepo],
    confidence: "low",
    note: "No Twilio page or spec example confirms them; a live account's GET /v1/Policies would.",
  },
  {
    name: "BUSINESS_IDENTITIES",
    what: "business_identity values",
    value: T.BUSINESS_IDENTITIES,
    sources: [S.secondaryProfile, S.ssIsvSingleProject, S.ssIsvSubaccounts],
    confidence: "high",
  },
  {
    name: "BUSINESS_TYPES",
    what: "business_type values",
    value: T.BUSINESS_TYPES,
    sources: [S.secondaryProfile, S.ssIsvSingleProject, S.translatedShakenStir],
    confidence: "medium",
    note: "Pages disagree: `Non-profit Corporation` (secondary-profile page), `Non-profit` (SHAKEN/STIR pages), `Limited Liability Partnership` (a translated copy only). All are accepted.",
  },
  {
    name: "BUSINESS_INDUSTRIES",
    what: "business_industry values",
    value: T.BUSINESS_INDUSTRIES,
    sources: [S.secondaryProfile, S.ssIsvSingleProject],
    confidence: "high",
    note: "`ELECTRONICS` and `NOT_FOR_PROFIT` come from the SHAKEN/STIR ISV pages.",
  },
  {
    name: "REGISTRATION_ID_TYPES",
    what: "business_registration_identifier values",
    value: T.REGISTRATION_ID_TYPES,
    sources: [S.secondaryProfile, S.ssIsvSubaccounts],
    confidence: "high",
    note: "DUNS appears in a code sample; reported refused for A2P 10DLC (warning rule/duns).",
  },
  {
    name: "REGISTRATION_OTHER_TYPE_ATTRIBUTE",
    what: "Attribute naming the registration type when the identifier is `Other`",
    value: T.REGISTRATION_OTHER_TYPE_ATTRIBUTE,
    sources: [
      S.secondaryProfile,
      unverified("the key: searched Twilio docs, the spec and public code, not found"),
    ],
    confidence: "low",
    note: "The page requires the name of the other type; GET /v1/EndUserTypes/customer_profile_business_information on a live account lists the real key.",
  },
  {
    name: "REGIONS_OF_OPERATION",
    what: "business_regions_of_operation values",
    value: T.REGIONS_OF_OPERATION,
    sources: [S.secondaryProfile, S.ssIsvSubaccounts],
    confidence: "high",
    note: "Examples send one string; how several regions are encoded (comma list) is unverified.",
  },
  {
    name: "JOB_POSITIONS",
    what: "job_position values of authorized representatives",
    value: T.JOB_POSITIONS,
    sources: [S.secondaryProfile],
    confidence: "high",
  },
  {
    name: "END_USER_TYPES",
    what: "EndUser type machine names",
    value: T.END_USER_TYPES,
    sources: [S.specTrustHub, S.isvA2p, S.thirdPartyIndividual],
    confidence: "medium",
    note: "`individual_customer_profile_information` comes from third-party code only.",
  },
  {
    name: "END_USER_ATTRIBUTES.business",
    what: "Attributes of customer_profile_business_information",
    value: T.END_USER_ATTRIBUTES.business,
    sources: [S.specTrustHub, S.isvA2p],
    confidence: "high",
  },
  {
    name: "END_USER_ATTRIBUTES.representative",
    what: "Attributes of authorized_representative_1 and _2",
    value: T.END_USER_ATTRIBUTES.representative,
    sources: [S.specTrustHub, S.secondaryProfile],
    confidence: "high",
  },
  {
    name: "END_USER_ATTRIBUTES.individual",
    what: "Attributes of individual_customer_profile_information",
    value: T.END_USER_ATTRIBUTES.individual,
    sources: [S.thirdPartyIndividual, unverified("profile_name and birth_date: no Twilio source")],
    confidence: "low",
  },
  {
    name: "SUBACCOUNT_RULES",
    what: "ISVs using subaccounts: the primary lives in the parent; subaccount secondaries connect to it",
    value: T.SUBACCOUNT_RULES,
    sources: [S.ssIsvSubaccounts, S.secondaryProfile, S.isvA2p, S.subaccounts],
    confidence: "high",
    note: "Trust Hub (a product subdomain) must be called with the subaccount's own credentials (its SID and token, or its API key): the parent's credentials reach only 2010 resources of subaccounts, and the parent's API keys none (Twilio's subaccount docs).",
  },
  {
    name: "SUPPORTING_DOCUMENT_TYPES",
    what: "SupportingDocument type of the address",
    value: T.SUPPORTING_DOCUMENT_TYPES,
    sources: [S.specTrustHub, S.isvA2p],
    confidence: "high",
  },
  {
    name: "FRIENDLY_NAME_MAX_LENGTH",
    what: "FriendlyName must be 1-64 characters",
    value: FRIENDLY_NAME_MAX_LENGTH,
    sources: [S.error20002],
    confidence: "medium",
    note: "Error 20002 states it for 'many Twilio resources'; the Trust Hub spec gives no length.",
  },
  {
    name: "ADDRESS_FRIENDLY_NAME_MAX_LENGTH",
    what: "Address FriendlyName up to 64 characters (regulatory compliance)",
    value: ADDRESS_FRIENDLY_NAME_MAX_LENGTH,
    sources: [S.specApi2010],
    confidence: "high",
  },
  {
    name: "INVALID_FRIENDLY_NAME_ERROR",
    what: "Error for a FriendlyName outside 1-64 characters",
    value: INVALID_FRIENDLY_NAME_ERROR,
    sources: [S.error20002],
    confidence: "medium",
    note: "The code and title are documented; the exact `message` of the API body is not.",
  },
  {
    name: "REJECTION_REASONS",
    what: "Rejection codes 18601-18609 and their texts",
    value: REJECTION_REASONS,
    sources: [S.rejectionCodes],
    confidence: "high",
  },
  {
    name: "STATUS_CALLBACK_FIELDS",
    what: "Form fields of the profile status callback",
    value: STATUS_CALLBACK_FIELDS,
    sources: [S.soleProprietorStarter, S.thirdPartyCallbackHandlers],
    confidence: "low",
    note: "Twilio documents a textual failure reason; the field names come from third-party handlers.",
  },
];

export const FACTS: readonly Fact[] = [...PROFILE_FACTS, ...PRODUCT_FACTS];

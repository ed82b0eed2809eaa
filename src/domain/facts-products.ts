/**
 * The Twilio facts about trust products and phone numbers (issue 14), with
 * their sources and confidence; part of FACTS (src/domain/facts.ts). Pure data.
 * [DOC] read on Twilio's page; [3P] third-party code only.
 */
import type { Fact } from "./facts.ts";
import { SOURCES as S, unverified } from "./sources.ts";
import * as P from "./trust-products.ts";

const POLICY_STATIC =
  "Twilio's guide calls the policy SID 'a static value that will stay the same across all accounts'.";

export const PRODUCT_FACTS: readonly Fact[] = [
  {
    name: "TRUST_POLICY_SIDS.a2pMessagingProfile",
    what: "Policy of the A2P messaging profile trust product",
    value: P.TRUST_POLICY_SIDS.a2pMessagingProfile,
    sources: [S.isvA2p],
    confidence: "high",
  },
  {
    name: "TRUST_POLICY_SIDS.shakenStir",
    what: "Policy of the SHAKEN/STIR trust product",
    value: P.TRUST_POLICY_SIDS.shakenStir,
    sources: [S.thirdPartyShakenStirPolicy, S.thirdPartyProductPolicies, S.ssIsvSingleProject],
    confidence: "medium",
    note: "Twilio's SHAKEN/STIR ISV guides describe the trust product but the SID comes from third-party code only.",
  },
  {
    name: "TRUST_POLICY_SIDS.cnam",
    what: "Policy of the CNAM trust product",
    value: P.TRUST_POLICY_SIDS.cnam,
    sources: [S.cnam, S.thirdPartyProductPolicies],
    confidence: "high",
    note: `The CNAM guide's 'Create CNAM Trust Product' sample sends it; ${POLICY_STATIC}`,
  },
  {
    name: "TRUST_POLICY_SIDS.voiceIntegrity",
    what: "Policy of the Voice Integrity trust product",
    value: P.TRUST_POLICY_SIDS.voiceIntegrity,
    sources: [S.thirdPartyProductPolicies, S.thirdPartyVoiceIntegrity, S.viIsvSubaccounts],
    confidence: "medium",
    note: "Several independent integrators agree on it; the Voice Integrity guides' text we could read does not show the SID.",
  },
  {
    name: "A2P_END_USER_TYPE",
    what: "End-user type of an A2P messaging profile",
    value: P.A2P_END_USER_TYPE,
    sources: [S.isvA2p],
    confidence: "high",
  },
  {
    name: "A2P_COMPANY_TYPES",
    what: "company_type values of an A2P messaging profile",
    value: P.A2P_COMPANY_TYPES,
    sources: [S.isvA2p, S.governmentNonprofitA2p],
    confidence: "medium",
    note: "private and public from the ISV guide; the agencies page has ISVs send company_type government or non_profit.",
  },
  {
    name: "A2P_PUBLIC_COMPANY_FIELDS",
    what: "A2P end-user fields required only for public companies",
    value: P.A2P_PUBLIC_COMPANY_FIELDS,
    sources: [S.isvA2p],
    confidence: "high",
  },
  {
    name: "CNAM_END_USER_TYPE",
    what: "End-user type of a CNAM trust product",
    value: P.CNAM_END_USER_TYPE,
    sources: [S.cnam],
    confidence: "high",
    note: "Step 'Create CNAM End User': 'don't change the Type. It needs to be cnam_information'.",
  },
  {
    name: "CNAM_DISPLAY_NAME_FIELD",
    what: "Attribute of the CNAM end user holding the display name",
    value: P.CNAM_DISPLAY_NAME_FIELD,
    sources: [S.cnam],
    confidence: "high",
  },
  {
    name: "CNAM_DISPLAY_NAME_MAX_LENGTH",
    what: "A CNAM display name has at most 15 characters",
    value: P.CNAM_DISPLAY_NAME_MAX_LENGTH,
    sources: [S.cnam],
    confidence: "high",
  },
  {
    name: "CNAM_DISPLAY_NAME_PATTERN",
    what: "A CNAM display name begins with a letter and holds only letters, numbers, periods, commas and spaces",
    value: P.CNAM_DISPLAY_NAME_PATTERN,
    sources: [S.cnam],
    confidence: "high",
    note: "The guide also asks for 'a unique name ... not a generic value such as a City/State', which no pattern checks. Which letters count (ASCII only here) is our reading.",
  },
  {
    name: "CNAM_REGISTRATION_ID_TYPES",
    what: "CNAM needs a Business Profile registered with an EIN or a DUNS number",
    value: P.CNAM_REGISTRATION_ID_TYPES,
    sources: [S.cnam],
    confidence: "high",
    note: "Eligibility: 'Your Business Profile must be associated with an Employer Identification Number (EIN) or a Data Universal Numbering System (DUNS) number.'",
  },
  {
    name: "CNAM_ISO_COUNTRIES",
    what: "CNAM is available for US phone numbers only",
    value: P.CNAM_ISO_COUNTRIES,
    sources: [S.cnam],
    confidence: "high",
    note: "Canadian numbers and US/CA toll-free numbers cannot be assigned to CNAM trust products.",
  },
  {
    name: "TOLL_FREE_AREA_CODES",
    what: "North American toll-free area codes, whose numbers cannot carry CNAM",
    value: P.TOLL_FREE_AREA_CODES,
    sources: [S.nanpaTollFree, S.cnam],
    confidence: "medium",
    note: "That toll-free numbers cannot be assigned to CNAM trust products is Twilio's (CNAM guide); the list of codes is NANPA's.",
  },
  {
    name: "VOICE_INTEGRITY_END_USER_TYPE",
    what: "End-user type of a Voice Integrity trust product",
    value: P.VOICE_INTEGRITY_END_USER_TYPE,
    sources: [S.thirdPartyVoiceIntegrity, S.viIsvSubaccounts, S.viDirectCustomer],
    confidence: "medium",
    note: "Several independent integrators citing the Voice Integrity guides agree; we could not read the guides' end-user step ourselves.",
  },
  {
    name: "VOICE_INTEGRITY_FIELDS",
    what: "Attributes of the Voice Integrity end user",
    value: P.VOICE_INTEGRITY_FIELDS,
    sources: [S.thirdPartyVoiceIntegrity, S.viIsvSubaccounts],
    confidence: "medium",
    note: "Third-party code only. One integrator reports use_case must be one of ~45 Twilio labels (e.g. 'Outbound Dialer'); not enforced here. notes is sent empty by some.",
  },
  {
    name: "VOICE_INTEGRITY_POSITIVE_INTEGER_FIELDS",
    what: "Voice Integrity attributes sent as strings of positive integers",
    value: P.VOICE_INTEGRITY_POSITIVE_INTEGER_FIELDS,
    sources: [S.thirdPartyVoiceIntegrity, unverified("the format on a Twilio page: not found")],
    confidence: "low",
    note: "Integrators disagree: most send integer strings ('10', never '0'); one sends average_business_day_call_volume as a range ('0-100', '101-1000').",
  },
  {
    name: "PRODUCT_PROFILE_STATUSES",
    what: "A trust product evaluates against a customer profile that is in-review or approved",
    value: P.PRODUCT_PROFILE_STATUSES,
    sources: [S.thirdPartyEvaluationMessage, S.ssIsvSubaccounts, S.secondaryProfile],
    confidence: "low",
    note: "Known (3P) for a secondary's primary; applied to trust products by analogy. Not contradicted: the guides create and submit the product right after submitting the profile, which a compliant profile leaves for in-review ('your Secondary Customer Profile state changes to in-review').",
  },
  {
    name: "CHANNEL_ENDPOINTS_ANY_STATUS",
    what: "Phone numbers may be assigned to a customer profile or a trust product in any status",
    value: P.CHANNEL_ENDPOINTS_ANY_STATUS,
    sources: [S.viDirectCustomer, S.ssDirectCustomer, S.cnam],
    confidence: "medium",
    note: "The direct-customer guides add numbers to a primary profile 'submit[ted] for vetting' in the Console; the CNAM guide registers numbers 'after Twilio approves the CNAM Trust Product'. No page states it for draft or rejected bundles, nor for removal.",
  },
  {
    name: "CHANNEL_ENDPOINTS_PROFILE_FIRST",
    what: "A number must be assigned to the customer profile before the trust product",
    value: P.CHANNEL_ENDPOINTS_PROFILE_FIRST,
    sources: [S.ssDirectCustomer, S.viDirectCustomer, S.cnam, S.ssIsvSubaccounts],
    confidence: "high",
    note: "'This is required before you can add a phone number to your SHAKEN/STIR [Voice Integrity] Trust Product'; CNAM: 'Only those phone numbers already assigned to your Business Profile are eligible'. The error Twilio answers otherwise is not documented (the emulator's is a guess).",
  },
];

/** Where Twilio facts come from (used by src/domain/facts.ts). Pure data. */

export type SourceKind = "twilio-docs" | "twilio-spec" | "third-party" | "unverified";

export interface Source {
  kind: SourceKind;
  /** A URL, a spec file and pointer, or what was searched for in vain. */
  ref: string;
}

const docs = (ref: string): Source => ({ kind: "twilio-docs", ref });
const spec = (ref: string): Source => ({ kind: "twilio-spec", ref });

const TW = "https://www.twilio.com/docs";
const SS = `${TW}/voice/trusted-calling-with-shakenstir/shakenstir-onboarding`;
const VI = `${TW}/voice/spam-monitoring-with-voiceintegrity/voice-integrity-onboarding`;

export const SOURCES = {
  specTrustHub: spec("twilio/twilio-oai spec/json/twilio_trusthub_v1.json"),
  specApi2010: spec("twilio/twilio-oai spec/json/twilio_api_v2010.json"),
  overview: docs(`${TW}/trust-hub/trusthub-rest-api`),
  secondaryProfile: docs(`${TW}/trust-hub/trusthub-rest-api/api-create-secondary-customer-profile`),
  starterProfile: docs(`${TW}/trust-hub/trusthub-rest-api/api-create-a-starter-profile`),
  isvA2p: docs(`${TW}/messaging/compliance/a2p-10dlc/onboarding-isv-api`),
  ssIsvSubaccounts: docs(`${SS}/shaken-stir-trust-hub-api-isvs-subaccounts`),
  ssIsvSingleProject: docs(`${SS}/shaken-stir-trust-hub-api-isvs-single-project`),
  ssDirectCustomer: docs(`${SS}/shaken-stir-trust-hub-api-direct-customer`),
  cnam: docs(`${TW}/voice/brand-your-calls-using-cnam`),
  viIsvSubaccounts: docs(`${VI}/voice-integrity-trust-hub-api-isvs-subaccounts`),
  viDirectCustomer: docs(`${VI}/voice-integrity-trust-hub-api-direct-customer`),
  subaccounts: docs(`${TW}/iam/api/subaccounts`),
  error20002: docs(`${TW}/api/errors/20002`),
  error60711: docs(`${TW}/api/errors/60711`),
  rejectionCodes: docs(
    "https://www.twilio.com/en-us/changelog/introducing-error-codes-for-trust-hub-customer-profiles",
  ),
  soleProprietorStarter: docs(`${TW}/sms/a2p-10dlc/isv-starter-api`),
  thirdPartyPrimaryPolicies: {
    kind: "third-party",
    ref: "several independent integrator repositories recording live GET /v1/Policies answers",
  },
  thirdPartyOneRepo: {
    kind: "third-party",
    ref: "one integrator repository's constants (no second source found)",
  },
  thirdPartyCallbackHandlers: {
    kind: "third-party",
    ref: "integrators' webhook handlers reading form fields BundleSid, Status, FailureReason",
  },
  thirdPartyIndividual: {
    kind: "third-party",
    ref: "integrator scripts creating individual_customer_profile_information end users",
  },
  governmentNonprofitA2p: docs(
    `${TW}/messaging/compliance/a2p-10dlc/onboarding-for-government-and-non-profit-agencies`,
  ),
  thirdPartyShakenStirPolicy: {
    kind: "third-party",
    ref: "public integrator scripts that look the SHAKEN/STIR trust product up by its policy SID",
  },
  thirdPartyProductPolicies: {
    kind: "third-party",
    ref: "several independent integrator repositories mapping trust-product policy SIDs (CNAM, Voice Integrity, SHAKEN/STIR) and creating products with them",
  },
  thirdPartyVoiceIntegrity: {
    kind: "third-party",
    ref: "integrator code creating voice_integrity_information end users (several repositories citing Twilio's Voice Integrity ISV guide)",
  },
  thirdPartyEvaluationMessage: {
    kind: "third-party",
    ref: "integrators quoting the evaluation failure 'must be in approved or in-review state' (22217) for a supporting customer profile",
  },
  nanpaTollFree: {
    kind: "third-party",
    ref: "NANPA: the toll-free service access codes 800, 833, 844, 855, 866, 877, 888 (not a Twilio source)",
  },
  translatedShakenStir: {
    kind: "third-party",
    ref: "a translated copy of the SHAKEN/STIR ISV page (the English page does not list it)",
  },
} as const satisfies Record<string, Source>;

export function unverified(what: string): Source {
  return { kind: "unverified", ref: what };
}

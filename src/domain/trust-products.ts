/**
 * Twilio facts about trust products (issue 14); each has its source and
 * confidence in src/domain/facts-products.ts. Pure data.
 */

/** Policies of the trust products the emulator models. */
export const TRUST_POLICY_SIDS = {
  a2pMessagingProfile: "RNb0d4771c2c98518d916a3d4cd70a8f8b",
  shakenStir: "RN7a97559effdf62d00f4298208492a5ea",
  cnam: "RNf3db3cd1fe25fcfd3c3ded065c8fea53",
  voiceIntegrity: "RN5b3660f9598883b1df4e77f77acefba0",
} as const;

/** The end-user type of an A2P messaging profile. */
export const A2P_END_USER_TYPE = "us_a2p_messaging_profile_information";

/** `company_type` values of an A2P messaging profile. */
export const A2P_COMPANY_TYPES = ["private", "public", "non_profit", "government"] as const;

/** Fields of the A2P end user required only when `company_type` is `public`. */
export const A2P_PUBLIC_COMPANY_FIELDS = ["stock_exchange", "stock_ticker"] as const;
export type A2pCompanyType = (typeof A2P_COMPANY_TYPES)[number];

/** The end-user type of a CNAM trust product, and its one attribute. */
export const CNAM_END_USER_TYPE = "cnam_information";
export const CNAM_DISPLAY_NAME_FIELD = "cnam_display_name";

/** CNAM display name: at most 15 characters. */
export const CNAM_DISPLAY_NAME_MAX_LENGTH = 15;

/** CNAM display name: starts with a letter; letters, digits, periods, commas and spaces only. */
export const CNAM_DISPLAY_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9., ]*$";

/** The business registration identifiers a CNAM customer profile must have (EIN or DUNS). */
export const CNAM_REGISTRATION_ID_TYPES = ["EIN", "DUNS"] as const;

/** Countries whose phone numbers may carry CNAM (US only; not Canada, not toll-free). */
export const CNAM_ISO_COUNTRIES = ["US"] as const;

/** North American toll-free area codes (NANPA); CNAM cannot be set on toll-free numbers. */
export const TOLL_FREE_AREA_CODES = ["800", "833", "844", "855", "866", "877", "888"] as const;

/**
 * Why an E.164 number cannot carry CNAM, or null: outside +1 (US only) or toll-free. A Canadian
 * number (+1 too) passes: telling it from a US one needs the area code's country.
 */
export function cnamNumberIssue(e164: string): string | null {
  if (!/^\+1\d{10}$/.test(e164)) return `${e164} is not a US number; CNAM is for US numbers only`;
  const area = e164.slice(2, 5);
  if ((TOLL_FREE_AREA_CODES as readonly string[]).includes(area))
    return `${e164} is a toll-free number; CNAM cannot be set on toll-free numbers`;
  return null;
}

/** Whether `name` is a valid CNAM display name (length and characters). */
export function isCnamDisplayName(name: string): boolean {
  return (
    name.length <= CNAM_DISPLAY_NAME_MAX_LENGTH && new RegExp(CNAM_DISPLAY_NAME_PATTERN).test(name)
  );
}

/** The end-user type of a Voice Integrity trust product. */
export const VOICE_INTEGRITY_END_USER_TYPE = "voice_integrity_information";

/** Attributes of the Voice Integrity end user (`notes` may be empty). */
export const VOICE_INTEGRITY_FIELDS = [
  "use_case",
  "business_employee_count",
  "average_business_day_call_volume",
  "notes",
] as const;

/** Voice Integrity attributes sent as strings of positive integers ("10", never "0"). */
export const VOICE_INTEGRITY_POSITIVE_INTEGER_FIELDS = [
  "business_employee_count",
  "average_business_day_call_volume",
] as const;

/**
 * Issue 14 contract (sources and confidence: src/domain/facts-products.ts):
 * a trust product is evaluated against a customer profile in one of these statuses (the emulator's
 * rule 22217, as for a secondary's primary); the plan blocks a product until its profile is in one.
 */
export const PRODUCT_PROFILE_STATUSES = ["in-review", "twilio-approved"] as const;

/**
 * Issue 14 contract: phone numbers may be assigned to (and removed from) a customer profile or a
 * trust product in any status, so the plan treats them apart from the bundle's edit lock
 * (Twilio's Voice Integrity guide for direct customers adds numbers to a primary profile already
 * submitted in the Console). Source and confidence: src/domain/facts-products.ts.
 */
export const CHANNEL_ENDPOINTS_ANY_STATUS = true;

/**
 * A phone number must be assigned to the customer profile (the one assigned to the trust product)
 * before it can be assigned to the trust product; so numbers go to the profile first.
 */
export const CHANNEL_ENDPOINTS_PROFILE_FIRST = true;

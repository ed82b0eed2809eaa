/**
 * Twilio facts about trust products (issue 14); each has its source and
 * confidence in src/domain/facts.ts. Pure data.
 */

/** Policies of the trust products the emulator models. */
export const TRUST_POLICY_SIDS = {
  a2pMessagingProfile: "RNb0d4771c2c98518d916a3d4cd70a8f8b",
  shakenStir: "RN7a97559effdf62d00f4298208492a5ea",
} as const;

/** The end-user type of an A2P messaging profile. */
export const A2P_END_USER_TYPE = "us_a2p_messaging_profile_information";

/** `company_type` values of an A2P messaging profile. */
export const A2P_COMPANY_TYPES = ["private", "public", "non_profit", "government"] as const;

/** Fields of the A2P end user required only when `company_type` is `public`. */
export const A2P_PUBLIC_COMPANY_FIELDS = ["stock_exchange", "stock_ticker"] as const;
export type A2pCompanyType = (typeof A2P_COMPANY_TYPES)[number];

/**
 * Issue 14 contract (sources and confidence: src/domain/facts.ts, kept by the emulator helper):
 * a trust product is evaluated against a customer profile in one of these statuses (the emulator's
 * rule 22217, as for a secondary's primary); the plan blocks a product until its profile is in one.
 */
export const PRODUCT_PROFILE_STATUSES = ["in-review", "twilio-approved"] as const;

/**
 * Issue 14 contract: phone numbers may be assigned to (and removed from) a customer profile or a
 * trust product in any status, so the plan treats them apart from the bundle's edit lock
 * (Twilio's Voice Integrity guide for direct customers adds numbers to a primary profile already
 * submitted in the Console). Source and confidence: src/domain/facts.ts.
 */
export const CHANNEL_ENDPOINTS_ANY_STATUS = true;

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

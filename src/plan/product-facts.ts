/**
 * What the planner needs to know per trust product kind: its policy, its end
 * user's type and the attributes the YAML sets on it. Pure data.
 *
 * TODO(lead): CNAM and Voice Integrity policy SIDs and end-user types belong in
 * src/domain/trust-products.ts (the emulator helper adds them there with their
 * sources in src/domain/facts.ts); point these two entries at them when merged.
 */
import { A2P_END_USER_TYPE, TRUST_POLICY_SIDS } from "../domain/trust-products.ts";
import type { TrustProductKind } from "../model/config.ts";

export interface ProductFacts {
  policySid: string;
  /** The end user's type; undefined when the product has none (SHAKEN/STIR). */
  endUserType?: string;
  /** Suffix of default friendly names ("<profile> - A2P Messaging"). */
  label: string;
  /** Voice products carry phone numbers. */
  voice: boolean;
}

export const PRODUCT_FACTS: Record<TrustProductKind, ProductFacts> = {
  "a2p-messaging": {
    policySid: TRUST_POLICY_SIDS.a2pMessagingProfile,
    endUserType: A2P_END_USER_TYPE,
    label: "A2P Messaging",
    voice: false,
  },
  "shaken-stir": { policySid: TRUST_POLICY_SIDS.shakenStir, label: "SHAKEN/STIR", voice: true },
  cnam: {
    policySid: "RNf3db3cd1fe25fcfd3c3ded065c8fea53",
    endUserType: "cnam_information",
    label: "CNAM",
    voice: true,
  },
  "voice-integrity": {
    policySid: "RN5b3660f9598883b1df4e77f77acefba0",
    endUserType: "voice_integrity_information",
    label: "Voice Integrity",
    voice: true,
  },
};

/** TrustProductKind order: plan and apply order. */
export const PRODUCT_ORDER: TrustProductKind[] = [
  "a2p-messaging",
  "shaken-stir",
  "cnam",
  "voice-integrity",
];

/** End-user attributes that are public business data (never redacted); others are sensitive. */
export const PUBLIC_PRODUCT_ATTRIBUTES = new Set([
  "company_type",
  "stock_exchange",
  "stock_ticker",
  "cnam_display_name",
  "use_case",
  "business_employee_count",
  "average_business_day_call_volume",
]);

/** The kind of a live trust product, by its policy. */
export function kindOfPolicy(policySid: string): TrustProductKind | undefined {
  return PRODUCT_ORDER.find((k) => PRODUCT_FACTS[k].policySid === policySid);
}

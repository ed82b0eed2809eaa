/**
 * What the planner needs to know per trust product kind: its policy, its end
 * user's type and the attributes the YAML sets on it. Pure data; the Twilio
 * facts come from src/domain/trust-products.ts (sources in src/domain).
 */
import {
  A2P_END_USER_TYPE,
  CNAM_END_USER_TYPE,
  TRUST_POLICY_SIDS,
  VOICE_INTEGRITY_END_USER_TYPE,
} from "../domain/trust-products.ts";
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
    policySid: TRUST_POLICY_SIDS.cnam,
    endUserType: CNAM_END_USER_TYPE,
    label: "CNAM",
    voice: true,
  },
  "voice-integrity": {
    policySid: TRUST_POLICY_SIDS.voiceIntegrity,
    endUserType: VOICE_INTEGRITY_END_USER_TYPE,
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

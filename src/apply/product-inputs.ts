/**
 * Inputs and outputs of the trust product resource (issue 14, type
 * pulumi-nodejs:dynamic/trusthub:TrustProduct), and its `check`: structural,
 * deterministic, pure. The provider tells a product from a profile by the
 * `product` field (src/model/plan.ts ProductResourceInputs).
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { TrustProductKind } from "../model/config.ts";
import type { ProductResourceInputs } from "../model/plan.ts";
import type { ManagedProductRecord } from "../model/trusthub.ts";
import type { CheckFailure } from "./inputs.ts";

/**
 * The plan's inputs, plus `profileSid`: the output of its profile's resource when that profile is
 * registered in the same program (so Pulumi writes the profile first); it replaces the
 * "profile:<key>" placeholder of desired.customerProfileSid.
 */
export type ProductInputs = ProductResourceInputs & { profileSid?: string };

/** Outputs: SIDs, status and evaluation only, never personal data. */
export interface ProductOutputs {
  key: string;
  profileKey: string;
  product: TrustProductKind;
  productSid: string;
  status: ProfileStatus;
  record: ManagedProductRecord;
  /** sha256 of the desired product (src/apply/handoff.ts bundleDigest); "-" when held. */
  digest: string;
  /**
   * Writes of the last create/update, e.g. "end user created (IT...)": only with inline bundles
   * (tests, inputs written before issue 15); else in the run's writes log, and the engine's
   * collector puts them back into the outcome (never in state).
   */
  writes?: string[];
  /** The evaluation of the last create/update, when one ran. */
  evaluation?: "compliant" | "noncompliant";
  /** Failing requirement fields of that evaluation (no free text: it may quote values). */
  failures?: ProductFailure[];
  /** The last create/update submitted it for review. */
  submitted?: boolean;
}

/** One failing requirement of an evaluation: Twilio's requirement name, field and error code. */
export interface ProductFailure {
  requirement: string;
  /** Empty when the whole object is missing. */
  field: string;
  code: number | null;
}

export const PRODUCT_KINDS: TrustProductKind[] = [
  "a2p-messaging",
  "shaken-stir",
  "cnam",
  "voice-integrity",
];

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const BU = /^BU[0-9a-fA-F]{32}$/;
const PN = /^PN[0-9a-fA-F]{32}$/;

export function checkProductInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const key = news["key"];
  if (typeof key !== "string" || key === "") fail("key", "must be a non-empty string");
  if (typeof news["profileKey"] !== "string") fail("profileKey", "must be a string");
  if (!PRODUCT_KINDS.includes(news["product"] as TrustProductKind))
    fail("product", `must be one of ${PRODUCT_KINDS.join(", ")}`);
  const mode = news["mode"] ?? "apply";
  if (mode !== "apply" && mode !== "hold") fail("mode", "must be apply or hold");
  const inputs: Record<string, unknown> = { ...news, mode };
  const d = news["desired"];
  if (mode === "apply") {
    if (!isObj(d)) {
      fail("desired", "is required when mode is apply");
    } else {
      if (d["key"] !== key) fail("desired.key", "must equal key");
      if (d["kind"] !== news["product"]) fail("desired.kind", "must equal product");
      const p = d["product"];
      if (!isObj(p) || typeof p["friendlyName"] !== "string" || typeof p["policySid"] !== "string")
        fail("desired.product", "needs friendlyName and policySid");
      const eu = d["endUser"];
      if (
        eu !== undefined &&
        (!isObj(eu) || typeof eu["type"] !== "string" || !isObj(eu["attributes"]))
      )
        fail("desired.endUser", "needs a type and attributes");
      const cp = d["customerProfileSid"];
      if (typeof cp !== "string" || !(BU.test(cp) || cp.startsWith("profile:")))
        fail("desired.customerProfileSid", 'must be a BU... SID or "profile:<key>"');
      const pns = d["phoneNumberSids"];
      if (!Array.isArray(pns) || pns.some((s) => typeof s !== "string" || !PN.test(s))) {
        fail("desired.phoneNumberSids", "must be a list of PN... SIDs");
      } else {
        inputs["desired"] = { ...d, phoneNumberSids: [...new Set(pns as string[])].sort() };
      }
    }
  }
  const adopt = news["adoptSid"];
  if (adopt !== undefined && (typeof adopt !== "string" || !BU.test(adopt)))
    fail("adoptSid", "must be a trust product SID (BU...)");
  // profileSid (its profile's output) is not checked: in a preview it is still unknown (Pulumi's
  // placeholder string); reconcile uses it only when it is a BU... SID.
  return { inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>, failures };
}

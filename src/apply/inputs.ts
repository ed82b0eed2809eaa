/**
 * Inputs and outputs of the Trust Hub profile resource, and the provider's
 * `check`: structural validation and normalisation, deterministic and pure
 * (it also runs during preview).
 */
import type { ProfileKind } from "../model/config.ts";
import type { ProfileStatus } from "../domain/twilio.ts";
import type { ResourceInputs } from "../model/plan.ts";
import type { ManagedRecord } from "../model/trusthub.ts";

export type ResourceMode = ResourceInputs["mode"];

/** The resource's inputs: decided by the plan (src/plan/resources.ts), checked here. */
export type ProfileInputs = ResourceInputs;

/** Outputs: SIDs and status only, never personal data. */
export interface ProfileOutputs {
  key: string;
  kind: ProfileKind;
  profileSid: string;
  status: ProfileStatus;
  record: ManagedRecord;
  /** sha256 of the desired bundle (src/apply/handoff.ts bundleDigest); "-" when held. */
  digest: string;
  /**
   * Writes done by the last create/update, e.g. "business created (IT...)": only with inline
   * bundles (tests, inputs written before issue 15); else in the run's writes log, and the
   * engine's collector puts them back into the outcome (never in state).
   */
  writes?: string[];
}

const KINDS: ProfileKind[] = ["primary-business", "primary-individual", "secondary"];
const SLOTS = ["business", "representative1", "representative2", "individual"];

export interface CheckFailure {
  property: string;
  reason: string;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function checkInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const key = news["key"];
  if (typeof key !== "string" || key === "") fail("key", "must be a non-empty string");
  if (!KINDS.includes(news["kind"] as ProfileKind))
    fail("kind", `must be one of ${KINDS.join(", ")}`);
  const mode = news["mode"] ?? "apply";
  if (mode !== "apply" && mode !== "hold") fail("mode", "must be apply or hold");
  const inputs: Record<string, unknown> = { ...news, mode };
  const desired = news["desired"];
  if (mode === "apply") {
    if (!isObj(desired)) {
      fail("desired", "is required when mode is apply");
    } else {
      if (desired["key"] !== key) fail("desired.key", "must equal key");
      if (desired["kind"] !== news["kind"]) fail("desired.kind", "must equal kind");
      const p = desired["profile"];
      if (
        !isObj(p) ||
        typeof p["friendlyName"] !== "string" ||
        typeof p["policySid"] !== "string"
      ) {
        fail("desired.profile", "needs friendlyName and policySid");
      }
      if (!isObj(desired["address"])) fail("desired.address", "is required");
      const users = desired["endUsers"];
      if (!Array.isArray(users) || users.length === 0) {
        fail("desired.endUsers", "needs at least one end user");
      } else {
        for (const [i, u] of users.entries()) {
          if (!isObj(u) || !SLOTS.includes(u["slot"] as string) || !isObj(u["attributes"])) {
            fail(`desired.endUsers[${i}]`, "needs a known slot and attributes");
          }
        }
        const sorted = [...(users as { slot: string }[])].sort(
          (a, b) => SLOTS.indexOf(a.slot) - SLOTS.indexOf(b.slot),
        );
        inputs["desired"] = { ...desired, endUsers: sorted };
      }
      const primary = desired["primarySid"];
      if (primary !== undefined && typeof primary !== "string")
        fail("desired.primarySid", "must be a string");
    }
  }
  const adopt = news["adoptSid"];
  if (adopt !== undefined && (typeof adopt !== "string" || !/^BU[0-9a-fA-F]{32}$/.test(adopt))) {
    fail("adoptSid", "must be a customer profile SID (BU...)");
  }
  return { inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>, failures };
}

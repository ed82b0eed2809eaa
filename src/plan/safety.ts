/**
 * Safety thresholds (octoDNS `MAX_SAFE_UPDATE_PCENT` / `MAX_SAFE_DELETE_PCENT`
 * = 0.3 with `MIN_EXISTING_RECORDS` = 10): a plan that updates, or one that
 * deletes, more than 30% of the existing bundles is unsafe once there are at
 * least 10 of them. "Existing" = live profiles and trust products apply manages
 * (a record in Pulumi state whose bundle Trust Hub still holds); creates and
 * adoptions touch nothing apply already owns and do not count. An update counts
 * when it writes fields (a pending submit alone does not); a trust product's
 * update and its delete (`--prune`) count as a profile's do. Returns the violations;
 * `plan` prints them as a warning, `apply` refuses (EXIT.unsafe) unless the
 * plan is acknowledged by its checksum or `--force` (the caller decides). Pure.
 */
import type { Plan } from "../model/plan.ts";
import type { ObservedAccount } from "../model/trusthub.ts";

export interface SafetyPolicy {
  /** Fraction of existing profiles above which updates are unsafe. */
  maxUpdateFraction: number;
  /** Fraction of existing profiles above which deletes are unsafe. */
  maxDeleteFraction: number;
  /** Below this many existing profiles the thresholds do not apply. */
  minExisting: number;
}

export const DEFAULT_SAFETY: SafetyPolicy = {
  maxUpdateFraction: 0.3,
  maxDeleteFraction: 0.3,
  minExisting: 10,
};

export interface SafetyViolation {
  code: "safety/too-many-updates" | "safety/too-many-deletes";
  count: number;
  existing: number;
  /** The threshold as a fraction (0.3). */
  threshold: number;
  message: string;
}

/** Live profiles and trust products apply manages: the population the thresholds are relative to. */
export function existingManaged(account: ObservedAccount): number {
  const live = new Set(account.profiles.map((p) => p.sid));
  const profiles = Object.values(account.managed).filter((r) => live.has(r.profileSid)).length;
  const liveProducts = new Set((account.trustProducts ?? []).map((p) => p.sid));
  const products = Object.values(account.managedProducts ?? {}).filter((r) =>
    liveProducts.has(r.productSid),
  ).length;
  return profiles + products;
}

const pct = (f: number): string => `${(f * 100).toFixed(2)}%`;

export function checkSafety(
  plan: Plan,
  existing: number,
  policy: SafetyPolicy = DEFAULT_SAFETY,
): SafetyViolation[] {
  if (existing < policy.minExisting) return [];
  const all = [...plan.actions, ...plan.actions.flatMap((a) => a.trustProducts ?? [])];
  const updates = all.filter((a) => a.action === "update" && a.changes.length > 0).length;
  const deletes = all.filter((a) => a.action === "delete").length;
  const population =
    plan.productSummary === undefined ? "managed profiles" : "managed profiles and trust products";
  const out: SafetyViolation[] = [];
  const check = (
    code: SafetyViolation["code"],
    what: string,
    count: number,
    threshold: number,
  ): void => {
    if (count / existing <= threshold) return;
    out.push({
      code,
      count,
      existing,
      threshold,
      message: `too many ${what}: ${pct(count / existing)} is over ${pct(threshold)} (${count}/${existing} ${population})`,
    });
  };
  check("safety/too-many-updates", "updates", updates, policy.maxUpdateFraction);
  check("safety/too-many-deletes", "deletes", deletes, policy.maxDeleteFraction);
  return out;
}

/** What to tell the user, in plan (a warning) and apply (the refusal). */
export function safetyText(violations: SafetyViolation[], checksum: string): string {
  const lines = violations.map((v) => `  ${v.message}`);
  return [
    "This plan exceeds a safety threshold:",
    ...lines,
    `apply refuses it unless acknowledged for this exact plan: --ack-checksum ${checksum} (or --force).`,
  ].join("\n");
}

/**
 * Strips every personal value from a plan: sensitive field changes keep their
 * slot and field, lose `before`/`after`. buildPlan applies it unless
 * --show-sensitive; `--out` files always go through it. Pure.
 */
import type { FieldChange, Plan, ProfileAction } from "../model/plan.ts";

export function redactChange(c: FieldChange): FieldChange {
  if (!c.sensitive) return c;
  // A phone number change names the number in `field`: an individual's number is hidden there
  // too; "assigned" says only whether it is added or removed.
  if (c.slot === "phoneNumbers") return { ...c, field: REDACTED_NUMBER };
  return { slot: c.slot, field: c.field, sensitive: true };
}

/** The field of a redacted phone number change. */
export const REDACTED_NUMBER = "(sensitive number)";

/** A copy without personal values; provider inputs (symbol keys) are kept by the spreads. */
export function redactAction(a: ProfileAction): ProfileAction {
  const out: ProfileAction = { ...a, changes: a.changes.map(redactChange) };
  if (a.trustProducts !== undefined) {
    out.trustProducts = a.trustProducts.map((p) => ({
      ...p,
      changes: p.changes.map(redactChange),
    }));
  }
  return out;
}

export function redactPlan(plan: Plan): Plan {
  return { ...plan, actions: plan.actions.map(redactAction) };
}

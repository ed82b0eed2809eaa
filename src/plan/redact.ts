/**
 * Strips every personal value from a plan: sensitive field changes keep their
 * slot and field, lose `before`/`after`. buildPlan applies it unless
 * --show-sensitive; `--out` files always go through it. Pure.
 */
import type { FieldChange, Plan, ProfileAction } from "../model/plan.ts";

export function redactChange(c: FieldChange): FieldChange {
  if (!c.sensitive) return c;
  return { slot: c.slot, field: c.field, sensitive: true };
}

export function redactAction(a: ProfileAction): ProfileAction {
  return { ...a, changes: a.changes.map(redactChange) };
}

export function redactPlan(plan: Plan): Plan {
  return { ...plan, actions: plan.actions.map(redactAction) };
}

/**
 * The exit code of `trusthub plan`. Without --detailed-exitcode a plan that
 * was computed exits 0 whatever it holds (errors exit 1 elsewhere). With it:
 *   3 (EXIT.blocked) when any action is blocked: a human must act (Console
 *     step, duplicate, missing prerequisite); it wins over 2 because it is
 *     the one CI cannot resolve by applying;
 *   2 (EXIT.changes) when apply has work (create, update, adopt, delete,
 *     submit);
 *   8 (EXIT.immutableDrift) when the only difference is YAML drifted from
 *     profiles Twilio made immutable (skip): apply has nothing to do, the YAML
 *     must be reverted or Twilio asked to make the profile editable;
 *   0 when Trust Hub matches the configuration.
 * Issue 14: trust products count like profiles (Plan.productSummary); a
 * phone number assignment to write counts as a change even on a profile or
 * product that stays no-op or skip (Trust Hub accepts them in any status);
 * an error note (e.g. a declared number the account does not hold) counts as
 * blocked, since a human must act.
 */
import { EXIT, type ExitCode } from "../errors.ts";
import type { FieldChange, Plan, PlanSummary } from "../model/plan.ts";

export function planExitCode(plan: Plan, detailed: boolean): ExitCode {
  if (!detailed) return EXIT.ok;
  const s = plan.summary;
  const p = plan.productSummary;
  const products = plan.actions.flatMap((a) => a.trustProducts ?? []);
  const errors = [...plan.actions, ...products].some((a) =>
    a.notes.some((n) => n.severity === "error"),
  );
  if (s.blocked + (p?.blocked ?? 0) > 0 || errors) return EXIT.blocked;
  if (applyHasWork(plan)) return EXIT.changes;
  if (s.skip + (p?.skip ?? 0) > 0) return EXIT.immutableDrift;
  return EXIT.ok;
}

/**
 * Whether apply has anything to write: profiles or trust products to create, update, adopt,
 * delete or submit, or phone number assignments on a no-op or skip (which apply writes through
 * resources held in mode `hold`).
 */
export function applyHasWork(plan: Plan): boolean {
  const p = plan.productSummary;
  if (hasWork(plan.summary) || (p !== undefined && hasWork(p))) return true;
  const products = plan.actions.flatMap((a) => a.trustProducts ?? []);
  return [...plan.actions, ...products].some(writesNumbers);
}

function hasWork(s: PlanSummary): boolean {
  return s.create + s.update + s.adopt + s.delete + s.submit > 0;
}

/** A no-op or skip whose phone number assignments apply still writes. */
export function writesNumbers(a: { action: string; changes: FieldChange[] }): boolean {
  return (
    (a.action === "no-op" || a.action === "skip") &&
    a.changes.some((c) => c.slot === "phoneNumbers")
  );
}

/**
 * Apply's evaluation and submission of profiles after the update (trust
 * products are evaluated by their own provider): the sandbox's simulated
 * submit of an edited primary first (a secondary evaluates compliant only
 * against a primary in review or approved), then every profile this apply
 * wrote, or held and asked to submit, --parallelism at a time.
 *
 * Evaluating each profile as soon as Pulumi reported it written was tried
 * (issue 15): to keep --parallelism a bound across both processes it had to
 * reserve a fifth of the requests in flight for the evaluations during the
 * whole update, and the 1,000-profile apply took 27.0 s against 24.2 s for
 * this tail at full --parallelism (bench, same machine, same hour).
 */
import type { Plan, ProfileAction } from "../model/plan.ts";
import type { ProfileOutcome } from "../apply/engine.ts";
import { submitPrimaryAfter, type ConsoleSimulator } from "../apply/console-steps.ts";
import { evaluateAndSubmit, type SubmitItem, type SubmitOutcome } from "../apply/submit.ts";
import type { Interrupt } from "../apply/interrupt.ts";
import type { PreparedPlan } from "./plan.ts";

export interface EvaluationReport {
  /** Console steps the sandbox simulated after the update. */
  consoleLines: string[];
  /** Per profile evaluated (or left by an interrupt), in the plan's order. */
  submitted: SubmitOutcome[];
  /** Profiles that needed an evaluation, started or not. */
  needed: number;
}

/** A profile to evaluate: written by this apply, or held and asked to be submitted. */
function itemFor(a: ProfileAction, o: ProfileOutcome | undefined): SubmitItem | undefined {
  if (a.action === "delete" || (o && !o.ok)) return undefined;
  const written = o !== undefined && o.op !== "same";
  const sid = o?.outputs?.profileSid ?? a.sid;
  return sid && (written || a.submit) ? { action: a, sid } : undefined;
}

export async function evaluateAfterUpdate(
  p: PreparedPlan,
  plan: Plan,
  outcomes: ProfileOutcome[],
  parallel: number,
  simulator: ConsoleSimulator | undefined,
  interrupt: Interrupt,
): Promise<EvaluationReport> {
  const stop = () => interrupt.requested;
  const consoleLines =
    simulator && !stop() ? await submitPrimaryAfter(p.conn, simulator, p.config, plan) : [];
  const outcomeOf = new Map(outcomes.filter((o) => o.product !== true).map((o) => [o.key, o]));
  const items = plan.actions.flatMap((a) => itemFor(a, outcomeOf.get(a.key)) ?? []);
  const submitted =
    items.length > 0 && !stop() ? await evaluateAndSubmit(p.conn, items, parallel, stop) : [];
  return { consoleLines, submitted, needed: items.length };
}

/**
 * Apply's evaluation and submission of profiles (trust products are evaluated
 * by their own provider). A profile is evaluated as soon as Pulumi reports it
 * written, while the other profiles' writes go on; what is left after the
 * update runs at the full --parallelism. This removes the tail in which every
 * evaluation used to wait for the last profile's writes.
 *
 * --parallelism bounds the requests in flight of the whole apply, so during
 * the update a fifth of it (rounded down) goes to these evaluations and the
 * provider process gets the rest (`reserved`). Evaluations wait for the
 * update when that fifth is zero (--parallelism below 5), when --max-rps is
 * set (a rate per process would add up), and when the plan edits a primary:
 * Twilio evaluates a secondary compliant only against a primary in review or
 * approved, and an edited primary is submitted after the update (a Console
 * step; the sandbox simulates it first, submitPrimaryAfter).
 */
import type { Plan, ProfileAction } from "../model/plan.ts";
import type { ProfileOutcome } from "../apply/engine.ts";
import { submitPrimaryAfter, type ConsoleSimulator } from "../apply/console-steps.ts";
import { evaluator, type Evaluator, type SubmitItem, type SubmitOutcome } from "../apply/submit.ts";
import type { Interrupt } from "../apply/interrupt.ts";
import { LOAD_ENV, loadEnv } from "../state/http.ts";
import type { PreparedPlan } from "./plan.ts";

export interface EvaluationRun {
  /** Requests in flight kept for evaluations during the update (0: they wait for it). */
  reserved: number;
  /** Pulumi finished a resource: a written profile (or one to submit) is evaluated now. */
  onOutcome(outcome: ProfileOutcome): void;
  /** After the update: the simulated primary submit, then the rest of the evaluations. */
  finish(outcomes: ProfileOutcome[]): Promise<EvaluationReport>;
}

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

export function evaluationRun(
  p: PreparedPlan,
  plan: Plan,
  parallel: number,
  simulator: ConsoleSimulator | undefined,
  interrupt: Interrupt,
): EvaluationRun {
  const stop = () => interrupt.requested;
  const order = new Map(plan.actions.map((a, i) => [a.key, i]));
  const byKey = new Map(plan.actions.map((a) => [a.key, a]));
  const load = loadEnv();
  const primaryEdited = plan.actions.some((a) => a.kind !== "secondary" && a.changes.length > 0);
  const reserved =
    primaryEdited || load[LOAD_ENV.maxRps] !== undefined
      ? 0
      : Math.floor(Number(load[LOAD_ENV.parallelism]) / 5);
  const started = new Set<string>();
  let ev: Evaluator | undefined;
  const start = (item: SubmitItem, size: number): void => {
    ev ??= evaluator(p.conn, size, stop);
    ev.add(item);
    started.add(item.action.key);
  };
  return {
    reserved,
    onOutcome(o) {
      if (reserved === 0 || o.product === true || stop()) return;
      const a = byKey.get(o.key);
      const item = a && itemFor(a, o);
      if (item) start(item, reserved);
    },
    async finish(outcomes) {
      const consoleLines =
        simulator && !stop() ? await submitPrimaryAfter(p.conn, simulator, p.config, plan) : [];
      const outcomeOf = new Map(outcomes.filter((o) => o.product !== true).map((o) => [o.key, o]));
      let needed = started.size;
      for (const a of plan.actions) {
        if (started.has(a.key)) continue;
        const item = itemFor(a, outcomeOf.get(a.key));
        if (!item) continue;
        needed++;
        if (!stop()) start(item, parallel);
      }
      ev?.resize(parallel);
      const submitted = ev ? await ev.drain() : [];
      submitted.sort((x, y) => order.get(x.key)! - order.get(y.key)!);
      return { consoleLines, submitted, needed };
    },
  };
}

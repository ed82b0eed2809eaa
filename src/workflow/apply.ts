/**
 * `trusthub apply`: validate, pre-flight (src/workflow/preflight.ts), read,
 * plan (the plan workflow), show the plan, ask, then carry it out: against
 * the embedded sandbox first the Console steps the plan shows (simulated,
 * only after approval), then the Pulumi engine; afterwards evaluate each
 * written profile and submit those the YAML asks for. With `--plan FILE` the
 * saved plan is applied only if recomputing it gives the same checksum, and
 * it is the approval (no prompt). Nothing is written before approval.
 * Returns the exit code; writes its report through `out`.
 */
import { managedProductsOf } from "../state/pulumi-state.ts";
import { EXIT, UserError } from "../errors.ts";
import type { Config } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import type { ObservedAccount, ParentPrimary } from "../model/trusthub.ts";
import { buildPlan } from "../plan/build.ts";
import { sha256Hex } from "./hash.ts";
import { profilesNeedingAssignments } from "../plan/match.ts";
import { summaryLine } from "../render/common.ts";
import { renderText } from "../render/text.ts";
import { productReadOption, readAccount } from "../state/read.ts";
import { productReads } from "../plan/product-match.ts";
import {
  plannedConsoleSteps,
  simulateConsoleSteps,
  type ConsoleSimulator,
} from "../apply/console-steps.ts";
import type { UpdateResult } from "../apply/engine.ts";
import type { ProgressMode } from "../apply/progress.ts";
import { resourceSpecs, writes } from "../apply/specs.ts";
import { stopFilePath, watchInterrupts, type Interrupt } from "../apply/interrupt.ts";
import {
  interruptedLines,
  leftOverLines,
  nothingToDoText,
  remainingExit,
} from "./apply-outcome.ts";
import { askPulumiVersionEarly } from "../apply/pulumi-bin.ts";
import { evaluateAfterUpdate } from "./apply-evaluate.ts";
import { checkSavedPlan, guardSafety } from "./apply-guards.ts";
import { hasProductWork, productReport } from "./apply-products.ts";
import { preparePlan, type PreparedPlan } from "./plan.ts";
import { preflight } from "./preflight.ts";
import {
  consoleSimulator,
  describeTarget,
  readManagedRecords,
  withManagedProducts,
} from "./target.ts";

type Env = Record<string, string | undefined>;

export interface ApplyOptions {
  paths: string[];
  env: Env;
  cwd: string;
  targets?: string[];
  planFile?: string;
  autoApprove: boolean;
  /** Ask yes/no on a terminal; absent when there is none. */
  confirm?: (question: string) => Promise<boolean>;
  color?: boolean;
  parallel?: number;
  /** Delete managed profiles the YAML no longer declares (draft or rejected secondaries). */
  prune?: boolean;
  /** Acknowledge a plan over a safety threshold by its checksum. */
  ackChecksum?: string;
  /** Apply a plan over a safety threshold without an acknowledgement. */
  force?: boolean;
  /** Which declared account to apply (src/workflow/accounts.ts loops over them). */
  account?: string;
  /** A subaccount's parent primary, read once per run (src/workflow/accounts.ts). */
  parentPrimary?: ParentPrimary;
  /** Do not print configuration warnings (`--quiet`). */
  quiet?: boolean;
  /** How write progress shows: a live line (tty), summaries (ci), every event (verbose, default). */
  progress?: ProgressMode;
  out: (text: string) => void;
}

async function replan(
  p: PreparedPlan,
  opts: ApplyOptions,
): Promise<{ plan: Plan; observed: ObservedAccount }> {
  const managed = await readManagedRecords({ env: p.env, cwd: opts.cwd, target: p.conn.target });
  const config: Config = p.config;
  const observed = await readAccount(p.conn, {
    managed,
    assignmentsFor: (account) => profilesNeedingAssignments(config, account),
    ...productReadOption(productReads(config, managedProductsOf(managed))),
  });
  if (p.observed.parentPrimary) observed.parentPrimary = p.observed.parentPrimary;
  withManagedProducts(observed, managed);
  const plan = buildPlan(config, observed, {
    ...(opts.targets ? { targets: opts.targets } : {}),
    prune: opts.prune === true,
    hash: sha256Hex,
  });
  return { plan, observed };
}

function hasWork(plan: Plan): boolean {
  return (
    plan.actions.some((a) => writes(a) || a.submit || a.action === "delete") || hasProductWork(plan)
  );
}

export async function runApply(opts: ApplyOptions): Promise<number> {
  askPulumiVersionEarly(opts.env); // answered while the YAML loads; the pre-flight checks it
  const p = await preparePlan({
    paths: opts.paths,
    env: opts.env,
    cwd: opts.cwd,
    ...(opts.targets ? { targets: opts.targets } : {}),
    prune: opts.prune === true,
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.parentPrimary ? { parentPrimary: opts.parentPrimary } : {}),
    preflight: (conn, env, account) => preflight(conn, env, opts.cwd, account),
  });
  try {
    opts.out(`${describeTarget(p.conn.target, p.env, opts.cwd)}\n`);
    if (p.warnings && opts.quiet !== true) opts.out(p.warnings);
    let { plan, observed } = p;
    if (opts.planFile) await checkSavedPlan(opts.planFile, p.account.name, plan);
    const simulator = await consoleSimulator(p.conn);
    const steps = simulator ? plannedConsoleSteps(p.conn.target, p.config, plan) : [];
    opts.out(renderText(plan, { color: opts.color ?? false }));
    if (steps.length > 0) {
      opts.out(
        "\nConsole steps the embedded sandbox will simulate once you approve:\n" +
          steps.map((s, i) => `  ${i + 1}. ${s}\n`).join(""),
      );
    }
    if (!hasWork(plan) && steps.length === 0) {
      opts.out(nothingToDoText(plan));
      return remainingExit(plan);
    }
    guardSafety(plan, observed, opts);
    // A saved plan (--plan FILE) is itself the approval, as in Terraform.
    if (!opts.autoApprove && !opts.planFile) {
      if (!opts.confirm) {
        throw new UserError(
          "apply/confirm",
          "apply needs a confirmation: run it in a terminal to answer the prompt, or pass --auto-approve",
        );
      }
      if (!(await opts.confirm("Apply this plan?"))) {
        opts.out("Apply cancelled; nothing was changed.\n");
        return EXIT.ok;
      }
    }
    if (simulator && steps.length > 0) {
      // Approved: the Console steps first; the profiles waiting for the primary follow in this run.
      for (const line of await simulateConsoleSteps(p.conn, simulator, p.config, plan)) {
        opts.out(`${line}\n`);
      }
      ({ plan, observed } = await replan(p, opts));
      opts.out(`Planned again after the simulated Console steps: ${summaryLine(plan)}\n`);
      guardSafety(plan, observed, opts);
      if (!hasWork(plan)) {
        opts.out("\nApply finished: only the simulated Console steps had anything to do.\n");
        return remainingExit(plan);
      }
    }
    const interrupt = watchInterrupts((line) => opts.out(`${line}\n`), stopFilePath(opts.cwd));
    try {
      return await carryOut(p, plan, opts, simulator, interrupt);
    } finally {
      interrupt.dispose();
    }
  } finally {
    await p.close();
  }
}

async function carryOut(
  p: PreparedPlan,
  plan: Plan,
  opts: ApplyOptions,
  simulator: ConsoleSimulator | undefined,
  interrupt: Interrupt,
): Promise<number> {
  // The very inputs the plan shown (and checksummed) decided: nothing is re-derived here.
  const specs = resourceSpecs(plan);
  const say = (line: string) => opts.out(`${line}\n`);
  say("\nApplying through Pulumi:");
  let result: UpdateResult = { stack: "", outcomes: [], changes: {} };
  if (
    specs.some((s) => s.mode === "apply") ||
    plan.summary.delete + (plan.productSummary?.delete ?? 0) > 0 ||
    hasProductWork(plan) // issue 14: e.g. the numbers of a held profile
  ) {
    // Loaded only when there is work: the engine pulls in @pulumi/pulumi (about a second).
    const { runUpdate } = await import("../apply/engine.ts");
    result = await runUpdate({
      conn: p.conn,
      cwd: opts.cwd,
      env: p.env,
      specs,
      ...(opts.parallel ? { parallel: opts.parallel } : {}),
      onProgress: say,
      interrupt,
      progress: opts.progress ?? "verbose",
      write: opts.out,
    });
  }
  // Trust products (issue 14) report apart: their provider evaluates and submits them.
  const products = productReport(result.outcomes);
  const profileOutcomes = result.outcomes.filter((o) => o.product !== true);
  const failed = result.outcomes.filter((o) => !o.ok);
  const { consoleLines, submitted, needed } = await evaluateAfterUpdate(
    p,
    plan,
    result.outcomes,
    opts.parallel ?? 10,
    simulator,
    interrupt,
  );
  for (const line of consoleLines) say(line);
  if (submitted.length > 0) say("\nEvaluation and submission:");
  for (const s of submitted) for (const line of s.lines) say(`  ${line}`);

  const notOk =
    failed.length +
    submitted.filter((s) => !s.ok).length +
    products.notOk -
    failed.filter((o) => o.product === true).length;
  const actionOf = new Map(plan.actions.map((a) => [a.key, a.action]));
  const count = (op: string, action?: string) =>
    profileOutcomes.filter(
      (o) => o.ok && o.op === op && (action === undefined || actionOf.get(o.key) === action),
    ).length;
  say(
    // A profile deleted outside the tool is re-created by Pulumi's update of its old resource.
    `\nApply ${interrupt.requested ? "interrupted" : "finished"}: ${count("create") - count("create", "adopt") + count("update", "create")} created, ` +
      `${count("create", "adopt")} adopted, ${count("update") - count("update", "create")} updated, ` +
      (count("delete") > 0 ? `${count("delete")} deleted, ` : "") +
      `${submitted.filter((s) => s.submitted).length} submitted, ${failed.length} failed` +
      (result.stack ? ` (stack ${result.stack})` : "") +
      ".",
  );
  for (const f of failed) say(`  ${f.key}: ${f.message ?? "failed"}`);
  for (const line of products.lines) say(line);
  if (interrupt.requested) {
    const evaluated = submitted.filter((s) => s.evaluation !== undefined || !s.ok).length;
    for (const line of interruptedLines(plan, result.outcomes, needed > evaluated)) say(line);
    return EXIT.interrupted;
  }
  for (const line of leftOverLines(plan)) say(line);
  if (notOk > 0) return EXIT.partial;
  return remainingExit(plan);
}

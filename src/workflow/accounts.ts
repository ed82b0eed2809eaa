/**
 * Several accounts in one run: `plan` and `apply` handle each declared account
 * in turn (the default account first, then by name), one target, one Pulumi
 * stack and one plan per account; the exit code is the worst of the
 * accounts' codes. One account's error (bad credentials, a refused plan) is
 * reported and the next account still runs.
 */
import { EXIT, isUserError, UserError, type ExitCode } from "../errors.ts";
import type { AccountConfig, AccountRef } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import { existingManaged } from "../plan/safety.ts";
import { accountEnv } from "../state/account-env.ts";
import type { ApplyOptions } from "./apply.ts";
import { loadAccountConfigs, preparePlan, type PreparePlanOptions } from "./plan.ts";
import { describeTarget, prefetchManagedRecords } from "./target.ts";

/**
 * Worst first: an interrupt, an error, then refusals, then partial results,
 * blocked, changes, drift on immutable profiles, ok.
 */
const RANK: ExitCode[] = [
  EXIT.interrupted,
  EXIT.error,
  EXIT.unsafe,
  EXIT.locked,
  EXIT.stalePlan,
  EXIT.partial,
  EXIT.blocked,
  EXIT.changes,
  EXIT.immutableDrift,
  EXIT.ok,
];

export function worstExit(codes: number[]): number {
  let best = RANK.length - 1;
  for (const c of codes) {
    const i = RANK.indexOf(c as ExitCode);
    best = Math.min(best, i === -1 ? 0 : i);
  }
  return RANK[best]!;
}

/** The `--target` keys an account declares; undefined: no targeting. Unknown keys throw. */
export function accountTargets(
  accounts: AccountConfig[],
  targets: string[] | undefined,
): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  // One account: the planner itself reports unknown keys (with the declared ones).
  if (accounts.length === 1) {
    const only = accounts[0]!.account.name;
    return new Map([[only, targets && targets.length > 0 ? targets : undefined]]);
  }
  const keysOf = (a: AccountConfig) =>
    new Set([a.config.primary?.key, ...a.config.secondaries.map((s) => s.key)]);
  const found = new Set<string>();
  for (const a of accounts) {
    if (targets === undefined || targets.length === 0) {
      out.set(a.account.name, undefined);
      continue;
    }
    const mine = targets.filter((t) => keysOf(a).has(t));
    mine.forEach((t) => found.add(t));
    if (mine.length > 0) out.set(a.account.name, mine);
  }
  const unknown = (targets ?? []).filter((t) => !found.has(t));
  if (unknown.length > 0) {
    throw new UserError(
      "plan/unknown-target",
      `--target ${unknown.join(", ")}: no account declares a profile with that key`,
    );
  }
  return out;
}

export interface AccountPlan {
  account: AccountRef;
  plan: Plan;
  /** Live profiles apply manages (for the safety thresholds). */
  existing: number;
  /** Where this plan read from and where its state lives (describeTarget). */
  targetLine: string;
}

/** Plans every account (one after the other: the embedded sandbox is one file). */
export async function planAccounts(
  opts: PreparePlanOptions,
): Promise<{ plans: AccountPlan[]; warnings: string }> {
  prefetchManagedRecords(opts.env, opts.cwd); // a non-file backend's export runs while the YAML loads
  const loaded = await loadAccountConfigs(opts);
  const targets = accountTargets(loaded.accounts, opts.targets);
  const plans: AccountPlan[] = [];
  for (const a of loaded.accounts) {
    if (!targets.has(a.account.name)) continue;
    const mine = targets.get(a.account.name);
    const { targets: _all, ...rest } = opts;
    void _all;
    const p = await preparePlan({
      ...rest,
      loaded,
      account: a.account.name,
      ...(mine ? { targets: mine } : {}),
    });
    await p.close();
    plans.push({
      account: a.account,
      plan: p.plan,
      existing: existingManaged(p.observed),
      targetLine: describeTarget(p.conn.target, p.env, opts.cwd),
    });
  }
  return { plans, warnings: loaded.warnings };
}

/** `trusthub apply` over every account; a single account runs exactly as before. */
export async function applyAccounts(
  opts: ApplyOptions & { err: (text: string) => void },
): Promise<number> {
  const { accounts } = await loadAccountConfigs(opts);
  // Loaded here, not at the top: `trusthub plan` imports this module and needs no apply code.
  const { runApply } = await import("./apply.ts");
  if (accounts.length <= 1) return runApply(opts);
  const targets = accountTargets(accounts, opts.targets);
  const codes: number[] = [];
  for (const a of accounts) {
    if (!targets.has(a.account.name)) continue;
    const mine = targets.get(a.account.name);
    opts.out(`\n=== account ${a.account.name} ===\n`);
    const { targets: _all, ...rest } = opts;
    void _all;
    try {
      const env = accountEnv(opts.env, a.account);
      codes.push(
        await runApply({
          ...rest,
          env,
          account: a.account.name,
          ...(mine ? { targets: mine } : {}),
        }),
      );
    } catch (e) {
      if (!isUserError(e)) throw e;
      opts.err(`account ${a.account.name}: error: ${e.message}\n`);
      codes.push(e.exitCode);
    }
    // An interrupted apply stops: the next accounts are not started.
    if (codes.at(-1) === EXIT.interrupted) break;
  }
  return worstExit(codes);
}

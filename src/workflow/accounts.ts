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
import { mapPool } from "../lib/pool.ts";
import type { ParentPrimary } from "../model/trusthub.ts";
import { parentPrimaryOf } from "../plan/parent-primary.ts";
import { accountEnv } from "../state/account-env.ts";
import type { ApplyOptions } from "./apply.ts";
import { loadAccountConfigs, preparePlan, type PreparePlanOptions } from "./plan.ts";
import {
  isSub,
  parentNames,
  readParentPrimary,
  runSubaccounts,
  subaccountParallel,
} from "./subaccounts.ts";
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

/** The `--target` keys (profiles, trust products) an account declares; undefined: no targeting. Unknown keys throw. */
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
  // A profile's key, or a trust product's (`<profile>/<kind>`), as in a single-account config.
  const keysOf = (a: AccountConfig) =>
    new Set(
      [a.config.primary, ...a.config.secondaries].flatMap((p) =>
        p ? [p.key, ...(p.trustProducts ?? []).map((t) => t.key)] : [],
      ),
    );
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
      `--target ${unknown.join(", ")}: no account declares a profile or trust product with that key`,
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

/**
 * Plans every account: top-level accounts one after the other (the embedded sandbox is one
 * file), reading each parent's primary once; then the subaccounts with bounded concurrency,
 * each linked to its parent's primary (src/workflow/subaccounts.ts). Plans come back in the
 * accounts' order.
 */
export async function planAccounts(
  opts: PreparePlanOptions,
): Promise<{ plans: AccountPlan[]; warnings: string }> {
  prefetchManagedRecords(opts.env, opts.cwd); // a non-file backend's export runs while the YAML loads
  const loaded = await loadAccountConfigs(opts);
  const targets = accountTargets(loaded.accounts, opts.targets);
  const parents = parentNames(loaded.accounts);
  const primaries = new Map<string, ParentPrimary>();
  const planned = new Map<string, AccountPlan>();
  const { targets: _all, ...rest } = opts;
  void _all;
  const planOne = async (a: AccountConfig): Promise<void> => {
    const name = a.account.name;
    const mine = targets.get(name);
    const parentPrimary = a.account.parent ? primaries.get(a.account.parent) : undefined;
    const p = await preparePlan({
      ...rest,
      loaded,
      account: name,
      ...(mine ? { targets: mine } : {}),
      ...(parentPrimary ? { parentPrimary } : {}),
    });
    await p.close();
    if (parents.has(name)) primaries.set(name, parentPrimaryOf(name, p.config, p.observed));
    if (!targets.has(name)) return;
    planned.set(name, {
      account: a.account,
      plan: p.plan,
      existing: existingManaged(p.observed),
      targetLine: describeTarget(p.conn.target, p.env, opts.cwd),
    });
  };
  // A parent is read even when --target names none of its profiles: its subaccounts need its primary.
  const subs = loaded.accounts.filter((a) => isSub(a) && targets.has(a.account.name));
  const needed = new Set(subs.map((a) => a.account.parent));
  for (const a of loaded.accounts) {
    if (isSub(a) || (!targets.has(a.account.name) && !needed.has(a.account.name))) continue;
    await planOne(a);
  }
  await mapPool(subs, subaccountParallel(opts.env, subs), planOne);
  const plans = loaded.accounts.flatMap((a) => planned.get(a.account.name) ?? []);
  return { plans, warnings: loaded.warnings };
}

/**
 * `trusthub apply` over every account; a single account runs exactly as before. Top-level
 * accounts first, one after the other; then each parent's primary is read once and the
 * subaccounts are applied with bounded concurrency (src/workflow/subaccounts.ts).
 */
export async function applyAccounts(
  opts: ApplyOptions & { err: (text: string) => void },
): Promise<number> {
  const loaded = await loadAccountConfigs(opts);
  const { accounts } = loaded;
  // Loaded here, not at the top: `trusthub plan` imports this module and needs no apply code.
  const { runApply } = await import("./apply.ts");
  if (accounts.length <= 1) return runApply(opts);
  const targets = accountTargets(accounts, opts.targets);
  const { targets: _all, ...rest } = opts;
  void _all;
  const primaries = new Map<string, ParentPrimary | UserError>();
  const applyOne = async (
    a: AccountConfig,
    to: { out: (t: string) => void; err: (t: string) => void },
  ): Promise<number> => {
    const name = a.account.name;
    const mine = targets.get(name);
    to.out(`\n=== account ${name} ===\n`);
    try {
      const parentPrimary = a.account.parent ? primaries.get(a.account.parent) : undefined;
      if (parentPrimary instanceof UserError) {
        throw new UserError(
          parentPrimary.code,
          `its parent ${a.account.parent} could not be read (${parentPrimary.message}); nothing was applied`,
        );
      }
      const env = accountEnv(opts.env, a.account);
      return await runApply({
        ...rest,
        out: to.out,
        env,
        account: name,
        ...(mine ? { targets: mine } : {}),
        ...(parentPrimary ? { parentPrimary } : {}),
      });
    } catch (e) {
      if (!isUserError(e)) throw e;
      to.err(`account ${name}: error: ${e.message}\n`);
      return e.exitCode;
    }
  };
  const codes: number[] = [];
  const top = { out: opts.out, err: opts.err };
  for (const a of accounts) {
    if (!isSub(a) && targets.has(a.account.name)) codes.push(await applyOne(a, top));
    // An interrupted apply stops: the next accounts are not started.
    if (codes.at(-1) === EXIT.interrupted) return worstExit(codes);
  }
  const subs = accounts.filter((a) => isSub(a) && targets.has(a.account.name));
  for (const name of new Set(subs.map((a) => a.account.parent!))) {
    try {
      primaries.set(name, await readParentPrimary({ ...rest, loaded }, name));
    } catch (e) {
      if (!isUserError(e)) throw e;
      primaries.set(name, e);
    }
  }
  // Prompts are answered one account at a time.
  const prompts = !opts.autoApprove && opts.planFile === undefined;
  const parallel = prompts ? 1 : subaccountParallel(opts.env, subs);
  codes.push(...(await runSubaccounts(subs, parallel, top, applyOne)));
  return worstExit(codes);
}

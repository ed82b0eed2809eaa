/**
 * The plan workflow, shared by `trusthub plan` and `trusthub apply`:
 * load + validate the config (errors stop here, before any request to Trust
 * Hub), resolve the target, read apply's managed records, read the account,
 * build the plan. The caller owns the returned connection and must call
 * `close()` (it stops the embedded sandbox when that is the target).
 */
import { loadAccounts } from "../config/index.ts";
import { managedProductsOf } from "../state/pulumi-state.ts";
import { UserError } from "../errors.ts";
import type { AccountConfig, AccountRef, Config } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import type {
  Connection,
  ManagedRecord,
  ObservedAccount,
  ParentPrimary,
  TargetInfo,
} from "../model/trusthub.ts";
import { buildPlan, type BuildOptions } from "../plan/build.ts";
import { prepareDesiredSteps, type PreparedDesired } from "../plan/prepare.ts";
import { sha256Hex } from "./hash.ts";
import { collectBetweenPhases } from "./heap.ts";
import { profilesNeedingAssignments } from "../plan/match.ts";
import { renderDiagnostics } from "../render/diagnostics.ts";
import { productReadOption, readAccount, startAccountLists } from "../state/read.ts";
import { productReads } from "../plan/product-match.ts";
import { accountEnv } from "../state/account-env.ts";
import { keptOnPurpose } from "../state/heap-pace.ts";
import {
  declaredNumbers,
  openTarget,
  readManagedRecords,
  seedSandboxNumbers,
  withManagedProducts,
  type OpenTargetOptions,
} from "./target.ts";

type Env = Record<string, string | undefined>;

export interface ManagedContext {
  env: Env;
  cwd: string;
  target: TargetInfo;
}

export interface PreparePlanOptions {
  paths: string[];
  env: Env;
  cwd: string;
  targets?: string[];
  showSensitive?: boolean;
  /** Plan deletes of managed profiles the YAML no longer declares (`--prune`). */
  prune?: boolean;
  /** Colour the rendered diagnostics. */
  color?: boolean;
  /** Which declared account to plan (default: the only one). */
  account?: string;
  /** Accounts already loaded (loadAccountConfigs), to plan several without reading the files again. */
  loaded?: { accounts: AccountConfig[]; warnings: string };
  /** Where apply's managed records come from; default: Pulumi state (src/state/pulumi-state.ts). */
  readManaged?: (ctx: ManagedContext) => Promise<Record<string, ManagedRecord>>;
  /** Whether the embedded sandbox may be the target (src/workflow/target.ts). */
  target?: OpenTargetOptions;
  /** A subaccount's parent primary, read once per run (src/workflow/accounts.ts). */
  parentPrimary?: ParentPrimary;
  /** Checks run once the target is known, before anything is read (apply's pre-flight). */
  preflight?: (conn: Connection, env: Env, account: AccountRef) => Promise<void>;
}

export interface PreparedPlan {
  plan: Plan;
  config: Config;
  observed: ObservedAccount;
  conn: Connection;
  /** Config warnings, rendered (empty when none). */
  warnings: string;
  /** The account planned, and the environment its target and stack were resolved from. */
  account: AccountRef;
  env: Env;
  close(): Promise<void>;
}

/** Loads every account's config; configuration errors throw (before any request). */
export async function loadAccountConfigs(
  opts: Pick<PreparePlanOptions, "paths" | "env" | "cwd" | "color">,
): Promise<{ accounts: AccountConfig[]; warnings: string }> {
  const color = opts.color ?? false;
  const loaded = await loadAccounts(opts.paths, { env: opts.env, cwd: opts.cwd });
  if (loaded.accounts === undefined) {
    const only = loaded.diagnostics.length === 1 ? loaded.diagnostics[0] : undefined;
    if (only?.code === "io/no-config") throw new UserError("config/not-found", only.message);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error").length;
    throw new UserError(
      "config/invalid",
      `the configuration is invalid (${errors} error${errors === 1 ? "" : "s"}); nothing was read from Trust Hub\n${renderDiagnostics(loaded.diagnostics, loaded.sources, { color }).trimEnd()}`,
    );
  }
  const warnings = renderDiagnostics(loaded.diagnostics, loaded.sources, { color });
  return { accounts: loaded.accounts, warnings };
}

/** The plan of one account: `opts.account` names it, else the files must declare only one. */
export async function preparePlan(opts: PreparePlanOptions): Promise<PreparedPlan> {
  const { accounts, warnings } = opts.loaded ?? (await loadAccountConfigs(opts));
  const picked =
    opts.account === undefined
      ? accounts.length === 1
        ? accounts[0]
        : undefined
      : accounts.find((a) => a.account.name === opts.account);
  if (picked === undefined) {
    throw new UserError(
      "config/several-accounts",
      opts.account === undefined
        ? `the files declare ${accounts.length} accounts (${accounts.map((a) => a.account.name).join(", ")}); this command handles one account at a time: pass the files of one account`
        : `no account named ${opts.account} is declared`,
    );
  }
  const config = picked.config;
  const env = accountEnv(opts.env, picked.account);
  const resolved = await openTarget(env, opts.cwd, opts.target);
  const conn = resolved.conn;
  const close = (): Promise<void> => resolved.close();
  try {
    await opts.preflight?.(conn, env, picked.account);
    await seedSandboxNumbers(conn, declaredNumbers(config)); // issue 14: the sandbox owns them
    const readManaged = opts.readManaged ?? readManagedRecords;
    // The four account-wide lists need neither state nor config: they run while the state is read.
    const lists = startAccountLists(conn);
    // The YAML's garbage, collected once the lists' first requests are out (not before them:
    // the longest list, EndUsers, is the read's critical path).
    setImmediate(collectBetweenPhases);
    const reading = readManaged({ env, cwd: opts.cwd, target: conn.target });
    // The config-only part of the plan (src/plan/prepare.ts), while the lists are still in
    // flight. Not before the state is read: that is CPU work on this thread too, and the
    // lists' replies wait for it (measured at 10,000: starting at once gained nothing).
    const preparing = reading.then(
      () => prepareBetweenReplies(config),
      () => undefined,
    );
    preparing.catch(() => undefined); // awaited below, unless the read fails first
    const managed = await reading;
    const observed = await readAccount(conn, {
      managed,
      lists,
      assignmentsFor: (account) => profilesNeedingAssignments(config, account),
      ...productReadOption(productReads(config, managedProductsOf(managed))),
    });
    collectBetweenPhases();
    if (opts.parentPrimary !== undefined) observed.parentPrimary = opts.parentPrimary;
    withManagedProducts(observed, managed);
    const prepared = await preparing;
    const buildOpts: BuildOptions = { prune: opts.prune === true, hash: sha256Hex };
    if (prepared !== undefined) buildOpts.prepared = prepared;
    if (opts.targets !== undefined) buildOpts.targets = opts.targets;
    if (opts.showSensitive !== undefined) buildOpts.showSensitive = opts.showSensitive;
    const plan = buildPlan(config, observed, buildOpts);
    return { plan, config, observed, conn, warnings, account: picked.account, env, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** prepareDesiredSteps, one chunk per turn of the event loop: list replies keep flowing. */
async function prepareBetweenReplies(config: Config): Promise<PreparedDesired> {
  const steps = prepareDesiredSteps(config);
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const r = steps.next();
    if (r.done === true) {
      keptOnPurpose();
      return r.value;
    }
  }
}

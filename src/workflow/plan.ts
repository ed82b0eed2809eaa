/**
 * The plan workflow, shared by `trusthub plan` and `trusthub apply`:
 * load + validate the config (errors stop here, before any request to Trust
 * Hub), resolve the target, read apply's managed records, read the account,
 * build the plan. The caller owns the returned connection and must call
 * `close()` (it stops the embedded sandbox when that is the target).
 */
import { loadConfig } from "../config/index.ts";
import { UserError } from "../errors.ts";
import type { Config } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import type { Connection, ManagedRecord, ObservedAccount, TargetInfo } from "../model/trusthub.ts";
import { buildPlan, type BuildOptions } from "../plan/build.ts";
import { profilesNeedingAssignments } from "../plan/match.ts";
import { renderDiagnostics } from "../render/diagnostics.ts";
import { readManaged as readPulumiManaged } from "../state/pulumi-state.ts";
import { readAccount } from "../state/read.ts";
import { resolveTarget } from "../state/target.ts";

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
  /** Where apply's managed records come from; default: Pulumi state (src/state/pulumi-state.ts). */
  readManaged?: (ctx: ManagedContext) => Promise<Record<string, ManagedRecord>>;
}

export interface PreparedPlan {
  plan: Plan;
  config: Config;
  observed: ObservedAccount;
  conn: Connection;
  /** Config warnings, rendered (empty when none). */
  warnings: string;
  close(): Promise<void>;
}

export async function preparePlan(opts: PreparePlanOptions): Promise<PreparedPlan> {
  const color = opts.color ?? false;
  const loaded = await loadConfig(opts.paths, { env: opts.env, cwd: opts.cwd });
  if (loaded.config === undefined) {
    const errors = loaded.diagnostics.filter((d) => d.severity === "error").length;
    throw new UserError(
      "config/invalid",
      `the configuration is invalid (${errors} error${errors === 1 ? "" : "s"}); nothing was read from Trust Hub\n${renderDiagnostics(loaded.diagnostics, loaded.sources, { color }).trimEnd()}`,
    );
  }
  const config = loaded.config;
  const warnings = renderDiagnostics(loaded.diagnostics, loaded.sources, { color });
  const resolved = await resolveTarget(opts.env, opts.cwd);
  const conn = resolved.conn;
  const close = (): Promise<void> => resolved.close();
  try {
    const readManaged = opts.readManaged ?? readPulumiManaged;
    const managed = await readManaged({ env: opts.env, cwd: opts.cwd, target: conn.target });
    const observed = await readAccount(conn, {
      managed,
      assignmentsFor: (account) => profilesNeedingAssignments(config, account),
    });
    const buildOpts: BuildOptions = { prune: opts.prune === true };
    if (opts.targets !== undefined) buildOpts.targets = opts.targets;
    if (opts.showSensitive !== undefined) buildOpts.showSensitive = opts.showSensitive;
    const plan = buildPlan(config, observed, buildOpts);
    return { plan, config, observed, conn, warnings, close };
  } catch (e) {
    await close();
    throw e;
  }
}

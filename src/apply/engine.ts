/**
 * The Pulumi engine driver: the only caller of the Automation API. Runs one
 * `pulumi up` of an inline program (one resource per profile bundle) with the
 * CLI built by scripts/pulumi-cli.sh, streams progress from engine events and
 * returns what happened to each profile. A locked stack fails fast (EXIT.locked)
 * unless the lock was left by a process that no longer runs on this host.
 */
import {
  ConcurrentUpdateError,
  LocalWorkspace,
  type Stack,
} from "@pulumi/pulumi/automation/index.js";
import { EXIT, UserError } from "../errors.ts";
import type { Connection } from "../model/trusthub.ts";
import { backendUrl, engineEnv, PROJECT_NAME, stackName } from "./engine-env.ts";
import type { ProfileOutputs } from "./inputs.ts";
import { collector, plain } from "./collector.ts";
import { killEngines, type Interrupt } from "./interrupt.ts";
import type { ProgressMode } from "./progress.ts";
import { describeLock, parseLock, staleLock, type LockInfo } from "./lock.ts";
import { findPulumiCli } from "./pulumi-bin.ts";
import { pulumiCommand } from "./pulumi-command.ts";
import { handoffContent, profilesProgram, type ResourceSpec } from "./resource.ts";
import { writeHandoff } from "./handoff.ts";
import { repairFileBackend } from "./repair.ts";
import { trusthubDir } from "../state/workdir.ts";
import { redactBackendUrl } from "../state/backend-url.ts";

type Env = Record<string, string | undefined>;

export interface UpdateRequest {
  conn: Connection;
  cwd: string;
  env: Env;
  /** Profiles and trust products (issue 14), in registration order. */
  specs: ResourceSpec[];
  /** Concurrent resource operations (Pulumi --parallel); default 10. */
  parallel?: number;
  /** One line per event worth showing (no trailing newline). */
  onProgress?: (line: string) => void;
  /** SIGINT/SIGTERM handling of the apply (src/apply/interrupt.ts). */
  interrupt?: Interrupt;
  /** How progress shows (src/apply/progress.ts); default "verbose". */
  progress?: ProgressMode;
  /** Raw output for the live progress line (default: lines through onProgress). */
  write?: (text: string) => void;
  /** The run's hand-off file of the bundles (handoff.ts); runUpdate writes it. */
  handoff?: string;
}

export interface ProfileOutcome {
  key: string;
  op: string;
  ok: boolean;
  message?: string;
  outputs?: ProfileOutputs;
  /** A trust product's resource (issue 14): its outputs are ProductOutputs. */
  product?: true;
}

export interface UpdateResult {
  stack: string;
  outcomes: ProfileOutcome[];
  /** Pulumi's resource change counts (create, update, same, ...). */
  changes: Record<string, number>;
  /** A signal stopped the update before it finished (the outcomes are what was done). */
  interrupted?: boolean;
}

/** Writes at or above which a DIY backend saves only the final state (see docs/decisions.md §5). */
export const FINAL_CHECKPOINT_ONLY_FROM = 100;

/**
 * A DIY backend rewrites the whole state file after every step: quadratic in the number of
 * profiles, +22 % at 300 and +117 % at 1,000 even with issue 15's compact state (decisions.md §5).
 * Large runs save only the final state; that is safe because a create is found again by friendly
 * name after a crash (no duplicates), and updates are idempotent.
 * TRUSTHUB_PULUMI_CHECKPOINTS=every-step|final overrides.
 */
function skipCheckpoints(req: UpdateRequest, backend: string): boolean {
  const mode = req.env["TRUSTHUB_PULUMI_CHECKPOINTS"];
  if (mode === "final") return true;
  if (mode === "every-step") return false;
  const diy = !/^https?:\/\//.test(backend);
  return diy && req.specs.filter((s) => s.mode === "apply").length >= FINAL_CHECKPOINT_ONLY_FROM;
}

export async function openStack(req: UpdateRequest): Promise<Stack> {
  const cli = findPulumiCli(req.env);
  const cmd = pulumiCommand(cli);
  const workDir = trusthubDir(req.cwd, "pulumi");
  const envVars = engineEnv(req.env, req.cwd, req.conn, cli.dir);
  for (const f of repairFileBackend(envVars["PULUMI_BACKEND_URL"]!)) {
    req.onProgress?.(`  removed a broken Pulumi state attribute file left by a crash: ${f}`);
  }
  if (req.handoff) envVars["TRUSTHUB_HANDOFF"] = req.handoff;
  if (skipCheckpoints(req, envVars["PULUMI_BACKEND_URL"]!))
    envVars["PULUMI_SKIP_CHECKPOINTS"] = "true";
  return LocalWorkspace.createOrSelectStack(
    {
      projectName: PROJECT_NAME,
      stackName: stackName(req.env, req.conn.target),
      program: profilesProgram(req.specs, undefined), // hand-off file: TRUSTHUB_HANDOFF
    },
    {
      workDir,
      pulumiCommand: cmd,
      envVars,
      projectSettings: {
        name: PROJECT_NAME,
        runtime: "nodejs",
        backend: { url: envVars["PULUMI_BACKEND_URL"]! },
      },
    },
  );
}

async function up(stack: Stack, req: UpdateRequest): Promise<UpdateResult> {
  const c = collector(req, req.specs.filter((s) => s.mode === "apply").length, req.handoff);
  const intr = req.interrupt;
  if (intr?.requested) return { stack: stack.name, outcomes: [], changes: {}, interrupted: true };
  let changes: Record<string, number> = {};
  try {
    await withoutFollowUps(stack).up({
      onEvent: (e) => {
        if (e.stdoutEvent) intr?.noteEngineOutput(e.stdoutEvent.message);
        if (e.summaryEvent) changes = { ...e.summaryEvent.resourceChanges };
        c.onEvent(e);
      },
      color: "never",
      parallel: req.parallel ?? 10,
      continueOnError: true,
      ...(intr ? { signal: intr.signal } : {}),
    });
    return {
      stack: stack.name,
      outcomes: c.finish(),
      changes,
      ...(intr?.requested ? { interrupted: true } : {}),
    };
  } catch (e) {
    if (e instanceof ConcurrentUpdateError) throw e;
    if (intr?.requested) {
      // Cancelled: the engine released the lock; killed (second signal): release it here.
      if (intr.forced) await releaseLock(stack, req);
      return { stack: stack.name, outcomes: c.finish(), changes: {}, interrupted: true };
    }
    const outcomes = c.finish();
    if (outcomes.some((o) => !o.ok)) return { stack: stack.name, outcomes, changes: {} };
    throw explain(e);
  }
}

/**
 * After `pulumi up` the Automation API runs `pulumi stack output` twice and
 * `pulumi stack history` for the result's outputs and summary (stack.js, "TODO:
 * do this in parallel"): three more CLI starts, each reading the whole
 * checkpoint, about 1 s at 1,000 profiles. Apply takes each resource's outputs
 * and the change counts from the update's own events (resOutputsEvent,
 * summaryEvent), so on this Stack those two calls answer without running.
 */
function withoutFollowUps(stack: Stack): Stack {
  return Object.assign(stack, {
    outputs: () => Promise.resolve({}),
    info: () => Promise.resolve(undefined),
  });
}

/** After the engine was killed: `pulumi cancel` removes its lock (DIY backends); bounded. */
async function releaseLock(stack: Stack, req: UpdateRequest): Promise<void> {
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000).unref());
  const done = await Promise.race([stack.cancel().then(() => "ok" as const), timeout]).catch(
    () => "failed" as const,
  );
  req.onProgress?.(
    done === "ok"
      ? "  the stack lock was released"
      : `  the stack lock could not be released (${done}); the next apply clears it (its holder no longer runs)`,
  );
}

/** A Pulumi CLI failure as a user-facing error: the CLI's own `error:` lines, not its command line. */
function explain(e: unknown): UserError {
  const msg = plain(e instanceof Error ? e.message : String(e));
  if (/incorrect passphrase/.test(msg)) {
    return new UserError(
      "pulumi/passphrase",
      "PULUMI_CONFIG_PASSPHRASE does not decrypt this stack's state: set the passphrase the stack was created with",
    );
  }
  const errors = [...new Set(msg.match(/error: .*?(?= err\?:|$)/g) ?? [])];
  return new UserError("pulumi/update", `pulumi up failed: ${(errors[0] ?? msg).slice(0, 2000)}`);
}

/** Pulumi's refusals when another process creates the same stack at that moment. */
const CREATE_RACE = /already exists|currently locked/;

/**
 * Opens the stack. Two first-ever applies race to create it: the loser's
 * `stack init` fails ("already exists" or "the stack is currently locked"),
 * so it selects the stack the winner made and meets the lock like any later
 * apply (exit 5), instead of failing with Pulumi's raw message.
 */
async function openStackOnce(req: UpdateRequest): Promise<Stack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openStack(req);
    } catch (e) {
      if (e instanceof UserError) throw e;
      const msg = plain(e instanceof Error ? e.message : String(e));
      if (!CREATE_RACE.test(msg)) throw explain(e);
      if (attempt >= 5) throw lockedError(stackName(req.env, req.conn.target), req, undefined);
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

export function lockedError(
  name: string,
  req: UpdateRequest,
  lock: LockInfo | undefined,
): UserError {
  return new UserError(
    "pulumi/locked",
    `stack ${name} is locked: ${lock ? describeLock(lock) : "another update is in progress"}. ` +
      `Wait for that apply to finish. If no apply is running (a crashed one left the lock), clear it with ` +
      `\`PULUMI_BACKEND_URL=${redactBackendUrl(backendUrl(req.env, req.cwd))} pulumi cancel --stack ${name} --yes\`` +
      (lock?.file && backendUrl(req.env, req.cwd).startsWith("file:")
        ? ` or delete ${lock.file}`
        : ""),
    EXIT.locked,
  );
}

/** Runs the update, the bundles in a hand-off file for this run only (handoff.ts). */
export async function runUpdate(request: UpdateRequest): Promise<UpdateResult> {
  const h = writeHandoff(request.cwd, handoffContent(request.specs));
  try {
    return await runWith({ ...request, handoff: h.path });
  } finally {
    h.remove();
  }
}

/** Clears a lock left by a dead process on this host once. */
async function runWith(req: UpdateRequest): Promise<UpdateResult> {
  req.interrupt?.onForce(killEngines);
  const stack = await openStackOnce(req);
  try {
    return await up(stack, req);
  } catch (e) {
    if (!(e instanceof ConcurrentUpdateError)) throw e;
    const lock = parseLock(e.message);
    if (lock && staleLock(lock)) {
      req.onProgress?.(
        `  clearing a stale lock: ${describeLock(lock)} (that process no longer runs)`,
      );
      await stack.cancel();
      return up(stack, req);
    }
    throw lockedError(stack.name, req, lock);
  }
}

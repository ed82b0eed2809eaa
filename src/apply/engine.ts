/**
 * The Pulumi engine driver: the only caller of the Automation API. Runs one
 * `pulumi up` of an inline program (one resource per profile bundle) with the
 * CLI built by scripts/pulumi-cli.sh, streams progress from engine events and
 * returns what happened to each profile. A locked stack fails fast (EXIT.locked)
 * unless the lock was left by a process that no longer runs on this host.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  ConcurrentUpdateError,
  LocalWorkspace,
  PulumiCommand,
  type EngineEvent,
  type Stack,
} from "@pulumi/pulumi/automation/index.js";
import { EXIT, UserError } from "../errors.ts";
import type { Connection } from "../model/trusthub.ts";
import { backendUrl, engineEnv, PROJECT_NAME, stackName } from "./engine-env.ts";
import type { ProfileInputs, ProfileOutputs } from "./inputs.ts";
import { describeLock, parseLock, staleLock } from "./lock.ts";
import { findPulumiBinDir } from "./pulumi-bin.ts";
import { profilesProgram } from "./resource.ts";
import { repairFileBackend } from "./repair.ts";
import { redactBackendUrl } from "../state/backend-url.ts";

type Env = Record<string, string | undefined>;

export interface UpdateRequest {
  conn: Connection;
  cwd: string;
  env: Env;
  specs: ProfileInputs[];
  /** Concurrent resource operations (Pulumi --parallel); default 10. */
  parallel?: number;
  /** One line per event worth showing (no trailing newline). */
  onProgress?: (line: string) => void;
}

export interface ProfileOutcome {
  key: string;
  op: string;
  ok: boolean;
  message?: string;
  outputs?: ProfileOutputs;
}

export interface UpdateResult {
  stack: string;
  outcomes: ProfileOutcome[];
  /** Pulumi's resource change counts (create, update, same, ...). */
  changes: Record<string, number>;
}

const keyOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);
const plain = (s: string): string =>
  s
    .replace(/\u001b\[[0-9;]*m/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Writes at or above which a DIY backend saves only the final state (see docs/decisions.md §5). */
export const FINAL_CHECKPOINT_ONLY_FROM = 100;

/**
 * A DIY backend rewrites the whole state file after every step: quadratic in
 * the number of profiles. Large runs save only the final state; that is safe
 * because a create is found again by friendly name after a crash (no
 * duplicates), and updates are idempotent. TRUSTHUB_PULUMI_CHECKPOINTS=every-step|final overrides.
 */
function skipCheckpoints(req: UpdateRequest, backend: string): boolean {
  const mode = req.env["TRUSTHUB_PULUMI_CHECKPOINTS"];
  if (mode === "final") return true;
  if (mode === "every-step") return false;
  const diy = !/^https?:\/\//.test(backend);
  return diy && req.specs.filter((s) => s.mode === "apply").length >= FINAL_CHECKPOINT_ONLY_FROM;
}

export async function openStack(req: UpdateRequest): Promise<Stack> {
  const binDir = findPulumiBinDir(req.env);
  const cmd = await PulumiCommand.get({ root: dirname(binDir) });
  const workDir = resolve(req.cwd, ".trusthub", "pulumi");
  mkdirSync(workDir, { recursive: true });
  const envVars = engineEnv(req.env, req.cwd, req.conn, binDir);
  for (const f of repairFileBackend(envVars["PULUMI_BACKEND_URL"]!)) {
    req.onProgress?.(`  removed a broken Pulumi state attribute file left by a crash: ${f}`);
  }
  if (skipCheckpoints(req, envVars["PULUMI_BACKEND_URL"]!))
    envVars["PULUMI_SKIP_CHECKPOINTS"] = "true";
  return LocalWorkspace.createOrSelectStack(
    {
      projectName: PROJECT_NAME,
      stackName: stackName(req.env, req.conn.target),
      program: profilesProgram(req.specs),
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

function collector(req: UpdateRequest) {
  const outcomes = new Map<string, ProfileOutcome>();
  const errors = new Map<string, string[]>();
  const say = req.onProgress ?? (() => undefined);
  const onEvent = (e: EngineEvent): void => {
    const d = e.diagnosticEvent;
    if (d?.urn && d.severity === "error" && d.urn.includes("trusthub:Profile")) {
      const list = errors.get(keyOf(d.urn)) ?? [];
      list.push(plain(d.message));
      errors.set(keyOf(d.urn), list);
    }
    const pre = e.resourcePreEvent?.metadata;
    if (pre && pre.type.includes("trusthub:Profile") && pre.op !== "same") {
      say(`  ${keyOf(pre.urn)}: ${pre.op} started`);
    }
    const done = e.resOutputsEvent?.metadata;
    if (done && done.type.includes("trusthub:Profile")) {
      const key = keyOf(done.urn);
      const outputs = done.new?.outputs as ProfileOutputs | undefined;
      outcomes.set(key, { key, op: done.op, ok: true, ...(outputs ? { outputs } : {}) });
      if (done.op !== "same") {
        for (const w of outputs?.writes ?? []) say(`    ${key}: ${w}`);
        say(`  ${key}: ${done.op} done (${outputs?.profileSid ?? "?"})`);
      }
    }
    const failed = e.resOpFailedEvent?.metadata;
    if (failed && failed.type.includes("trusthub:Profile")) {
      const key = keyOf(failed.urn);
      outcomes.set(key, { key, op: failed.op, ok: false });
    }
  };
  const finish = (): ProfileOutcome[] => {
    for (const [key, msgs] of errors) {
      const o = outcomes.get(key) ?? { key, op: "unknown", ok: false };
      o.ok = false;
      o.message = msgs.join(" ");
      outcomes.set(key, o);
      say(`  ${key}: FAILED: ${o.message}`);
    }
    return [...outcomes.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  return { onEvent, finish };
}

async function up(stack: Stack, req: UpdateRequest): Promise<UpdateResult> {
  const c = collector(req);
  try {
    const res = await stack.up({
      onEvent: c.onEvent,
      color: "never",
      parallel: req.parallel ?? 10,
      continueOnError: true,
    });
    const changes = (res.summary.resourceChanges ?? {}) as Record<string, number>;
    return { stack: stack.name, outcomes: c.finish(), changes };
  } catch (e) {
    if (e instanceof ConcurrentUpdateError) throw e;
    const outcomes = c.finish();
    if (outcomes.some((o) => !o.ok)) return { stack: stack.name, outcomes, changes: {} };
    throw explain(e);
  }
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

/** Runs the update; clears a lock left by a dead process on this host once. */
export async function runUpdate(req: UpdateRequest): Promise<UpdateResult> {
  const stack = await openStack(req).catch((e: unknown) => {
    throw e instanceof UserError ? e : explain(e);
  });
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
    throw new UserError(
      "pulumi/locked",
      `stack ${stack.name} is locked: ${lock ? describeLock(lock) : "another update is in progress"}. ` +
        `Wait for that apply to finish. If no apply is running (a crashed one left the lock), clear it with ` +
        `\`PULUMI_BACKEND_URL=${redactBackendUrl(backendUrl(req.env, req.cwd))} pulumi cancel --stack ${stack.name} --yes\`` +
        (lock?.file && backendUrl(req.env, req.cwd).startsWith("file:")
          ? ` or delete ${lock.file}`
          : ""),
      EXIT.locked,
    );
  }
}

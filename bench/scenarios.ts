/**
 * The measured scenarios for one size N, each a child process against the
 * emulator process (latency + concurrency cap set by the caller).
 */
import { join } from "node:path";
import type { SandboxControls } from "../src/emulator/controls-client.ts";
import type { Plan } from "../src/model/plan.ts";
import { requestsOf, type RequestCount } from "./account.ts";
import type { Account } from "./emu.ts";
import { CLI, lineAt, ROOT, runNode, type ChildResult } from "./proc.ts";
import type { PulumiWitness } from "./pulumi-wrap.ts";

export interface Target {
  url: string;
  account: Account;
  controls: SandboxControls;
  /** Working directory of the CLI (holds .trusthub/state). */
  cwd: string;
  witness: PulumiWitness;
  /** PULUMI_BACKEND_URL (bench/postgres.ts); default: the file backend under cwd. */
  backendUrl?: string;
}

export function cliEnv(t: Target): Record<string, string | undefined> {
  return {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    TWILIO_ACCOUNT_SID: t.account.sid,
    TWILIO_AUTH_TOKEN: t.account.token,
    TRUSTHUB_API_URL: t.url,
    PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
    TRUSTHUB_PULUMI_BIN: t.witness.binDir,
    NO_COLOR: "1",
    ...(t.backendUrl !== undefined && { PULUMI_BACKEND_URL: t.backendUrl }),
  };
}

const sec = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms) / 1000);

export interface PlanRun extends RequestCount {
  seconds: number;
  peakRssMb: number | null;
  exitCode: number;
  summary: Plan["summary"];
}

/** `trusthub plan DIR --format json --detailed-exitcode` in a child. */
export async function planOnce(t: Target, dir: string, nodeArgs: string[] = []): Promise<PlanRun> {
  await t.controls.resetRequestLog();
  const r = await runNode([CLI, "plan", dir, "--format", "json", "--detailed-exitcode"], {
    cwd: t.cwd,
    env: cliEnv(t),
    nodeArgs,
  });
  if (r.code !== 0 && r.code !== 2) throw childError("plan", r);
  const plan = JSON.parse(r.stdout) as Plan;
  return {
    seconds: sec(r.wallMs)!,
    peakRssMb: r.peakRssMb ?? null,
    exitCode: r.code,
    summary: plan.summary,
    ...(await requestsOf(t.controls, t.account.sid)),
  };
}

export interface ApplyRun extends RequestCount {
  seconds: number;
  exitCode: number;
  pulumiInvocations: number;
  /** Each Pulumi CLI command apply ran: seconds since apply started, subcommand. */
  pulumiCommands: { at: number; command: string }[];
  /** From `Apply finished: ...` */
  created: number;
  failed: number;
  /** Seconds since start: plan shown, last Pulumi write done, evaluations done. */
  phases: {
    planShownAt: number | null;
    pulumiDoneAt: number | null;
    /** First evaluation request seen by the emulator. */
    evaluationStartAt: number | null;
    evaluationDoneAt: number | null;
  };
  nothingToChange: boolean;
  peakRssMb: number | null;
  /** Pulumi resource steps as the engine events report them (started -> done per profile). */
  steps: StepStats | null;
}

export interface StepStats {
  count: number;
  firstStartAt: number;
  lastDoneAt: number;
  medianStepSeconds: number;
  p90StepSeconds: number;
  /** Sum of step durations over the span: how many profiles were in flight on average. */
  meanInFlight: number;
}

/** Step statistics from apply's progress lines (`  key: create started` / `... done`). */
export function stepStats(lines: { ms: number; text: string }[]): StepStats | null {
  const start = new Map<string, number>();
  const spans: [number, number][] = [];
  for (const l of lines) {
    const m = /^ {2}(\S+): (create|update) (started|done)\b/.exec(l.text);
    if (!m) continue;
    if (m[3] === "started") start.set(m[1]!, l.ms);
    else if (start.has(m[1]!)) spans.push([start.get(m[1]!)!, l.ms]);
  }
  if (spans.length === 0) return null;
  const d = spans.map(([a, b]) => b - a).sort((x, y) => x - y);
  const first = Math.min(...spans.map((x) => x[0]));
  const last = Math.max(...spans.map((x) => x[1]));
  const q = (f: number) => sec(d[Math.min(d.length - 1, Math.floor(d.length * f))])!;
  return {
    count: spans.length,
    firstStartAt: sec(first)!,
    lastDoneAt: sec(last)!,
    medianStepSeconds: q(0.5),
    p90StepSeconds: q(0.9),
    meanInFlight: Math.round((d.reduce((t, x) => t + x, 0) / (last - first || 1)) * 10) / 10,
  };
}

export async function applyOnce(t: Target, dir: string, parallel: number): Promise<ApplyRun> {
  await t.controls.resetRequestLog();
  const before = t.witness.invocations();
  // --verbose: a line per resource step start, for the step statistics (without it, on no
  // terminal, apply prints a summary line every few seconds).
  const args = [CLI, "apply", dir, "--auto-approve", "--verbose", "--parallel", String(parallel)];
  const epochMs = Date.now();
  const r = await runNode(args, { cwd: t.cwd, env: cliEnv(t) });
  const finished = /Apply finished: (\d+) created, .* (\d+) failed/.exec(r.stdout);
  const nothing = r.stdout.includes("No Pulumi update was run");
  if (r.code !== 0 && !finished) throw childError("apply", r);
  return {
    seconds: sec(r.wallMs)!,
    exitCode: r.code,
    pulumiInvocations: t.witness.invocations() - before,
    pulumiCommands: t.witness.commands(before, epochMs),
    created: Number(finished?.[1] ?? 0),
    failed: Number(finished?.[2] ?? 0),
    phases: {
      planShownAt: sec(lineAt(r, /^(Applying through Pulumi|Nothing to change)/)),
      pulumiDoneAt: sec(lineAt(r, /: (create|update) done /, true)),
      evaluationStartAt: await firstEvaluationAt(t, epochMs),
      evaluationDoneAt: sec(lineAt(r, /^(Evaluation and submission|Apply finished)/)),
    },
    nothingToChange: nothing,
    peakRssMb: r.peakRssMb ?? null,
    steps: stepStats(r.lines),
    ...(await requestsOf(t.controls, t.account.sid)),
  };
}

async function firstEvaluationAt(t: Target, epochMs: number): Promise<number | null> {
  const log = await t.controls.getRequestLog({
    method: "POST",
    pathPrefix: "/v1/CustomerProfiles/",
  });
  const ats = log.requests.filter((q) => q.path.endsWith("/Evaluations")).map((q) => q.at);
  return ats.length ? sec(Math.min(...ats) - epochMs) : null;
}

/** A bench child script (direct floor, naive reader) that prints one JSON line. */
export async function benchChild<T>(
  script: string,
  args: Record<string, unknown>,
  t: Target,
  account: Account,
): Promise<T & RequestCount & { seconds: number }> {
  await t.controls.resetRequestLog();
  const r = await runNode([join(ROOT, "bench", script)], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"], HOME: process.env["HOME"], BENCH_ARGS: JSON.stringify(args) },
  });
  if (r.code !== 0) throw childError(script, r);
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as T & { ms: number };
  return { ...out, seconds: sec(out.ms)!, ...(await requestsOf(t.controls, account.sid)) };
}

function childError(what: string, r: ChildResult): Error {
  const tail = (s: string) => s.split("\n").slice(-15).join("\n");
  return new Error(`${what} exited ${r.code}\n${tail(r.stdout)}\n${tail(r.stderr)}`);
}

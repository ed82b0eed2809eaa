/**
 * Benchmark: N new secondary profiles (default 1,000) applied through the
 * Pulumi engine (src/apply/engine.ts: inline program, one dynamic resource per
 * profile, the real CLI) against the emulator with added latency and a
 * concurrency cap, versus the same writes sent directly (the provider's own
 * reconcile() in a pool of the same size). Goal: Pulumi <= 1.5x direct, zero
 * failures. Run:
 *   node_modules/.bin/node bench/apply-throughput.ts   -> bench/results/apply-throughput.json
 * Env: N, LATENCY_MS (25), MAX_CONCURRENT (8), PARALLEL (10).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../src/emulator/index.ts";
import { sandboxControls } from "../src/emulator/controls-client.ts";
import { loadConfig } from "../src/config/index.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { createClient } from "../src/state/client.ts";
import { reconcile } from "../src/apply/reconcile.ts";
import { runUpdate } from "../src/apply/engine.ts";
import type { ProfileInputs } from "../src/apply/inputs.ts";
import type { Connection, DesiredBundle } from "../src/model/trusthub.ts";
import type { BusinessProfile } from "../src/model/config.ts";

const N = Number(process.env["N"] ?? 1000);
const LATENCY_MS = Number(process.env["LATENCY_MS"] ?? 25);
const MAX_CONCURRENT = Number(process.env["MAX_CONCURRENT"] ?? 8);
const PARALLEL = Number(process.env["PARALLEL"] ?? 10);
const ROOT = join(import.meta.dirname, "..");

async function template(): Promise<BusinessProfile> {
  const r = await loadConfig([join(ROOT, "examples/isv")], { env: {}, cwd: ROOT });
  if (!r.config) throw new Error("examples/isv does not load");
  return r.config.secondaries[0]!;
}

function bundles(t: BusinessProfile, primarySid: string): DesiredBundle[] {
  return Array.from({ length: N }, (_, i) =>
    desiredBundle({ ...t, key: `brand-${i}`, friendlyName: `Bench Brand ${i}` }, { primarySid }),
  );
}

async function account() {
  const emu = await startEmulator({});
  const acct = emu.accounts[0]!;
  const ctl = sandboxControls(emu.url, acct.sid, acct.token);
  const primary = await ctl.createPrimary({ status: "twilio-approved" });
  await ctl.setFaults({ latencyMs: LATENCY_MS, maxConcurrent: MAX_CONCURRENT });
  await ctl.resetRequestLog();
  const conn: Connection = {
    target: { kind: "emulator", url: emu.url, accountSid: acct.sid },
    username: acct.sid,
    password: acct.token,
  };
  const finish = async () => {
    await ctl.resetFaults();
    const stats = await ctl.stats();
    const log = await ctl.getRequestLog();
    const throttled = log.requests.filter((q) => q.status === 429).length;
    await emu.close();
    return { stats, requests: log.count, throttled429: throttled };
  };
  return { conn, primarySid: primary.sid, finish };
}

async function direct(t: BusinessProfile) {
  const a = await account();
  const c = createClient(a.conn);
  const queue = bundles(t, a.primarySid);
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        await reconcile(c, a.conn.target, d, undefined).catch(() => (failures += 1));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, failures, ...(await a.finish()) };
}

async function viaPulumi(t: BusinessProfile) {
  const a = await account();
  const cwd = await mkdtemp(join(tmpdir(), "trusthub-bench-"));
  const specs: ProfileInputs[] = bundles(t, a.primarySid).map((desired) => ({
    key: desired.key,
    kind: "secondary",
    mode: "apply",
    desired,
    observed: null,
  }));
  const env = {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    PULUMI_CONFIG_PASSPHRASE: "bench",
    TRUSTHUB_PULUMI_CHECKPOINTS: process.env["TRUSTHUB_PULUMI_CHECKPOINTS"],
  };
  const started = performance.now();
  const r = await runUpdate({ conn: a.conn, cwd, env, specs, parallel: PARALLEL });
  const seconds = (performance.now() - started) / 1000;
  await rm(cwd, { recursive: true, force: true });
  const failures =
    r.outcomes.filter((o) => !o.ok).length + (N - r.outcomes.filter((o) => o.ok).length);
  const created = r.outcomes.filter((o) => o.ok && o.op === "create").length;
  return { seconds, failures, created, ...(await a.finish()) };
}

const t = await template();
if (process.env["PULUMI_ONLY"]) {
  const r = await viaPulumi(t);
  process.stdout.write(`${JSON.stringify({ seconds: r.seconds, failures: r.failures })}\n`);
  process.exit(0);
}
const directRun = await direct(t);
process.stderr.write(`direct: ${directRun.seconds.toFixed(1)} s\n`);
const pulumiRun = await viaPulumi(t);
process.stderr.write(`pulumi: ${pulumiRun.seconds.toFixed(1)} s\n`);
const result = {
  benchmark: "apply-throughput",
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  settings: {
    profiles: N,
    latencyMs: LATENCY_MS,
    maxConcurrent: MAX_CONCURRENT,
    parallel: PARALLEL,
  },
  direct: directRun,
  pulumi: pulumiRun,
  ratio: Number((pulumiRun.seconds / directRun.seconds).toFixed(3)),
  goal: "pulumi <= 1.5 x direct, zero failures",
  met:
    pulumiRun.seconds <= 1.5 * directRun.seconds &&
    pulumiRun.failures === 0 &&
    directRun.failures === 0,
};
await writeFile(
  join(ROOT, "bench/results/apply-throughput.json"),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

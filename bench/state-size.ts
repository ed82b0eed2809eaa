/**
 * Issue 15: Pulumi state per managed profile and the cost of per-step checkpoints. Applies N new
 * secondary profiles (default 300) through the engine (src/apply/engine.ts runUpdate, the real
 * CLI, a file backend) against the emulator in its own process, with the bench's load settings
 * (30 ms per request, 20 in flight, --parallel 20), then reports the seconds, the failures and the
 * checkpoint: bytes per profile as the bench measures it (file size / N) and the mean compact
 * JSON size of one profile resource. Prints JSON; writes nothing to bench/results.
 *   node_modules/.bin/node bench/state-size.ts
 * Env: N, CHECKPOINTS (every-step | final | unset: apply's default), LATENCY_MS, MAX_CONCURRENT,
 * PARALLEL.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runUpdate } from "../src/apply/engine.ts";
import type { ProfileInputs } from "../src/apply/inputs.ts";
import { loadConfig } from "../src/config/index.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { connectionOf, startEmulatorProcess } from "./emu.ts";
import { checkpointFile } from "./preload.ts";

const N = Number(process.env["N"] ?? 300);
const LATENCY_MS = Number(process.env["LATENCY_MS"] ?? 30);
const MAX_CONCURRENT = Number(process.env["MAX_CONCURRENT"] ?? 20);
const PARALLEL = Number(process.env["PARALLEL"] ?? 20);
const ROOT = join(import.meta.dirname, "..");

const config = (await loadConfig([join(ROOT, "examples/isv")], { env: {}, cwd: ROOT })).config!;
const emu = await startEmulatorProcess();
const cwd = await mkdtemp(join(tmpdir(), "trusthub-state-size-"));
try {
  const primary = await emu.controls.createPrimary({ status: "twilio-approved" });
  await emu.controls.setFaults({ latencyMs: LATENCY_MS, maxConcurrent: MAX_CONCURRENT });
  const t = config.secondaries[0]!;
  const specs: ProfileInputs[] = Array.from({ length: N }, (_, i) => {
    const desired = desiredBundle(
      { ...t, key: `brand-${i}`, friendlyName: `Bench Brand ${i}` },
      { primarySid: primary.sid },
    );
    return { key: desired.key, kind: "secondary", mode: "apply", desired, observed: null };
  });
  const env = {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    PULUMI_CONFIG_PASSPHRASE: "bench",
    TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"],
    TRUSTHUB_PULUMI_CHECKPOINTS: process.env["CHECKPOINTS"],
  };
  const conn = connectionOf(emu.url, emu.account);
  const started = performance.now();
  const r = await runUpdate({ conn, cwd, env, specs, parallel: PARALLEL, onProgress: () => {} });
  const seconds = Math.round(performance.now() - started) / 1000;
  const file = checkpointFile(cwd, emu.account.sid);
  const bytes = (await stat(file)).size;
  const cp = JSON.parse(await readFile(file, "utf8")) as {
    checkpoint: { latest: { resources: { type: string }[] } };
  };
  const profiles = cp.checkpoint.latest.resources.filter((x) =>
    x.type.endsWith("trusthub:Profile"),
  );
  const sizes = profiles.map((p) => JSON.stringify(p).length);
  const result = {
    n: N,
    checkpoints: process.env["CHECKPOINTS"] ?? "default",
    seconds,
    failures: r.outcomes.filter((o) => !o.ok).length + (N - r.outcomes.length),
    checkpointBytes: bytes,
    bytesPerProfile: Math.round(bytes / N),
    resourceBytesMean: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
    resourceBytesMax: Math.max(...sizes),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await emu.close();
  await rm(cwd, { recursive: true, force: true });
}

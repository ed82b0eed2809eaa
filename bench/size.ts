/**
 * Every scenario for one size N against a fresh emulator process:
 *  - N <= maxApplyN: direct-write floor (second account), apply of N new
 *    profiles through `trusthub apply` (Pulumi), which also preloads state;
 *  - larger N: preload through the SDK (no faults) and a Pulumi checkpoint
 *    synthesized from a real one (bench/preload.ts);
 * then, with latency and the concurrency cap: no-change plan (planRuns runs),
 * plan with 1% changed, no-op apply, naive per-object reader.
 */
import { copyFile, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/index.ts";
import { makePrimary, measureRtt } from "./account.ts";
import { startEmulatorProcess } from "./emu.ts";
import { changedIndexes, PRIMARY_KEY, writeConfig } from "./generate.ts";
import { checkpointFile, preload, writeCheckpoint } from "./preload.ts";
import { pulumiWitness } from "./pulumi-wrap.ts";
import { summarizeDir } from "./cpu-profile.ts";
import { applyOnce, benchChild, planOnce, type Target } from "./scenarios.ts";

export interface Settings {
  latencyMs: number;
  maxConcurrent: number;
  parallel: number;
  naiveParallel: number;
  planRuns: number;
  maxApplyN: number;
  preloadConcurrency: number;
  /** Phases and a CPU profile of the no-change plan from this N on. */
  profileFromN: number;
}

/** The no-change plan's phases (each in its own child) and a CPU profile of the CLI plan. */
async function profilePlan(t: Target, base: string, work: string, n: number) {
  log(`n=${n}: plan phases, split files and CPU profile`);
  const splitDir = await writeConfig(join(work, "split"), n, new Set(), SPLIT_FILE_PROFILES);
  const phases = [];
  for (const phase of ["baseline", "load", "load-split", "state", "read", "plan"]) {
    const { account: acct, url } = t;
    const args = { phase, dir: base, splitDir, cwd: work, url, sid: acct.sid, token: acct.token };
    phases.push(
      await benchChild<{ phase: string; maxRssMb: number }>("plan-phases.ts", args, t, t.account),
    );
  }
  const profDir = join(work, "cpu-profile");
  const run = await planOnce(t, base, ["--cpu-prof", "--cpu-prof-dir", profDir]);
  const splitPlan = await planOnce(t, splitDir);
  return {
    phases,
    splitPlan: { ...splitPlan, filesOf: SPLIT_FILE_PROFILES },
    cpuProfile: { planSeconds: run.seconds, ...(await summarizeDir(profDir)) },
  };
}

/** Profiles per file in the split-files variant of the no-change plan. */
const SPLIT_FILE_PROFILES = 500;
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `template`: a real checkpoint file from an earlier size, for synthesizing state. */
export async function runSize(n: number, s: Settings, template: { dir: string; file?: string }) {
  const work = await mkdtemp(join(tmpdir(), `trusthub-bench-${n}-`));
  const emu = await startEmulatorProcess();
  try {
    const base = await writeConfig(join(work, "base"), n);
    const changedSet = new Set(changedIndexes(n));
    const changedDir = await writeConfig(join(work, "changed"), n, changedSet);
    const config = (await loadConfig([base], { env: {}, cwd: base })).config!;
    const { controls } = emu;
    const t: Target = {
      url: emu.url,
      account: emu.account,
      controls,
      cwd: work,
      witness: pulumiWitness(join(work, "pulumi-witness")),
    };
    const primary = await makePrimary(emu.url, emu.account, controls, config);
    const faults = { latencyMs: s.latencyMs, maxConcurrent: s.maxConcurrent };
    const out: Record<string, unknown> = { n };
    if (n <= s.maxApplyN) {
      const other = await controls.createAccount();
      const otherCtl = (await import("../src/emulator/controls-client.ts")).sandboxControls(
        emu.url,
        other.sid,
        other.token,
      );
      const otherPrimary = await makePrimary(emu.url, other, otherCtl, config);
      await controls.setFaults(faults);
      out["rttMs"] = Math.round((await measureRtt(emu.url, emu.account)) * 10) / 10;
      log(`n=${n}: direct writes`);
      const args = { url: emu.url, sid: other.sid, token: other.token, dir: base };
      out["direct"] = await benchChild(
        "direct-child.ts",
        { ...args, primarySid: otherPrimary.profileSid, parallel: s.parallel },
        t,
        other,
      );
      log(`n=${n}: apply through Pulumi`);
      out["apply"] = await applyOnce(t, base, s.parallel);
      template.file = join(template.dir, `checkpoint-${n}.json`);
      await copyFile(checkpointFile(work, emu.account.sid), template.file);
    } else {
      log(`n=${n}: preload through the SDK`);
      const started = performance.now();
      const records = await preload(emu.url, emu.account, controls, config, primary, s);
      await writeCheckpoint(work, emu.account.sid, records, template.file!, PRIMARY_KEY);
      out["preloadSeconds"] = Math.round(performance.now() - started) / 1000;
      await controls.setFaults(faults);
      out["rttMs"] = Math.round((await measureRtt(emu.url, emu.account)) * 10) / 10;
    }
    const mb = async (f: string) => Math.round(((await stat(f)).size / 2 ** 20) * 10) / 10;
    const checkpoint = checkpointFile(work, emu.account.sid);
    out["files"] = {
      yamlMb: await mb(join(base, "brands.yaml")),
      checkpointMb: await mb(checkpoint),
      checkpointBytes: (await stat(checkpoint)).size,
    };
    log(`n=${n}: no-change plan x${s.planRuns}`);
    const runs = [];
    for (let i = 0; i < s.planRuns; i++) runs.push(await planOnce(t, base));
    out["noChangePlan"] = {
      runs,
      seconds: median(runs.map((r) => r.seconds)),
      peakRssMb: median(runs.map((r) => r.peakRssMb ?? 0)),
      requests: median(runs.map((r) => r.requests)),
      allNoChange: runs.every((r) => r.exitCode === 0 && r["summary"]["no-op"] === n + 1),
    };
    if (n >= s.profileFromN) out["planProfile"] = await profilePlan(t, base, work, n);
    log(`n=${n}: plan with ${changedSet.size} changed`);
    const changed = await planOnce(t, changedDir);
    out["changedPlan"] = {
      ...changed,
      changedProfiles: changedSet.size,
      exact: changed.exitCode === 2 && changed.summary.update === changedSet.size,
    };
    log(`n=${n}: no-op apply`);
    out["noopApply"] = await applyOnce(t, base, s.parallel);
    log(`n=${n}: naive per-object reader`);
    out["naive"] = await benchChild(
      "naive-child.ts",
      {
        url: emu.url,
        sid: emu.account.sid,
        token: emu.account.token,
        cwd: work,
        parallel: s.naiveParallel,
      },
      t,
      emu.account,
    );
    return out;
  } finally {
    await emu.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `node bench/postgres.ts [--n 1000] [--runs 3]`: the no-change plan with the
 * stack in PostgreSQL (Pulumi's postgres:// backend) next to the same plan
 * with the file backend, at N profiles, under the bench's conditions (emulator
 * process, 30 ms per request, at most 20 in flight). The file plan scans the
 * checkpoint file itself; the postgres plan reads the same checkpoint from
 * Pulumi's table with one SELECT (src/state/postgres-state.ts; the Pulumi
 * calls per plan are counted: 0 unless it fell back to `pulumi stack
 * export`, src/apply/export.ts). PostgreSQL comes from scripts/postgres.sh (a private
 * cluster in a temporary directory, stopped at the end).
 *
 * State: one real `trusthub apply` of the N profiles per backend (no added
 * latency while applying: only the plans are measured); the postgres runner
 * adopts what the file runner created, so both stacks hold the same N
 * profiles. Runs alternate file / postgres. Writes
 * $TMPDIR/trusthub-bench/postgres-<N>.json and prints a summary; --commit
 * also puts the run into bench/results/scale.json (`postgres`) and
 * regenerates bench/RESULTS.md (a section of its own; full scale runs keep it).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { findPulumiBinDir } from "../src/apply/pulumi-bin.ts";
import { loadConfig } from "../src/config/index.ts";
import { startPostgres } from "../test/state-backend/postgres.ts";
import { makePrimary } from "./account.ts";
import { startEmulatorProcess } from "./emu.ts";
import { writeConfig } from "./generate.ts";
import { ROOT } from "./proc.ts";
import { COMMITTED, renderAll } from "./render.ts";
import type { PostgresResult, Results } from "./types.ts";
import { pulumiWitness } from "./pulumi-wrap.ts";
import { applyOnce, planOnce, type PlanRun, type Target } from "./scenarios.ts";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    commit: { type: "boolean", default: false },
  },
});
const n = Number(values.n);
const runs = Number(values.runs);
const log = (s: string) => process.stderr.write(`[bench:postgres] ${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

const work = await mkdtemp(join(tmpdir(), `trusthub-bench-pg-${n}-`));
const pg = startPostgres("bench");
const emu = await startEmulatorProcess();
try {
  const base = await writeConfig(join(work, "base"), n);
  const config = (await loadConfig([base], { env: {}, cwd: base })).config!;
  await makePrimary(emu.url, emu.account, emu.controls, config);
  const target = (name: string, backendUrl?: string): Target => ({
    url: emu.url,
    account: emu.account,
    controls: emu.controls,
    cwd: join(work, name),
    witness: pulumiWitness(join(work, `${name}-witness`)),
    ...(backendUrl !== undefined && { backendUrl }),
  });
  const file = target("file");
  const postgres = target("postgres", pg.url);
  for (const t of [file, postgres]) await mkdir(t.cwd, { recursive: true });
  const loadStart = load();
  log(`n=${n}: apply (file backend)`);
  const applyFile = await applyOnce(file, base, 20);
  log(`n=${n}: apply (postgres backend: adopts the same profiles)`);
  const applyPg = await applyOnce(postgres, base, 20);
  await emu.controls.setFaults({ latencyMs: 30, maxConcurrent: 20 });
  const plans: { file: PlanRun[]; postgres: PlanRun[] } = { file: [], postgres: [] };
  const pulumiCalls: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`n=${n}: no-change plan ${i + 1}/${runs}`);
    plans.file.push(await planOnce(file, base));
    const before = postgres.witness.invocations();
    plans.postgres.push(await planOnce(postgres, base));
    pulumiCalls.push(postgres.witness.invocations() - before);
  }
  // For comparison, the stack read through Pulumi (the fallback, src/apply/export.ts): one CLI start.
  const exportRuns: number[] = [];
  let exportMb = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const text = execFileSync(
      join(findPulumiBinDir(process.env), "pulumi"),
      ["stack", "export", "--stack", `organization/trusthub/${emu.account.sid}`],
      {
        encoding: "utf8",
        maxBuffer: 2 ** 30,
        env: { ...process.env, PULUMI_BACKEND_URL: pg.url, PULUMI_SKIP_UPDATE_CHECK: "true" },
      },
    );
    exportRuns.push(Math.round(performance.now() - t0) / 1000);
    exportMb = Math.round((text.length / 2 ** 20) * 10) / 10;
  }
  const summary = (xs: PlanRun[]) => ({
    seconds: median(xs.map((r) => r.seconds)),
    peakRssMb: median(xs.map((r) => r.peakRssMb ?? 0)),
    requests: median(xs.map((r) => r.requests)),
    allNoChange: xs.every((r) => r.exitCode === 0 && r.summary["no-op"] === n + 1),
  });
  const f = summary(plans.file);
  const p = summary(plans.postgres);
  const git = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  const result: PostgresResult = {
    date: new Date().toISOString(),
    commit: git(["rev-parse", "--short", "HEAD"]),
    dirty: git(["status", "--porcelain"]) !== "",
    n,
    runs,
    postgresVersion: pg.version,
    conditions: { latencyMs: 30, maxConcurrent: 20 },
    loadAverage: { start: loadStart, end: load() },
    apply: {
      file: {
        seconds: applyFile.seconds,
        created: applyFile.created,
        exitCode: applyFile.exitCode,
      },
      postgres: { seconds: applyPg.seconds, exitCode: applyPg.exitCode },
    },
    noChangePlan: { file: f, postgres: p, ratio: Math.round((p.seconds / f.seconds) * 100) / 100 },
    pulumiInvocationsPerPostgresPlan: pulumiCalls,
    stackExport: { seconds: median(exportRuns), runs: exportRuns, outputMb: exportMb },
    runsSeconds: {
      file: plans.file.map((r) => r.seconds),
      postgres: plans.postgres.map((r) => r.seconds),
    },
  };
  const outDir = join(tmpdir(), "trusthub-bench");
  await mkdir(outDir, { recursive: true });
  let out = join(outDir, `postgres-${n}.json`);
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  if (values.commit) {
    // Into the committed results (its own section of RESULTS.md); the scale runs stay as they are.
    const committed = JSON.parse(await readFile(COMMITTED.json, "utf8")) as Results;
    committed.postgres = result;
    await writeFile(COMMITTED.json, `${JSON.stringify(committed, null, 2)}\n`);
    await renderAll();
    out = COMMITTED.json;
  }
  log(
    `no-change plan at ${n}: file ${f.seconds} s, postgres ${p.seconds} s (${result.noChangePlan.ratio} x); ` +
      `requests ${f.requests} / ${p.requests}; peak RSS ${f.peakRssMb} / ${p.peakRssMb} MB; written to ${out}`,
  );
} finally {
  await emu.close();
  pg.stop();
  await rm(work, { recursive: true, force: true });
}

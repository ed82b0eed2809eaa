/**
 * `npm run bench`: plan and apply at ISV scale (issues 7 and 15). For each N (10, 100,
 * 1,000, 10,000) runs bench/size.ts against a fresh emulator process with
 * added latency and a concurrency cap, then writes bench/results/scale.json
 * and regenerates bench/RESULTS.md and bench/results/scale.svg from it.
 *
 * Bounded runs (--quick, --max-n, --max-apply-n below 10,000) write under
 * $TMPDIR/trusthub-bench/ instead, so they never replace the committed results.
 *
 *   --quick            N = 10 and 100, one plan run each
 *   --max-n N          only sizes up to N
 *   --max-apply-n N    apply through Pulumi only up to N (default 10,000: every size)
 *   --plan-runs K      no-change plan runs per size (median; default 3)
 *   --checkpoint-n L   sizes of the per-step checkpoint cost runs (default 300,1000; "" for none)
 *   --render-only      re-judge the goals and regenerate RESULTS.md and the SVG from the JSON
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findPulumiBinDir } from "../src/apply/pulumi-bin.ts";
import { checkpointCosts } from "./checkpoints.ts";
import { judge } from "./goals.ts";
import { ROOT } from "./proc.ts";
import { boundedPaths, COMMITTED, renderAll } from "./render.ts";
import { runSize, type Settings } from "./size.ts";
import type { Results, SizeResult } from "./types.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "max-n": { type: "string" },
    "max-apply-n": { type: "string", default: "10000" },
    "plan-runs": { type: "string" },
    "checkpoint-n": { type: "string" },
    "render-only": { type: "boolean", default: false },
  },
});

if (values["render-only"]) {
  const r = JSON.parse(await readFile(COMMITTED.json, "utf8")) as Results;
  r.goals = judge(r);
  await writeFile(COMMITTED.json, `${JSON.stringify(r, null, 2)}\n`);
  await renderAll();
  process.exit(0);
}

const maxN = values["max-n"] ? Number(values["max-n"]) : Infinity;
const sizes = (values.quick ? [10, 100] : [10, 100, 1000, 10000]).filter((n) => n <= maxN);
const settings: Settings = {
  latencyMs: 30,
  maxConcurrent: 20,
  parallel: 20,
  naiveParallel: 10,
  planRuns: Number(values["plan-runs"] ?? (values.quick ? 1 : 3)),
  maxApplyN: Number(values["max-apply-n"]),
  preloadConcurrency: 32,
  profileFromN: values.quick ? 100 : 1000,
};
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const git = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
const pulumiVersion = execFileSync(join(findPulumiBinDir(process.env), "pulumi"), ["version"], {
  encoding: "utf8",
  env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
}).trim();

const started = performance.now();
const loadAverageStart = load();
const tplDir = await mkdtemp(join(tmpdir(), "trusthub-bench-template-"));
const results: SizeResult[] = [];
try {
  const template: { dir: string; file?: string } = { dir: tplDir };
  for (const n of sizes) {
    const t = performance.now();
    results.push((await runSize(n, settings, template)) as unknown as SizeResult);
    process.stderr.write(
      `[bench] n=${n} done in ${((performance.now() - t) / 1000).toFixed(0)} s\n`,
    );
  }
} finally {
  await rm(tplDir, { recursive: true, force: true });
}
const cpSizes = (values["checkpoint-n"] ?? (values.quick ? "" : "300,1000"))
  .split(",")
  .filter(Boolean)
  .map(Number)
  .filter((n) => n <= maxN);
const checkpoints = cpSizes.length
  ? await checkpointCosts(cpSizes, (s) => process.stderr.write(`[bench] ${s}\n`))
  : undefined;
const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
const out: Results = {
  benchmark: "scale",
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    pulumi: pulumiVersion,
    platform: `${platform()} ${release()}`,
    loadAverageStart,
    loadAverageEnd: load(),
  },
  date: new Date().toISOString(),
  gitCommit: `${git(["rev-parse", "--short", "HEAD"])}${dirty ? " (with uncommitted changes)" : ""}`,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  durationSeconds: Math.round((performance.now() - started) / 1000),
  settings: { ...settings, sizes },
  sizes: results,
  ...(checkpoints ? { checkpoints } : {}),
  goals: [],
};
out.goals = judge(out);
// Only a full run replaces the committed results; bounded runs write under the temp directory.
const bounded = values.quick || values["max-n"] !== undefined || settings.maxApplyN < 10000;
const paths = bounded ? await boundedPaths() : COMMITTED;
// bench/postgres.ts --commit measures its own run: a full run keeps it.
const previous = await readFile(COMMITTED.json, "utf8").then(
  (t) => (JSON.parse(t) as Results).postgres,
  () => undefined,
);
if (previous) out.postgres = previous;
await writeFile(paths.json, `${JSON.stringify(out, null, 2)}\n`);
await renderAll(paths);
process.stderr.write(`[bench] results: ${paths.json}, ${paths.md}\n`);
for (const g of out.goals)
  process.stderr.write(
    `[bench] ${g.met ? "met    " : g.met === null ? "n/a    " : "NOT MET"} ${g.goal}: ${g.measured}\n`,
  );

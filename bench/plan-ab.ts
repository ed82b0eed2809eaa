/**
 * A/B of the no-change `trusthub plan` CLI against bench/plan-fixture.ts
 * (issue 15): the launchers given run alternately (A, B, A, B, ...) in the
 * same conditions, each a child with its own peak RSS and CPU seconds (user +
 * system: the machine's load moves them less than wall time); prints each run and
 * the medians with the load average before and after, as JSON.
 *
 *   node bench/plan-ab.ts --fixture DIR/fixture.json --n 10000 --runs 5 \
 *     --cli A=/path/to/bin/trusthub.js [--cli B=...] [--node-arg=--cpu-prof]
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CLI, runNode } from "./proc.ts";

const { values } = parseArgs({
  options: {
    fixture: { type: "string" },
    n: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    cli: { type: "string", multiple: true },
    /** NAME=VAR=VALUE: an environment variable for one launcher only. */
    "cli-env": { type: "string", multiple: true },
    "node-arg": { type: "string", multiple: true },
    /** NAME=FLAG: a node flag for one launcher only. */
    "cli-arg": { type: "string", multiple: true },
  },
});
const fx = JSON.parse(await readFile(values.fixture!, "utf8")) as {
  url: string;
  cwd: string;
  sizes: Record<string, { sid: string; token: string; dir: string }>;
};
const size = fx.sizes[values.n]!;
const clis = (values.cli ?? [`A=${CLI}`]).map((c) => c.split("=") as [string, string]);
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const env = {
  PATH: process.env["PATH"],
  HOME: process.env["HOME"],
  TWILIO_ACCOUNT_SID: size.sid,
  TWILIO_AUTH_TOKEN: size.token,
  TRUSTHUB_API_URL: fx.url,
  PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
  NO_COLOR: "1",
};
const cliEnv = (name: string): Record<string, string> =>
  Object.fromEntries(
    (values["cli-env"] ?? [])
      .filter((e) => e.startsWith(`${name}=`))
      .map((e) => e.slice(name.length + 1).split(/=(.*)/s, 2) as [string, string]),
  );
const loadStart = load();
const runs: Record<string, { s: number; cpu: number; mb: number }[]> = {};
const cpuFile = join(await mkdtemp(join(tmpdir(), "trusthub-ab-")), "cpu");
for (let i = 0; i < Number(values.runs); i++) {
  for (const [name, cli] of clis) {
    const r = await runNode([cli, "plan", size.dir, "--format", "json", "--detailed-exitcode"], {
      cwd: fx.cwd,
      env: { ...env, ...cliEnv(name), BENCH_CPU_FILE: cpuFile },
      nodeArgs: [
        ...(values["node-arg"] ?? []),
        ...(values["cli-arg"] ?? [])
          .filter((a) => a.startsWith(`${name}=`))
          .map((a) => a.slice(name.length + 1)),
      ],
    });
    if (r.code !== 0) throw new Error(`${name}: exit ${r.code}\n${r.stderr.slice(-2000)}`);
    const cpu = Math.round(Number(await readFile(cpuFile, "utf8")) * 1000) / 1000;
    (runs[name] ??= []).push({ s: Math.round(r.wallMs) / 1000, cpu, mb: r.peakRssMb ?? 0 });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(
  Object.entries(runs).map(([k, v]) => [
    k,
    {
      s: median(v.map((x) => x.s)),
      cpu: median(v.map((x) => x.cpu)),
      mb: median(v.map((x) => x.mb)),
      runs: v,
    },
  ]),
);
process.stdout.write(
  `${JSON.stringify({ n: Number(values.n), loadStart, loadEnd: load(), summary })}\n`,
);

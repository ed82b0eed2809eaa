/**
 * A/B of the no-change `trusthub plan` CLI against bench/plan-fixture.ts
 * (issue 15): the launchers given run alternately (A, B, A, B, ...) in the
 * same conditions, each a child with its own peak RSS; prints each run and
 * the medians with the load average before and after, as JSON.
 *
 *   node bench/plan-ab.ts --fixture DIR/fixture.json --n 10000 --runs 5 \
 *     --cli A=/path/to/bin/trusthub.js [--cli B=...] [--node-arg=--cpu-prof]
 */
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { CLI, runNode } from "./proc.ts";

const { values } = parseArgs({
  options: {
    fixture: { type: "string" },
    n: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    cli: { type: "string", multiple: true },
    "node-arg": { type: "string", multiple: true },
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
const loadStart = load();
const runs: Record<string, { s: number; mb: number }[]> = {};
for (let i = 0; i < Number(values.runs); i++) {
  for (const [name, cli] of clis) {
    const r = await runNode([cli, "plan", size.dir, "--format", "json", "--detailed-exitcode"], {
      cwd: fx.cwd,
      env,
      nodeArgs: values["node-arg"] ?? [],
    });
    if (r.code !== 0) throw new Error(`${name}: exit ${r.code}\n${r.stderr.slice(-2000)}`);
    (runs[name] ??= []).push({ s: Math.round(r.wallMs) / 1000, mb: r.peakRssMb ?? 0 });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(
  Object.entries(runs).map(([k, v]) => [
    k,
    { s: median(v.map((x) => x.s)), mb: median(v.map((x) => x.mb)), runs: v },
  ]),
);
process.stdout.write(
  `${JSON.stringify({ n: Number(values.n), loadStart, loadEnd: load(), summary })}\n`,
);

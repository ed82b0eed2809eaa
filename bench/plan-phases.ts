/**
 * Where a no-change plan's time and memory go (child process, one phase per
 * run so each peak RSS is that phase's own): `baseline` imports the modules
 * only; `load` = loadConfig (YAML with positions, schema, rules, normalise);
 * `load-split` = the same with the secondaries split into files of 500;
 * `state` = readManaged (the Pulumi checkpoint); `read` = readAccount (four
 * account-wide lists, pages of 1,000, no assignment reads as in a no-change
 * plan); `plan` = the whole preparePlan. Prints one JSON line.
 * Input: $BENCH_ARGS = {phase, dir, splitDir, cwd, url, sid, token}.
 */
import { loadConfig } from "../src/config/index.ts";
import { readManaged } from "../src/state/pulumi-state.ts";
import { readAccount } from "../src/state/read.ts";
import { preparePlan } from "../src/workflow/plan.ts";
import { connectionOf } from "./emu.ts";

const a = JSON.parse(process.env["BENCH_ARGS"] ?? "{}") as {
  phase: "baseline" | "load" | "load-split" | "state" | "read" | "plan";
  dir: string;
  splitDir: string;
  cwd: string;
  url: string;
  sid: string;
  token: string;
};
const conn = connectionOf(a.url, { sid: a.sid, token: a.token });
const started = performance.now();
if (a.phase === "load") await loadConfig([a.dir], { env: {}, cwd: a.cwd });
if (a.phase === "load-split") await loadConfig([a.splitDir], { env: {}, cwd: a.cwd });
if (a.phase === "state") await readManaged({ env: {}, cwd: a.cwd, target: conn.target });
if (a.phase === "read") await readAccount(conn, { managed: {}, assignmentsFor: [] });
if (a.phase === "plan") {
  const env = { TWILIO_ACCOUNT_SID: a.sid, TWILIO_AUTH_TOKEN: a.token, TRUSTHUB_API_URL: a.url };
  await (await preparePlan({ paths: [a.dir], env, cwd: a.cwd })).close();
}
const ms = performance.now() - started;
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ phase: a.phase, ms, maxRssMb })}\n`);

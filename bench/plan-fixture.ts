/**
 * A long-lived fixture for measuring the no-change plan over and over without
 * building the 10,000-profile account each time (issue 15): starts the
 * emulator process, applies a few profiles through `trusthub apply` (a real
 * checkpoint to synthesize state from, in its own account), preloads one
 * account per size as bench/size.ts does, sets the bench's faults (30 ms, 20
 * in flight), writes `<work>/fixture.json` ({url, cwd, sizes: {N: {sid,
 * token, dir}}}) and runs until SIGTERM. bench/plan-ab.ts measures against it.
 *
 *   node bench/plan-fixture.ts --work DIR [--sizes 1000,10000]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findPulumiBinDir } from "../src/apply/pulumi-bin.ts";
import { loadConfig } from "../src/config/index.ts";
import { makePrimary } from "./account.ts";
import { startEmulatorProcess, type Account } from "./emu.ts";
import { PRIMARY_KEY, writeConfig } from "./generate.ts";
import { checkpointFile, preload, writeCheckpoint } from "./preload.ts";
import { CLI, runNode } from "./proc.ts";

const { values } = parseArgs({
  options: { work: { type: "string" }, sizes: { type: "string", default: "1000,10000" } },
});
const work = values.work!;
const sizes = values.sizes.split(",").map(Number);
const log = (s: string) => process.stderr.write(`[fixture] ${s}\n`);
await mkdir(work, { recursive: true });
const emu = await startEmulatorProcess();
const stop = () => void emu.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

const configOf = async (dir: string) => (await loadConfig([dir], { env: {}, cwd: dir })).config!;
const env = (a: Account) => ({
  PATH: process.env["PATH"],
  HOME: process.env["HOME"],
  TWILIO_ACCOUNT_SID: a.sid,
  TWILIO_AUTH_TOKEN: a.token,
  TRUSTHUB_API_URL: emu.url,
  PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
  TRUSTHUB_PULUMI_BIN: findPulumiBinDir(process.env),
  NO_COLOR: "1",
});

log("template: apply of 3 profiles through Pulumi");
const tplAccount = await emu.controls.createAccount();
const tplCwd = join(work, "template");
const tplDir = await writeConfig(join(tplCwd, "config"), 3);
const { sandboxControls } = await import("../src/emulator/controls-client.ts");
await makePrimary(
  emu.url,
  tplAccount,
  sandboxControls(emu.url, tplAccount.sid, tplAccount.token),
  await configOf(tplDir),
);
const applied = await runNode([CLI, "apply", tplDir, "--auto-approve"], {
  cwd: tplCwd,
  env: env(tplAccount),
});
if (applied.code !== 0)
  throw new Error(`template apply failed\n${applied.stdout}\n${applied.stderr}`);
const template = checkpointFile(tplCwd, tplAccount.sid);

const out: Record<number, { sid: string; token: string; dir: string }> = {};
for (const [i, n] of sizes.entries()) {
  const account = i === 0 ? emu.account : await emu.controls.createAccount();
  const controls = sandboxControls(emu.url, account.sid, account.token);
  const dir = await writeConfig(join(work, `base-${n}`), n);
  const config = await configOf(dir);
  log(`n=${n}: primary and preload`);
  const primary = await makePrimary(emu.url, account, controls, config);
  const records = await preload(emu.url, account, controls, config, primary, {
    preloadConcurrency: 32,
  });
  await writeCheckpoint(work, account.sid, records, template, PRIMARY_KEY);
  out[n] = { ...account, dir };
}
await emu.controls.setFaults({ latencyMs: 30, maxConcurrent: 20 });
await writeFile(
  join(work, "fixture.json"),
  `${JSON.stringify({ url: emu.url, cwd: work, sizes: out }, null, 2)}\n`,
);
log(`ready: ${join(work, "fixture.json")}`);

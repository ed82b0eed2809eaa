/**
 * Twilio's name limits end to end: a secondary whose friendly name is the
 * longest Twilio accepts (64) gets derived object names shortened to fit, so
 * the emulator (which refuses longer ones with 20002, as Twilio does) accepts
 * every write of `trusthub apply`, and the next plan changes nothing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle, Exchange } from "../../src/emulator/index.ts";
import { EXIT } from "../../src/errors.ts";
import { startAccount } from "../helpers/emulator.ts";
import { editYaml, isvCopy, runCli } from "./cli.ts";
import { approvedPrimary } from "./console-primary.ts";

const LONG = "Bluebird Bakery and Pastry Kitchen of the Greater Springfield Ar"; // 64
let emu: EmulatorHandle;
let env: Record<string, string>;
let cwd: string;
let dir: string;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  const a = await startAccount({ onExchange: (e) => exchanges.push(e) });
  emu = a.emu;
  cwd = mkdtempSync(join(tmpdir(), "trusthub-limits-"));
  dir = isvCopy();
  editYaml(dir, "brands.yaml", "friendlyName: Bluebird Bakery\n", `friendlyName: ${LONG}\n`);
  env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase" };
  const bin = process.env["TRUSTHUB_PULUMI_BIN"];
  if (bin !== undefined) env["TRUSTHUB_PULUMI_BIN"] = bin;
  await approvedPrimary(a.controls, a.conn, dir);
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

describe("names within Twilio's limits", () => {
  it("a 64-character secondary name: every write is accepted, derived names are shortened", async () => {
    expect(LONG).toHaveLength(64);
    const r = await runCli(["apply", dir, "--auto-approve"], cwd, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    const writes = exchanges.filter((e) => e.method === "POST" && !e.path.startsWith("/__sandbox"));
    expect(writes.filter((e) => e.status >= 400)).toEqual([]);
    const names = writes
      .map((e) => e.form["FriendlyName"])
      .filter((n): n is string => typeof n === "string" && n.startsWith("Bluebird Bakery and"));
    expect(names).toContain(LONG);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(64);
    expect(names.filter((n) => n.includes(" - Authorized Representative 1"))).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);

    const again = await runCli(["plan", dir, "--detailed-exitcode"], cwd, env);
    expect(again.stderr.replace(/^Target: .*\n/m, "")).toBe("");
    expect(again.code).toBe(EXIT.ok);
  }, 300_000);
});

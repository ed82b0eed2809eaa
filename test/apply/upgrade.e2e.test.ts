/**
 * Issue 15: a stack written in the format before it (test/apply/legacy/v1, made by
 * make-fixture.ts with that code: bundles as secret inputs, the serialized provider closure, the
 * writes as outputs) keeps working, and the first apply rewrites it in the compact format: the
 * profile that changed is written, the others only get their state rewritten (no request to
 * Twilio), and no personal value is left in the checkpoint.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exchange } from "../../src/emulator/index.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { editYaml, runCli } from "./cli.ts";

const FIXTURE = join(import.meta.dirname, "legacy", "v1");
const STACK = "AC5a4db0c5a4db0c5a4db0c5a4db0c0001";

let a: EmulatorAccount;
let cwd: string;
let dir: string;
let env: Record<string, string>;
const exchanges: Exchange[] = [];

const checkpoint = () =>
  readFileSync(
    join(cwd, ".trusthub", "state", ".pulumi", "stacks", "trusthub", `${STACK}.json`),
    "utf8",
  );
const profiles = () =>
  (
    JSON.parse(checkpoint()) as {
      checkpoint: { latest: { resources: { type: string; inputs: object; outputs: object }[] } };
    }
  ).checkpoint.latest.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/trusthub:Profile");
const managed = () => readManaged({ env, cwd, target: a.conn.target });

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "trusthub-upgrade-"));
  cpSync(join(FIXTURE, "emulator.json"), join(work, "emulator.json"));
  a = await startAccount({
    deterministic: true,
    dataFile: join(work, "emulator.json"),
    onExchange: (e) => exchanges.push(e),
  });
  cwd = join(work, "repo");
  cpSync(join(FIXTURE, "stacks"), join(cwd, ".trusthub", "state", ".pulumi", "stacks"), {
    recursive: true,
  });
  dir = join(cwd, "config");
  cpSync(join(FIXTURE, "config"), dir, { recursive: true });
  env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "legacy-passphrase" };
}, 60_000);

afterAll(async () => {
  await a?.emu.close();
});

describe("a stack written before issue 15", () => {
  it("is read as it is: its records, and a plan with nothing to do", async () => {
    expect(profiles()[0]!.inputs).toHaveProperty("desired.ciphertext"); // the old format indeed
    expect(Object.keys(await managed()).sort()).toEqual([
      "bluebird-bakery",
      "harbor-dental",
      "maple-fitness",
      "northwind",
    ]);
    const r = await runCli(["plan", dir], cwd, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No changes. Trust Hub matches the configuration.");
  });

  it("is rewritten by the first apply: one profile written, the others only restated", async () => {
    const before = await managed();
    editYaml(
      dir,
      "brands.yaml",
      "https://harbor-dental.example",
      "https://harbor-dental.example/new",
    );
    const from = exchanges.length;
    const r = await runCli(["apply", dir, "--auto-approve"], cwd, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/harbor-dental: update done/);
    for (const key of ["northwind", "bluebird-bakery", "maple-fitness"]) {
      expect(r.stdout).toContain(`${key}: state rewritten in the compact format (nothing sent)`);
    }
    const writes = exchanges
      .slice(from)
      .filter((e) => e.method !== "GET" && !e.path.startsWith("/__sandbox"))
      .filter((e) => !e.path.endsWith("/Evaluations"))
      .map((e) => `${e.method} ${e.path}`);
    expect(writes).toEqual([expect.stringMatching(/^POST \/v1\/EndUsers\/IT\w+$/)]);

    const text = checkpoint();
    for (const gone of ["ciphertext", "Casey", "harbor-dental.example", "__f0", "writes"]) {
      expect(text).not.toContain(gone);
    }
    const list = profiles();
    expect(JSON.stringify(list)).not.toContain("stackTrace");
    expect(list).toHaveLength(4);
    for (const p of list) {
      expect(Object.keys(p.outputs).sort()).toEqual(
        ["__provider", "digest", "key", "kind", "profileSid", "record", "status"].sort(),
      );
      expect(JSON.stringify(p).length).toBeLessThan(2048);
    }
    expect(await managed()).toEqual(before);
    expect(readdirSync(join(cwd, ".trusthub", "handoff"))).toEqual([]);
  });

  it("then plans nothing", async () => {
    const r = await runCli(["plan", dir], cwd, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No changes. Trust Hub matches the configuration.");
  });
});

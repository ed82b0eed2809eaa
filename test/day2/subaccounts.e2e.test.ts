/**
 * Twilio's "ISVs using subaccounts" layout, end to end: the real CLI, the
 * real Pulumi engine, one emulator holding a parent account (the ISV's
 * approved primary, made through the sandbox's Console control) and three
 * subaccounts with two secondaries each (`account.parent: isv`; sub-c signs
 * in with an API key made in it, the others with their own tokens). apply
 * connects every subaccount secondary to the parent's primary; once Twilio
 * (the sandbox) approves them the next plan is empty; a secondary deleted
 * outside is re-created and connected to the parent's primary again; import
 * from a subaccount round-trips.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { sandboxControls } from "../../src/emulator/controls-client.ts";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.ts";
import type { Plan } from "../../src/model/plan.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { createClient } from "../../src/state/client.ts";
import { runCli } from "../apply/cli.ts";
import { approvedPrimary } from "../apply/console-primary.ts";
import { ISV } from "../apply/fixtures.ts";
import { runImport } from "../../src/workflow/import.ts";
import { connectionTo } from "../helpers/emulator.ts";
import { readEnvFile } from "./helpers.ts";
import { acct, accountBlock, liveProfiles, upper } from "./subaccounts-kit.ts";

const PARENT = acct(11);
const SUBS = ["sub-a", "sub-b", "sub-c"] as const;
const SUB_ACCTS = SUBS.map((_, i) => ({ ...acct(21 + i), parentSid: PARENT.sid }));
const KEYS = ["bluebird-bakery", "harbor-dental"];

let emu: EmulatorHandle;
let cwd: string;
let dir: string;
let parentPrimary: string;
const env: Record<string, string> = { PULUMI_CONFIG_PASSPHRASE: "subaccounts-passphrase" };
const conns: Record<string, Connection> = {};
const cli = (...args: string[]) => runCli(args, cwd, env);
beforeAll(async () => {
  emu = await startEmulator({ accounts: [PARENT, ...SUB_ACCTS] });
  env["EMULATOR_URL"] = emu.url;
  cwd = mkdtempSync(join(tmpdir(), "trusthub-subaccounts-"));
  dir = join(cwd, "trusthub");
  mkdirSync(dir);
  const primaryDoc = parse(readFileSync(join(ISV, "primary.yaml"), "utf8")) as Record<
    string,
    unknown
  >;
  delete (primaryDoc["primary"] as Record<string, unknown>)["sid"];
  const brands = parse(readFileSync(join(ISV, "brands.yaml"), "utf8")) as {
    defaults: unknown;
    secondaries: { key: string; submit?: boolean }[];
  };
  const isvFile = join(dir, "isv.yaml");
  const parentDoc = { version: 1, account: accountBlock("isv"), ...primaryDoc };
  writeFileSync(isvFile, stringify(parentDoc));
  env["ISV_SID"] = PARENT.sid;
  env["ISV_TOKEN"] = PARENT.token;
  conns["isv"] = connectionTo(emu.url, PARENT);
  for (const [i, name] of SUBS.entries()) {
    const who = SUB_ACCTS[i]!;
    env[`${upper(name)}_SID`] = who.sid;
    conns[name] = connectionTo(emu.url, who);
    const account = accountBlock(name, "isv");
    if (name === "sub-c") {
      // An API key made in the subaccount, the other credential Twilio documents for it.
      const key = await sandboxControls(emu.url, who.sid, who.token).createApiKey("trusthub");
      delete account["authTokenEnv"];
      Object.assign(account, { apiKeyEnv: "SUB_C_KEY", apiSecretEnv: "SUB_C_SECRET" });
      Object.assign(env, { SUB_C_KEY: key.sid, SUB_C_SECRET: key.secret });
    } else env[`${upper(name)}_TOKEN`] = who.token;
    const doc = {
      version: 1,
      account,
      defaults: brands.defaults,
      // Every secondary submitted for review (the example keeps one as a draft).
      secondaries: brands.secondaries
        .filter((s) => KEYS.includes(s.key))
        .map((s) => ({ ...s, submit: true })),
    };
    writeFileSync(join(dir, `${name}.yaml`), stringify(doc));
  }
  // The Console step, in the parent only: an approved ISV primary holding the YAML's data.
  const pctl = sandboxControls(emu.url, PARENT.sid, PARENT.token);
  parentPrimary = await approvedPrimary(pctl, conns["isv"], isvFile);
}, 120_000);
afterAll(() => emu?.close());

const liveSecondaries = (name: string) => liveProfiles(conns[name]!, env, cwd);

describe("a parent's primary and three subaccounts", () => {
  it("validate counts the parent and its subaccounts, with no primary warning", async () => {
    const r = await cli("validate", dir);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toBe(
      "valid: 1 primary, 6 secondaries for 4 accounts in 4 files (0 warnings)\n",
    );
  });

  it("plan adopts the parent's primary and creates each subaccount's secondaries under it", async () => {
    const r = await cli("plan", dir, "--format", "json", "--detailed-exitcode");
    expect(r.code, r.stderr).toBe(EXIT.changes);
    const out = JSON.parse(r.stdout) as { accounts: { account: string; plan: Plan }[] };
    expect(out.accounts.map((a) => a.account)).toEqual(["isv", ...SUBS]);
    expect(out.accounts[0]!.plan.actions.map((x) => `${x.key}:${x.action}`)).toEqual([
      "northwind:adopt",
    ]);
    for (const a of out.accounts.slice(1)) {
      expect(a.plan.target.accountSid).toBe(conns[a.account]!.target.accountSid);
      expect(a.plan.actions.map((x) => `${x.key}:${x.action}:${x.submit}`)).toEqual(
        KEYS.map((k) => `${k}:create:true`),
      );
      const link = a.plan.actions[0]!.changes.find((c) => c.slot === "assignments");
      expect(JSON.stringify(link)).toContain(parentPrimary);
    }
  });

  it("apply connects every subaccount secondary to the parent's primary", async () => {
    const r = await cli("apply", dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    // Output in account order, whatever order the subaccounts finished in.
    expect([...r.stdout.matchAll(/=== account ([a-z-]+) ===/g)].map((m) => m[1])).toEqual([
      "isv",
      ...SUBS,
    ]);
    expect(r.stdout.match(/Apply finished: 2 created/g)).toHaveLength(3);
    for (const name of SUBS) {
      const live = await liveSecondaries(name);
      expect(Object.keys(live)).toEqual(KEYS);
      for (const p of Object.values(live)) {
        expect(p.account).toBe(conns[name]!.target.accountSid);
        expect(p.objects).toContain(parentPrimary);
        expect(p.status).toBe("pending-review");
      }
    }
  });

  it("a subaccount secondary rejected and deleted outside is re-created under the parent's primary", async () => {
    const sub = SUB_ACCTS[1]!;
    const ctl = sandboxControls(emu.url, sub.sid, sub.token);
    const before = (await liveSecondaries("sub-b"))["harbor-dental"]!;
    await ctl.reject(before.sid);
    await createClient(conns["sub-b"]!).trusthub.v1.customerProfiles(before.sid).remove();
    const plan = await cli("plan", dir, "--format", "json", "--detailed-exitcode");
    expect(plan.code, plan.stderr).toBe(EXIT.changes);
    const out = JSON.parse(plan.stdout) as { accounts: { account: string; plan: Plan }[] };
    const changed = out.accounts.flatMap((a) =>
      a.plan.actions
        .filter((x) => x.action !== "no-op")
        .map((x) => `${a.account}/${x.key}:${x.action}`),
    );
    expect(changed).toEqual(["sub-b/harbor-dental:create"]);
    const r = await cli("apply", dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    const after = (await liveSecondaries("sub-b"))["harbor-dental"]!;
    expect(after.sid).not.toBe(before.sid);
    expect(after.objects).toContain(parentPrimary);
    expect(after.status).toBe("pending-review");
  });

  it("once the sandbox approves every secondary, plan --detailed-exitcode is 0", async () => {
    for (const [i, name] of SUBS.entries()) {
      const sub = SUB_ACCTS[i]!;
      const ctl = sandboxControls(emu.url, sub.sid, sub.token);
      for (const p of Object.values(await liveSecondaries(name))) await ctl.approve(p.sid);
    }
    const r = await cli("plan", dir, "--detailed-exitcode", "--out", "plan.json");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout.match(/No changes\./g)).toHaveLength(4);
    // A saved plan of every account, subaccounts included, is checked per account and holds.
    const saved = await cli("apply", dir, "--plan", "plan.json");
    expect(saved.code, saved.stdout + saved.stderr).toBe(EXIT.ok);
    expect(saved.stdout.match(/Nothing to change/g)).toHaveLength(4);
  });

  it("status --account reads one subaccount among the files of all accounts", async () => {
    const refused = await cli("status", dir);
    expect(refused.code).toBe(EXIT.error);
    expect(refused.stderr).toContain("this command handles one account at a time");
    const r = await cli("status", dir, "--account", "sub-c", "--format", "json");
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as {
      target: { accountSid: string };
      profiles: { key: string; status: string }[];
    };
    expect(report.target.accountSid).toBe(SUB_ACCTS[2]!.sid);
    expect(report.profiles.map((p) => `${p.key}:${p.status}`)).toEqual(
      KEYS.map((k) => `${k}:twilio-approved`),
    );
  });

  it("import from a subaccount round-trips: its YAML, under the subaccount's block, plans no change", async () => {
    const sub = SUB_ACCTS[0]!;
    const out = await runImport({
      env: {
        TWILIO_ACCOUNT_SID: sub.sid,
        TWILIO_AUTH_TOKEN: sub.token,
        TRUSTHUB_API_URL: emu.url,
        PULUMI_CONFIG_PASSPHRASE: env["PULUMI_CONFIG_PASSPHRASE"]!,
      },
      cwd,
      out: "imported/sub-a.yaml",
    });
    expect(out.target.accountSid).toBe(sub.sid);
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // Keys come from the subaccount's stack; the parent's primary is not the subaccount's to import.
    expect(out.profiles.map((p) => `${p.key}:${p.role}`)).toEqual(
      KEYS.map((k) => `${k}:secondary`),
    );
    const imported = parse(readFileSync(out.yamlFile!, "utf8")) as Record<string, unknown>;
    expect(imported["primary"]).toBeUndefined();
    writeFileSync(
      join(dir, "sub-a.yaml"),
      stringify({ ...imported, account: accountBlock("sub-a", "isv") }),
    );
    const vars = readEnvFile(out.envFile);
    const r = await runCli(["plan", dir, "--format", "json", "--detailed-exitcode"], cwd, {
      ...env,
      ...vars,
    });
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    const plans = JSON.parse(r.stdout) as { accounts: { account: string; plan: Plan }[] };
    const mine = plans.accounts.find((a) => a.account === "sub-a")!.plan;
    expect(mine.actions.map((a) => `${a.key}:${a.action}:${a.changes.length}`)).toEqual(
      KEYS.map((k) => `${k}:no-op:0`),
    );
  });
});

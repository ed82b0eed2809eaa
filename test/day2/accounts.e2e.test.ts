/**
 * Several accounts in one repository, end to end: the real CLI, the real
 * Pulumi engine, one emulator holding two accounts made through the sandbox
 * controls (createAccount). prod.yaml and staging.yaml each name their
 * account by the environment variables of its credentials; both declare the
 * same keys (keys are per account). plan shows both, apply applies both, the
 * next plan is empty, and each account has its own stack.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
import { readManaged } from "../../src/state/pulumi-state.ts";
import { runCli } from "../apply/cli.ts";
import { approvedPrimary } from "../apply/console-primary.ts";
import { ISV } from "../apply/fixtures.ts";
import { connectionTo } from "../helpers/emulator.ts";

const NAMES = ["prod", "staging"] as const;
let emu: EmulatorHandle;
let cwd: string;
let dir: string;
const env: Record<string, string> = { PULUMI_CONFIG_PASSPHRASE: "accounts-passphrase" };
const conns: Record<string, Connection> = {};

const cli = (...args: string[]) => runCli(args, cwd, env);

beforeAll(async () => {
  emu = await startEmulator({});
  const root = emu.accounts[0]!;
  const ctl = sandboxControls(emu.url, root.sid, root.token);
  cwd = mkdtempSync(join(tmpdir(), "trusthub-accounts-"));
  dir = join(cwd, "trusthub");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir);
  const primaryDoc = parse(readFileSync(join(ISV, "primary.yaml"), "utf8")) as Record<
    string,
    unknown
  >;
  const brands = parse(readFileSync(join(ISV, "brands.yaml"), "utf8")) as {
    defaults: Record<string, unknown>;
    secondaries: { key: string }[];
  };
  const harbor = brands.secondaries.find((s) => s.key === "harbor-dental")!;
  delete (primaryDoc["primary"] as Record<string, unknown>)["sid"];
  env["EMULATOR_URL"] = emu.url;
  for (const name of NAMES) {
    const acct = await ctl.createAccount();
    const upper = name.toUpperCase();
    env[`${upper}_SID`] = acct.sid;
    env[`${upper}_TOKEN`] = acct.token;
    conns[name] = connectionTo(emu.url, acct);
    const doc = {
      version: 1,
      account: {
        name,
        accountSidEnv: `${upper}_SID`,
        authTokenEnv: `${upper}_TOKEN`,
        apiUrlEnv: "EMULATOR_URL",
      },
      // The ISV's notification email and status callback (brands.yaml) serve harbor-dental.
      defaults: { ...(primaryDoc["defaults"] as object), ...brands.defaults },
      primary: primaryDoc["primary"],
      secondaries: [harbor],
    };
    writeFileSync(join(dir, `${name}.yaml`), stringify(doc));
    // The Console step in each account: an approved ISV primary holding the YAML's data.
    const actl = sandboxControls(emu.url, acct.sid, acct.token);
    await approvedPrimary(actl, conns[name], join(dir, `${name}.yaml`));
  }
}, 120_000);
afterAll(() => emu?.close());

describe("several accounts in one run", () => {
  it("validate counts both accounts", async () => {
    const r = await cli("validate", dir);
    expect(r.stdout).toBe(
      "valid: 2 primaries, 2 secondaries for 2 accounts in 2 files (0 warnings)\n",
    );
  });

  it("plan shows one plan per account, each against its own account", async () => {
    const text = await cli("plan", dir);
    expect(text.code, text.stderr).toBe(EXIT.ok);
    for (const name of NAMES) {
      expect(text.stdout).toContain(`=== account ${name} ===\nTrust Hub plan against the emulator`);
      expect(text.stdout).toContain(`(account ${conns[name]!.target.accountSid})`);
    }
    const r = await cli("plan", dir, "--format", "json", "--detailed-exitcode");
    expect(r.code).toBe(EXIT.changes);
    const out = JSON.parse(r.stdout) as {
      format_version: number;
      accounts: { account: string; plan: Plan }[];
    };
    expect(out.format_version).toBe(2);
    expect(out.accounts.map((a) => [a.account, a.plan.target.accountSid])).toEqual(
      NAMES.map((n) => [n, conns[n]!.target.accountSid]),
    );
    for (const a of out.accounts) {
      expect(a.plan.actions.map((x) => `${x.key}:${x.action}`)).toEqual([
        "northwind:adopt",
        "harbor-dental:create",
      ]);
    }
    // Credentials never appear, only the names of their variables.
    expect(r.stdout + text.stdout).not.toContain(env["PROD_TOKEN"]);
  });

  it("apply applies both accounts, each in its own stack, and the next plan is empty", async () => {
    const r = await cli("apply", dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout.match(/Apply finished: 1 created, 1 adopted/g)).toHaveLength(2);
    for (const name of NAMES) {
      const sid = conns[name]!.target.accountSid;
      expect(r.stdout).toContain(`(stack ${sid})`);
      const records = await readManaged({ env, cwd, target: conns[name]!.target });
      expect(Object.keys(records).sort()).toEqual(["harbor-dental", "northwind"]);
      const live = await createClient(conns[name]!)
        .trusthub.v1.customerProfiles(records["harbor-dental"]!.profileSid)
        .fetch();
      expect(live.accountSid).toBe(sid);
    }
    const after = await cli("plan", dir, "--detailed-exitcode");
    expect(after.code, after.stdout).toBe(EXIT.ok);
    expect(after.stdout.match(/No changes\./g)).toHaveLength(2);
  });

  it("a saved plan of several accounts is checked per account; the worst exit code wins", async () => {
    const saved = await cli("plan", dir, "--out", "plan.json");
    expect(saved.code, saved.stderr).toBe(EXIT.ok);
    const ok = await cli("apply", dir, "--plan", "plan.json", "--auto-approve");
    expect(ok.code, ok.stdout + ok.stderr).toBe(EXIT.ok);
    expect(ok.stdout.match(/Nothing to change/g)).toHaveLength(2);
    const file = join(cwd, "plan.json");
    const wrapper = JSON.parse(readFileSync(file, "utf8")) as {
      accounts: { account: string; plan: { checksum: string } }[];
    };
    wrapper.accounts[1]!.plan.checksum = `sha256:${"0".repeat(64)}`;
    writeFileSync(file, JSON.stringify(wrapper));
    const stale = await cli("apply", dir, "--plan", "plan.json", "--auto-approve");
    expect(stale.code).toBe(EXIT.stalePlan);
    expect(stale.stdout).toMatch(/=== account prod ===[\s\S]*Nothing to change/);
    expect(stale.stderr).toMatch(
      /account staging: error: the saved plan plan.json is no longer true/,
    );
  });

  it("a missing credential variable is named (never a value) and nothing is planned", async () => {
    const r = await runCli(["plan", dir], cwd, { ...env, STAGING_TOKEN: "" });
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain("account staging: STAGING_TOKEN is not set");
    expect(r.stderr).not.toContain(env["STAGING_SID"]);
  });
});

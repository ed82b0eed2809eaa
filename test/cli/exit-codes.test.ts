/**
 * Exit codes that mean one thing each (issue 16, item 1): the README's table
 * is src/errors.ts's EXIT, and `plan --detailed-exitcode` / `apply` on an
 * account where the only difference is YAML drifted from an immutable
 * (approved) profile exit 8 with the wording that says what to do, while a
 * plan with only blocked actions says so (exit 3). In-process CLI against a
 * real emulator; no Pulumi update runs (nothing apply can do).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../src/apply/reconcile.ts";
import { loadConfig } from "../../src/config/index.ts";
import { EXIT } from "../../src/errors.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient } from "../../src/state/client.ts";
import { ISV, ROOT } from "../apply/fixtures.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { runTrusthub } from "../helpers/io.ts";

describe("README exit-code table", () => {
  it("lists exactly the codes of src/errors.ts, each once", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Exit codes"));
    const table = section.slice(0, section.indexOf("\n## "));
    const codes = [...table.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map((m) => Number(m[1]));
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort((a, b) => a - b)).toEqual(
      [...new Set(Object.values(EXIT))].sort((a, b) => a - b),
    );
  });
});

describe("drift on an immutable profile, and only blocked actions", () => {
  let acct: EmulatorAccount;
  let cwd: string;
  let dir: string;
  let primaryYaml: string;

  beforeAll(async () => {
    acct = await startAccount();
    cwd = mkdtempSync(join(tmpdir(), "trusthub-exit-"));
    dir = mkdtempSync(join(tmpdir(), "trusthub-exit-conf-"));
    // The Console step: an approved ISV primary holding exactly the YAML's data, pinned by SID.
    const isv = readFileSync(join(ISV, "primary.yaml"), "utf8");
    const config = (await loadConfig([join(ISV, "primary.yaml")], { env: {}, cwd: ROOT })).config!;
    const d = desiredBundle(config.primary!, {});
    const made = await acct.controls.createPrimary({
      friendlyName: d.profile.friendlyName,
      submit: false,
    });
    await reconcile(createClient(acct.conn), acct.conn.target, d, undefined, {
      adoptSid: made.sid,
    });
    await acct.controls.setStatus(made.sid, "twilio-approved");
    primaryYaml = isv
      .replace(
        "defaults:\n  # apply submits each profile for review once it is complete.\n  submit: true\n",
        "",
      )
      .replace("  # sid: BU0123456789abcdef0123456789abcdef", `  sid: ${made.sid}`);
    expect(primaryYaml).toContain(`sid: ${made.sid}`);
  });
  afterAll(() => acct?.emu.close());

  // apply runs its pre-flight (passphrase) before it says anything.
  const trusthub = (...args: string[]) =>
    runTrusthub(args, cwd, { ...acct.env, PULUMI_CONFIG_PASSPHRASE: "exit-codes" });
  const write = (text: string) => writeFileSync(join(dir, "trusthub.yaml"), text);

  it("in sync: plan --detailed-exitcode exits 0 and apply says nothing to change", async () => {
    write(primaryYaml);
    expect((await trusthub("plan", dir, "--detailed-exitcode")).code).toBe(EXIT.ok);
    const r = await trusthub("apply", dir, "--auto-approve");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Nothing to change: Trust Hub already matches the configuration/);
  });

  it("YAML edited on an approved profile: plan exits 8, not 2; apply exits 8 and says what to do", async () => {
    write(primaryYaml.replace("compliance@northwind.example", "legal@northwind.example"));
    const planned = await trusthub("plan", dir, "--detailed-exitcode");
    expect(planned.code, planned.out + planned.err).toBe(EXIT.immutableDrift);
    expect((await trusthub("plan", dir)).code).toBe(EXIT.ok);
    const r = await trusthub("apply", dir, "--auto-approve");
    expect(r.code, r.out + r.err).toBe(EXIT.immutableDrift);
    expect(r.out).not.toMatch(/Nothing to change/);
    expect(r.out).toMatch(
      /1 profile differs from the YAML but Twilio made it immutable \(northwind\): apply cannot change it\. Revert the YAML to what Trust Hub holds, or ask Twilio to make it editable/,
    );
    expect(r.out).toMatch(/No Pulumi update was run/);
  });

  it("only blocked actions: apply exits 3 and says they are blocked, not 'nothing to change'", async () => {
    // A primary the account does not hold: only the Console can create it.
    write(
      primaryYaml
        .replace(/ {2}sid: BU\w+\n/, "")
        .replace("Northwind Messaging primary", "Elsewhere Messaging primary"),
    );
    expect((await trusthub("plan", dir, "--detailed-exitcode")).code).toBe(EXIT.blocked);
    const r = await trusthub("apply", dir, "--auto-approve");
    expect(r.code, r.out + r.err).toBe(EXIT.blocked);
    expect(r.out).not.toMatch(/Nothing to change/);
    expect(r.out).toMatch(/1 profile is blocked: they need the Twilio Console/);
  });
});

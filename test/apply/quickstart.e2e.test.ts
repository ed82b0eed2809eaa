/**
 * The README's quick start on a fresh machine: no credentials at all, so the
 * embedded sandbox is the target; `trusthub apply examples/isv --auto-approve`
 * runs whole (the Console's steps simulated by the sandbox) and blocks the
 * brands' trust products until Twilio approves their profiles (exit 3); the
 * sandbox seeds the declared phone numbers. After `trusthub sandbox approve`
 * of two brands, apply again creates and submits their products, and the
 * next plan says what remains: the draft brand's A2P product (exit 3).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { ISV_EXAMPLE as ISV } from "./fixtures.ts";
import { runCli } from "./cli.ts";

it("apply examples/isv --auto-approve runs whole against the embedded sandbox", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-quickstart-"));
  const r = await runCli(["apply", ISV, "--auto-approve"], cwd, {});
  expect(r.stderr).toBe("");
  expect(r.code).toBe(EXIT.blocked);
  expect(r.stdout).toMatch(
    /Console step, simulated by the sandbox: created primary profile northwind/,
  );
  expect(r.stdout).toMatch(
    /Console step, simulated by the sandbox: submitted northwind for review/,
  );
  expect(r.stdout).toMatch(
    /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
  );
  // Six products wait for their profiles' review, each with its reason.
  expect(
    r.stdout.match(/^trust product [\w/-]+ is blocked: waits for customer profile/gm),
  ).toHaveLength(6);
  expect(r.stdout).toMatch(
    /^Each reason gives the profile's status when apply planned\. Apply again once Twilio/m,
  );
  // The generated passphrase stays in .trusthub/, and the state holds no personal value in clear.
  expect(readFileSync(join(cwd, ".trusthub", "sandbox-passphrase"), "utf8").trim()).toMatch(
    /^[0-9a-f]{48}$/,
  );
  const state = readFileSync(
    join(cwd, ".trusthub/state/.pulumi/stacks/trusthub/sandbox.json"),
    "utf8",
  );
  for (const personal of [
    "Casey",
    "casey@bluebird-bakery.example",
    "987654321",
    "12 Sample Street",
  ]) {
    expect(state).not.toContain(personal);
  }
  // Twilio's review, simulated: the two submitted brands are approved (the third is a draft).
  for (const key of ["bluebird-bakery", "maple-fitness"]) {
    const a = await runCli(["sandbox", "approve", key], cwd, {});
    expect(a.stdout).toMatch(new RegExp(`^${key} \\(BU\\w{32}\\): twilio-approved$`, "m"));
  }
  const again = await runCli(["apply", ISV, "--auto-approve"], cwd, {});
  expect(again.stderr).toBe("");
  expect(again.stdout).toMatch(
    /Trust products: 5 created, 0 adopted, 0 updated, 5 submitted, 0 failed/,
  );
  // The voice products got the numbers the sandbox seeded (no error on an unknown number).
  expect(again.stdout).toMatch(
    /bluebird-bakery\/shaken-stir \(BU\w{32}\): pending-review, evaluation compliant/,
  );
  expect(again.stdout).toMatch(
    /^trust product harbor-dental\/a2p-messaging is blocked: waits for customer profile harbor-dental \(draft\)/m,
  );
  expect(again.code).toBe(EXIT.blocked);
  const plan = await runCli(["plan", ISV, "--detailed-exitcode"], cwd, {});
  expect(plan.stdout).toMatch(
    /Trust products: 0 to create, 0 to update, 0 to adopt, 0 to submit; 0 skipped \(immutable\), 1 blocked, 5 unchanged\./,
  );
  expect(plan.stdout).toMatch(
    /Plan: 0 to create, 0 to update, 0 to adopt, 0 to submit; 0 skipped \(immutable\), 0 blocked, 4 unchanged\./,
  );
  expect(plan.code).toBe(EXIT.blocked);
  const status = await runCli(["sandbox", "status"], cwd, {});
  expect(status.stdout).toMatch(/^maple-fitness\/shaken-stir +BU\w{32} +pending-review/m);
}, 180_000);

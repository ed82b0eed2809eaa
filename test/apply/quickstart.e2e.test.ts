/**
 * The README's quick start on a fresh machine: no credentials at all, so the
 * embedded sandbox is the target; `trusthub apply examples/isv --auto-approve`
 * runs whole (the Console's steps simulated by the sandbox), then
 * `trusthub plan --detailed-exitcode` finds nothing to do.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { ISV } from "./fixtures.ts";
import { runCli } from "./cli.ts";

it("apply examples/isv --auto-approve runs whole against the embedded sandbox", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-quickstart-"));
  const r = await runCli(["apply", ISV, "--auto-approve"], cwd, {});
  expect(r.stderr).toBe("");
  expect(r.code).toBe(EXIT.ok);
  expect(r.stdout).toMatch(
    /Console step, simulated by the sandbox: created primary profile northwind/,
  );
  expect(r.stdout).toMatch(
    /Console step, simulated by the sandbox: submitted northwind for review/,
  );
  expect(r.stdout).toMatch(
    /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
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
  const plan = await runCli(["plan", ISV, "--detailed-exitcode"], cwd, {});
  expect(plan.code).toBe(EXIT.ok);
});

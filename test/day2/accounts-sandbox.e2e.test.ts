/**
 * Several accounts against the embedded sandbox (no Twilio credentials at
 * all): each declared account becomes its own sandbox account and its own
 * stack (`sandbox-<name>`); the Console steps are simulated per account.
 * Real CLI, real Pulumi engine.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { Plan } from "../../src/model/plan.ts";
import { sandboxAccountFor } from "../../src/state/target.ts";
import { runCli } from "../apply/cli.ts";
import { ISV } from "../apply/fixtures.ts";

describe("several accounts in the embedded sandbox", () => {
  it("plans, applies and re-plans two sandbox accounts, one stack each", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-accounts-sandbox-"));
    mkdirSync(join(cwd, "trusthub"));
    const primary = readFileSync(join(ISV, "primary.yaml"), "utf8").replace(
      /^ {2}sid: BU\w+\n/m,
      "",
    );
    const brands = readFileSync(join(ISV, "brands.yaml"), "utf8");
    for (const name of ["alpha", "beta"]) {
      const block = `version: 1\naccount:\n  name: ${name}\n  accountSidEnv: ${name.toUpperCase()}_SID\n  authTokenEnv: ${name.toUpperCase()}_TOKEN\n`;
      writeFileSync(
        join(cwd, "trusthub", `${name}-1.yaml`),
        primary.replace("version: 1\n", block),
      );
      writeFileSync(join(cwd, "trusthub", `${name}-2.yaml`), brands.replace("version: 1\n", block));
    }
    const env = {};
    const planned = await runCli(["plan", "--format", "json"], cwd, env);
    expect(planned.code, planned.stderr).toBe(EXIT.ok);
    const wrapper = JSON.parse(planned.stdout) as { accounts: { account: string; plan: Plan }[] };
    expect(
      wrapper.accounts.map((a) => [a.account, a.plan.target.kind, a.plan.target.accountSid]),
    ).toEqual([
      ["alpha", "sandbox", sandboxAccountFor("alpha").sid],
      ["beta", "sandbox", sandboxAccountFor("beta").sid],
    ]);

    const applied = await runCli(["apply", "--auto-approve"], cwd, env);
    expect(applied.code, applied.stdout + applied.stderr).toBe(EXIT.ok);
    expect(applied.stdout).toContain("(stack sandbox-alpha)");
    expect(applied.stdout).toContain("(stack sandbox-beta)");
    expect(
      applied.stdout.match(/Console step, simulated by the sandbox: created primary/g),
    ).toHaveLength(2);
    const stacks = join(cwd, ".trusthub", "state", ".pulumi", "stacks", "trusthub");
    expect(existsSync(join(stacks, "sandbox-alpha.json"))).toBe(true);
    expect(existsSync(join(stacks, "sandbox-beta.json"))).toBe(true);

    const after = await runCli(["plan", "--detailed-exitcode"], cwd, env);
    expect(after.code, after.stdout + after.stderr).toBe(EXIT.ok);
    expect(after.stdout.match(/No changes\./g)).toHaveLength(2);
  }, 240_000);
});

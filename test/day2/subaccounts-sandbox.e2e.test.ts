/**
 * A parent and a subaccount against the embedded sandbox (no Twilio
 * credentials at all): the subaccount becomes the sandbox's subaccount of the
 * parent's sandbox account, the parent's primary is made by the simulated
 * Console step, and the subaccount's secondaries are created and linked to it.
 * Real CLI, real Pulumi engine.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { Plan } from "../../src/model/plan.ts";
import { sandboxAccountFor } from "../../src/state/target.ts";
import { runCli } from "../apply/cli.ts";
import { ISV } from "../apply/fixtures.ts";

describe("subaccounts in the embedded sandbox", () => {
  it("applies the parent's primary, then the subaccount's secondaries linked to it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-subaccounts-sandbox-"));
    mkdirSync(join(cwd, "trusthub"));
    const block = (name: string, parent = "") =>
      `version: 1\naccount:\n  name: ${name}\n  accountSidEnv: ${name.toUpperCase()}_SID\n  authTokenEnv: ${name.toUpperCase()}_TOKEN\n${parent}`;
    const primary = readFileSync(join(ISV, "primary.yaml"), "utf8").replace(
      /^ {2}sid: BU\w+\n/m,
      "",
    );
    const brands = readFileSync(join(ISV, "brands.yaml"), "utf8");
    writeFileSync(join(cwd, "trusthub", "isv.yaml"), primary.replace("version: 1\n", block("isv")));
    writeFileSync(
      join(cwd, "trusthub", "shop.yaml"),
      brands.replace("version: 1\n", block("shop", "  parent: isv\n")),
    );
    const env = {};
    const applied = await runCli(["apply", "--auto-approve"], cwd, env);
    expect(applied.code, applied.stdout + applied.stderr).toBe(EXIT.ok);
    expect(applied.stdout).toContain("(stack sandbox-isv)");
    expect(applied.stdout).toContain("(stack sandbox-shop)");
    expect(applied.stdout).toMatch(/=== account shop ===[\s\S]*Apply finished: 3 created/);

    const after = await runCli(["plan", "--format", "json", "--detailed-exitcode"], cwd, env);
    expect(after.code, after.stdout + after.stderr).toBe(EXIT.ok);
    const plans = JSON.parse(after.stdout) as { accounts: { account: string; plan: Plan }[] };
    const shop = plans.accounts.find((a) => a.account === "shop")!.plan;
    expect(shop.target.accountSid).toBe(sandboxAccountFor("shop").sid);
    expect(shop.actions.map((a) => a.key).sort()).toEqual([
      "bluebird-bakery",
      "harbor-dental",
      "maple-fitness",
    ]);
  }, 240_000);
});

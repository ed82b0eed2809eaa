/**
 * `trusthub forget` of a profile whose trust products apply still manages
 * (issue 14), against the embedded sandbox with the real Pulumi engine:
 * refused with the products named and nothing changed; forgetting the profile
 * with its products (in any order) drops all four from state, Trust Hub keeps
 * them, and the next plan adopts them again.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { runCli } from "../apply/cli.ts";
import { ISV_EXAMPLE } from "../apply/fixtures.ts";

const BLUEBIRD = ["a2p-messaging", "cnam", "shaken-stir"].map((k) => `bluebird-bakery/${k}`);
let cwd: string;
const cli = (...args: string[]) => runCli(args, cwd, {});
/** `sandbox status` rows: friendly name -> key ("-" when apply does not manage it). */
const keysByName = async (): Promise<Map<string, string>> => {
  const out = (await cli("sandbox", "status")).stdout;
  const rows = out.split("\n").map((l) => /^(\S+) +BU\w{32} +\S+ +(.+)$/.exec(l));
  return new Map(rows.filter((r) => r !== null).map((r) => [r[2]!, r[1]!]));
};

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), "trusthub-forget-products-"));
  expect((await cli("apply", ISV_EXAMPLE, "--auto-approve")).code).toBe(EXIT.blocked);
  expect((await cli("sandbox", "approve", "bluebird-bakery")).code).toBe(0);
  const r = await cli("apply", ISV_EXAMPLE, "--auto-approve");
  expect(r.stdout).toMatch(/Trust products: 3 created/);
}, 180_000);

describe("forget a profile whose trust products are in state", () => {
  it("is refused, naming the products and the command; nothing changes", async () => {
    const r = await cli("forget", "bluebird-bakery");
    expect(r.code).toBe(EXIT.error);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `not forgotten: apply still manages trust products built on bluebird-bakery (${BLUEBIRD.join(", ")}). ` +
        `Forget them with the profile: trusthub forget bluebird-bakery ${BLUEBIRD.join(" ")}`,
    );
    const keys = await keysByName();
    expect(keys.get("Bluebird Bakery")).toBe("bluebird-bakery");
    expect(keys.get("Bluebird Bakery CNAM")).toBe("bluebird-bakery/cnam");
  });

  it("with its products, in any order: all forgotten, Trust Hub keeps them, the plan adopts them", async () => {
    const r = await cli("forget", BLUEBIRD[1]!, "bluebird-bakery", BLUEBIRD[0]!, BLUEBIRD[2]!);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    // Products are removed before the profile they are built on.
    expect(r.stdout.match(/^\S+(?= \(BU\w{32}\): no longer managed)/gm)).toEqual([
      BLUEBIRD[1],
      BLUEBIRD[0],
      BLUEBIRD[2],
      "bluebird-bakery",
    ]);
    const keys = await keysByName();
    for (const name of ["Bluebird Bakery", "Bluebird Bakery CNAM", "Bluebird Bakery SHAKEN/STIR"])
      expect(keys.get(name)).toBe("-");
    expect(keys.get("Maple Fitness")).toBe("maple-fitness");
    const plan = await cli("plan", ISV_EXAMPLE);
    expect(plan.stdout).toMatch(/Plan: 0 to create, 0 to update, 1 to adopt/);
    expect(plan.stdout).toMatch(/Trust products: 0 to create, 0 to update, 3 to adopt/);
  }, 120_000);
});

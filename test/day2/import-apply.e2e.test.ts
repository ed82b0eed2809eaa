/**
 * The whole day-2 loop with the real CLI and the real Pulumi engine: an
 * account made outside the tool (Console primary + SDK secondaries), then
 * `trusthub import --out`, `plan` (only adoptions), `apply --auto-approve`
 * (records them, writes nothing to Trust Hub), and `plan --detailed-exitcode`
 * exits 0 with every profile unchanged.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { Exchange } from "../../src/emulator/index.ts";
import { runCli } from "../apply/cli.ts";
import { makeSecondary, readEnvFile, world, type World } from "./helpers.ts";

let w: World;
const exchanges: Exchange[] = [];

const cli = (args: string[], env: Record<string, string>) => runCli(args, w.cwd, env);

beforeAll(async () => {
  w = await world({ onExchange: (e) => exchanges.push(e) });
  const p = await w.ctl.createPrimary({
    friendlyName: "Loop primary",
    representative2: { first_name: "Sam", email: "sam@loop.example", phone_number: "+12025550188" },
    status: "twilio-approved",
  });
  await makeSecondary(w.client, p.sid, {
    friendlyName: "Loop Draft",
    email: "d@loop.example",
    reps: [{}, {}],
  });
  const submitted = await makeSecondary(w.client, p.sid, {
    friendlyName: "Loop Submitted",
    email: "s@loop.example",
    reps: [{}, {}],
  });
  await w.client.trusthub.v1.customerProfiles(submitted).update({ status: "pending-review" });
}, 60_000);
afterAll(() => w?.close());

describe("import, plan, apply, plan", () => {
  it("adopts everything it imported and then plans no change", async () => {
    const env = { ...w.env, PULUMI_CONFIG_PASSPHRASE: "day2-passphrase" };
    const imported = await cli(["import", "--out", "trusthub.yaml"], env);
    expect(imported.stderr).toMatch(/Imported 1 primary and 2 secondaries/);
    expect(imported.stderr).toMatch(/do not commit it/);
    expect(imported.code).toBe(EXIT.ok);
    const withValues = { ...env, ...readEnvFile(join(w.cwd, "trusthub.env")) };

    const first = await cli(
      ["plan", "trusthub.yaml", "--format", "json", "--detailed-exitcode"],
      withValues,
    );
    expect(first.code).toBe(EXIT.changes);
    const plan = JSON.parse(first.stdout) as { actions: { key: string; action: string }[] };
    expect(plan.actions.map((a) => a.action)).toEqual(["adopt", "adopt", "adopt"]);

    const writesBefore = exchanges.filter((e) => e.method !== "GET").length;
    const applied = await cli(["apply", "trusthub.yaml", "--auto-approve"], withValues);
    expect(applied.code, applied.stdout + applied.stderr).toBe(EXIT.ok);
    expect(applied.stdout).toMatch(/3 adopted/);
    const writes = exchanges
      .slice(writesBefore)
      .filter((e) => e.method !== "GET" && !e.path.startsWith("/__sandbox"));
    // Adoption writes no profile, end user or address. (Apply evaluates what it adopted, and
    // renames the address document of an editable draft to its own label: both are D's choices.)
    expect(
      writes
        .map((e) => `${e.method} ${e.path}`)
        .filter((w) => !/\/Evaluations$|^POST \/v1\/SupportingDocuments\/RD\w+$/.test(w)),
    ).toEqual([]);

    const after = await cli(
      ["plan", "trusthub.yaml", "--format", "json", "--detailed-exitcode"],
      withValues,
    );
    expect(after.code, after.stdout + after.stderr).toBe(EXIT.ok);
    const again = JSON.parse(after.stdout) as { actions: { action: string; changes: unknown[] }[] };
    expect(again.actions.map((a) => [a.action, a.changes.length])).toEqual([
      ["no-op", 0],
      ["no-op", 0],
      ["no-op", 0],
    ]);
  }, 240_000);
});

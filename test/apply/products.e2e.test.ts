/**
 * Issue 14's "Done when", end to end: the real CLI, the real Pulumi engine, the
 * emulator. An ISV with three brands, each with an A2P messaging profile, two of
 * them with SHAKEN/STIR and phone numbers:
 *   1. the first apply creates and submits the profiles and blocks the products
 *      (waiting for their profile's approval);
 *   2. the profiles are approved; the second apply creates the products, assigns
 *      the numbers (to the profile, then the product) and submits them;
 *   3. the products are approved: `plan --detailed-exitcode` exits 0;
 *   4. a product is rejected, the YAML fixed, apply updates and resubmits it;
 *   5. an approved product edited in the YAML is skipped with its drift.
 * Needs the planner's trust product actions (src/plan, plan branch), given the product records
 * from state (managedProductsOf); the steps share one emulator and one stack.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { EXIT } from "../../src/errors.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { startAccount } from "../helpers/emulator.ts";
import { editYaml, isvCopy, runCli } from "./cli.ts";
import { approvedPrimary } from "./console-primary.ts";

let emu: EmulatorHandle;
let ctl: SandboxControls;
let conn: Connection;
let c: TwilioClient;
let env: Record<string, string>;
let cwd: string;
let dir: string;
/** E.164 -> PN SID of the account's test numbers. */
const pn = new Map<string, string>();
const NUMBERS = ["+15005550101", "+15005550102", "+15005550103"];
/** Bought later: added to an approved profile's YAML in step 3b. */
const EXTRA = "+15005550104";

const apply = () => runCli(["apply", dir, "--auto-approve", "--verbose"], cwd, env);
const products = async () => c.trusthub.v1.trustProducts.list({ pageSize: 1000 });
const profiles = async () =>
  (await c.trusthub.v1.customerProfiles.list({ pageSize: 1000 })).filter(
    (p) => p.policySid === POLICY_SIDS.secondary,
  );
const numbersOf = async (sid: string) =>
  (await c.trusthub.v1.trustProducts(sid).trustProductsChannelEndpointAssignment.list())
    .map((a) => a.channelEndpointSid)
    .sort();

beforeAll(async () => {
  const a = await startAccount();
  ({ emu, conn, controls: ctl } = a);
  c = createClient(conn);
  cwd = mkdtempSync(join(tmpdir(), "trusthub-products-e2e-"));
  env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase" };
  dir = isvCopy();
  editYaml(
    dir,
    "brands.yaml",
    "    submit: false # still collecting documents: keep it a draft\n",
    "",
  );
  const voice = (numbers: string[]) =>
    `    phoneNumbers: [${numbers.map((n) => `"${n}"`).join(", ")}]\n` +
    `    trustProducts:\n      a2pMessaging:\n        companyType: private\n      shakenStir: {}\n`;
  editYaml(
    dir,
    "brands.yaml",
    "    friendlyName: Bluebird Bakery\n",
    `    friendlyName: Bluebird Bakery\n${voice(NUMBERS.slice(0, 2))}`,
  );
  editYaml(
    dir,
    "brands.yaml",
    "    friendlyName: Harbor Dental Group\n",
    `    friendlyName: Harbor Dental Group\n${voice(NUMBERS.slice(2))}`,
  );
  editYaml(
    dir,
    "brands.yaml",
    "    friendlyName: Maple Fitness\n",
    "    friendlyName: Maple Fitness\n    trustProducts:\n      a2pMessaging:\n        companyType: private\n",
  );
  await approvedPrimary(ctl, conn, dir);
  for (const phoneNumber of NUMBERS)
    pn.set(phoneNumber, (await ctl.createPhoneNumber({ phoneNumber })).sid);
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

describe("issue 14: profiles, then their trust products and phone numbers", () => {
  it("1. the first apply creates and submits the profiles and blocks the products", async () => {
    const r = await apply();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /Apply finished: 3 created, 1 adopted, 0 updated, 3 submitted, 0 failed/,
    );
    expect(r.stdout).toMatch(
      /trust product bluebird-bakery\/a2p-messaging is blocked: .*bluebird-bakery/,
    );
    expect(r.code).toBe(EXIT.blocked);
    expect(await products()).toHaveLength(0);
    const live = await profiles();
    expect(live.map((p) => p.status)).toEqual([
      "pending-review",
      "pending-review",
      "pending-review",
    ]);
    // The profiles' numbers are assigned with them (any status).
    const bluebird = live.find((p) => p.friendlyName === "Bluebird Bakery")!;
    const ra = await c.trusthub.v1
      .customerProfiles(bluebird.sid)
      .customerProfilesChannelEndpointAssignment.list();
    expect(ra.map((a) => a.channelEndpointSid).sort()).toEqual(
      NUMBERS.slice(0, 2)
        .map((n) => pn.get(n))
        .sort(),
    );
  }, 300_000);

  it("2. once the profiles are approved, apply creates, assigns numbers and submits the products", async () => {
    for (const p of await profiles()) await ctl.approve(p.sid);
    const r = await apply();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /Trust products: 5 created, 0 adopted, 0 updated, 5 submitted, 0 failed\./,
    );
    expect(r.code).toBe(EXIT.ok);
    const live = await products();
    expect(live.map((p) => p.status)).toEqual(Array(5).fill("pending-review"));
    const ss = live.filter((p) => p.friendlyName.includes("SHAKEN"));
    expect(ss).toHaveLength(2);
    const assigned = (await Promise.all(ss.map((p) => numbersOf(p.sid)))).flat().sort();
    expect(assigned).toEqual(NUMBERS.map((n) => pn.get(n)).sort());
  }, 300_000);

  it("3. approved products: plan --detailed-exitcode exits 0", async () => {
    for (const p of await products()) await ctl.approveTrustProduct(p.sid);
    const r = await runCli(["plan", dir, "--detailed-exitcode"], cwd, env);
    expect(r.code, r.stdout).toBe(EXIT.ok);
  }, 120_000);

  it("3b. a number added to an approved profile is assigned, nothing else written", async () => {
    pn.set(EXTRA, (await ctl.createPhoneNumber({ phoneNumber: EXTRA })).sid);
    editYaml(
      dir,
      "brands.yaml",
      "    friendlyName: Maple Fitness\n",
      `    friendlyName: Maple Fitness\n    phoneNumbers: ["${EXTRA}"]\n`,
    );
    const r = await apply();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /Apply finished: 0 created, 0 adopted, 1 updated, 0 submitted, 0 failed/,
    );
    expect(r.code).toBe(EXIT.ok);
    const maple = (await profiles()).find((p) => p.friendlyName === "Maple Fitness")!;
    expect(maple.status).toBe("twilio-approved");
    const ra = await c.trusthub.v1
      .customerProfiles(maple.sid)
      .customerProfilesChannelEndpointAssignment.list();
    expect(ra.map((a) => a.channelEndpointSid)).toEqual([pn.get(EXTRA)]);
    expect((await runCli(["plan", dir, "--detailed-exitcode"], cwd, env)).code).toBe(EXIT.ok);
  }, 300_000);

  it("4. a rejected product, fixed in the YAML, is updated and resubmitted", async () => {
    const a2p = (await products()).find(
      (p) => p.friendlyName.startsWith("Maple Fitness") && !p.friendlyName.includes("SHAKEN"),
    )!;
    // A later review outcome (the sandbox sets it: an approved product cannot be rejected twice).
    await ctl.setTrustProductStatus(a2p.sid, "twilio-rejected", [18601]);
    editYaml(
      dir,
      "brands.yaml",
      "        companyType: private\n    business:\n      name: Maple",
      "        companyType: non_profit\n    business:\n      name: Maple",
    );
    const r = await apply();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /Trust products: 0 created, 0 adopted, 1 updated, 1 submitted, 0 failed\./,
    );
    expect(r.code).toBe(EXIT.ok);
    expect((await c.trusthub.v1.trustProducts(a2p.sid).fetch()).status).toBe("pending-review");
    const bv = await c.trusthub.v1.trustProducts(a2p.sid).trustProductsEntityAssignments.list();
    const endUser = bv.map((x) => x.objectSid).find((s) => s.startsWith("IT"))!;
    expect((await c.trusthub.v1.endUsers(endUser).fetch()).attributes).toMatchObject({
      company_type: "non_profit",
    });
  }, 300_000);

  it("5. an approved product edited in the YAML is skipped with its drift, nothing written", async () => {
    const from = `"+15005550102"]\n    trustProducts:\n      a2pMessaging:\n        companyType: private\n`;
    editYaml(
      dir,
      "brands.yaml",
      from,
      from.replace("private", "public\n        stockExchange: NYSE\n        stockTicker: BLUE"),
    );
    const before = (await products()).map((p) => `${p.sid} ${p.status} ${String(p.dateUpdated)}`);
    const r = await apply();
    expect(r.stdout).toMatch(/bluebird-bakery\/a2p-messaging/);
    expect(r.stdout).toMatch(/immutable/);
    expect(r.code).toBe(EXIT.immutableDrift);
    expect((await products()).map((p) => `${p.sid} ${p.status} ${String(p.dateUpdated)}`)).toEqual(
      before,
    );
  }, 300_000);
});

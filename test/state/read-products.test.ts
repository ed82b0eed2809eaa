/**
 * Reading trust products and phone numbers (issue 14) from the real
 * emulator through the official SDK: only when the config declares any (a
 * config without them makes exactly the four list requests), and then only
 * the per-bundle requests the plan needs. Request counts from the
 * emulator's request log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import type { Connection, ManagedProductRecord } from "../../src/model/trusthub.ts";
import { TRUST_POLICY_SIDS } from "../../src/domain/trust-products.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { productReads } from "../../src/plan/product-match.ts";
import { createClient } from "../../src/state/client.ts";
import { productReadOption, readAccount } from "../../src/state/read.ts";
import { startAccount } from "../helpers/emulator.ts";
import { config, primary } from "../plan/fixtures.ts";
import { a2p, shaken, withProducts } from "../plan/product-fixtures.ts";

let emu: EmulatorHandle;
let controls: SandboxControls;
let conn: Connection;
let primarySid: string;
let numberSid: string;
let shakenSid: string;
let a2pSid: string;
let a2pUser: string;
const NUMBER = "+15005550111";

beforeAll(async () => {
  ({ emu, controls, conn } = await startAccount());
  primarySid = (await controls.createPrimary({ status: "draft" })).sid;
  numberSid = (await controls.createPhoneNumber({ phoneNumber: NUMBER })).sid;
  const th = createClient(conn).trusthub.v1;
  await th.customerProfiles(primarySid).customerProfilesChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: numberSid,
  });
  await controls.setStatus(primarySid, "twilio-approved");
  const s = await th.trustProducts.create({
    policySid: TRUST_POLICY_SIDS.shakenStir,
    friendlyName: "isv profile - SHAKEN/STIR",
    email: "ops+isv@isv.example",
  });
  shakenSid = s.sid;
  await th.trustProducts(s.sid).trustProductsEntityAssignments.create({ objectSid: primarySid });
  await th.trustProducts(s.sid).trustProductsChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: numberSid,
  });
  const a = await th.trustProducts.create({
    policySid: TRUST_POLICY_SIDS.a2pMessagingProfile,
    friendlyName: "isv profile - A2P Messaging",
    email: "ops+isv@isv.example",
  });
  a2pSid = a.sid;
  a2pUser = (
    await th.endUsers.create({
      type: "us_a2p_messaging_profile_information",
      friendlyName: "isv profile - A2P Messaging - Information",
      attributes: { company_type: "private" },
    })
  ).sid;
  for (const objectSid of [a2pUser, primarySid])
    await th.trustProducts(a.sid).trustProductsEntityAssignments.create({ objectSid });
});
afterAll(() => emu.close());

async function requests(): Promise<string[]> {
  const log = await controls.getRequestLog();
  return log.requests.map((r) => `${r.method} ${r.path}`).sort();
}

const LISTS = (sid: string) => [
  `GET /2010-04-01/Accounts/${sid}/Addresses.json`,
  "GET /v1/CustomerProfiles",
  "GET /v1/EndUsers",
  "GET /v1/SupportingDocuments",
];

describe("reading trust products and phone numbers", () => {
  it("a config without them reads exactly the four lists, nothing more", async () => {
    const cfg = config(primary({ sid: primarySid }));
    expect(productReads(cfg, {})).toBeUndefined();
    await controls.resetRequestLog();
    const observed = await readAccount(conn, {
      managed: {},
      ...productReadOption(productReads(cfg, {})),
    });
    expect(await requests()).toEqual(LISTS(conn.target.accountSid));
    expect(observed).not.toHaveProperty("trustProducts");
    expect(observed).not.toHaveProperty("phoneNumbers");
  });

  it("unmanaged products and numbers: the two lists, then the assignments the plan needs", async () => {
    const isv = withProducts(primary({ sid: primarySid }), (p) => [a2p(p), shaken(p, [NUMBER])], [
      NUMBER,
    ]);
    const cfg = config(isv);
    await controls.resetRequestLog();
    const observed = await readAccount(conn, {
      managed: {},
      ...productReadOption(productReads(cfg, {})),
    });
    const sid = conn.target.accountSid;
    expect(await requests()).toEqual(
      [
        ...LISTS(sid),
        `GET /2010-04-01/Accounts/${sid}/IncomingPhoneNumbers.json`,
        "GET /v1/TrustProducts",
        `GET /v1/TrustProducts/${a2pSid}/EntityAssignments`,
        `GET /v1/TrustProducts/${shakenSid}/EntityAssignments`,
        `GET /v1/TrustProducts/${shakenSid}/ChannelEndpointAssignments`,
        `GET /v1/CustomerProfiles/${primarySid}/ChannelEndpointAssignments`,
      ].sort(),
    );
    expect(observed.phoneNumbers).toEqual([{ sid: numberSid, phoneNumber: NUMBER }]);
    expect(observed.trustProducts!.map((p) => p.sid).sort()).toEqual([a2pSid, shakenSid].sort());
    expect(observed.channelEndpoints![shakenSid]!.map((e) => e.channelEndpointSid)).toEqual([
      numberSid,
    ]);
    expect(observed.channelEndpoints![primarySid]!.map((e) => e.channelEndpointSid)).toEqual([
      numberSid,
    ]);
    expect(observed.productAssignments![a2pSid]!.map((a) => a.objectSid).sort()).toEqual(
      [a2pUser, primarySid].sort(),
    );
    // The plan adopts both products (found by name, unmanaged) and sees the numbers assigned.
    const plan = buildPlan(cfg, observed);
    const products = plan.actions[0]!.trustProducts!;
    expect(products.map((p) => [p.product, p.action, p.changes])).toEqual([
      ["a2p-messaging", "adopt", []],
      ["shaken-stir", "adopt", []],
    ]);
    expect(plan.actions[0]!.changes.filter((c) => c.slot === "phoneNumbers")).toEqual([]);
  });

  it("a managed A2P product: one request more than without products (the TrustProducts list)", async () => {
    const isv = withProducts(primary({ sid: primarySid }), (p) => [a2p(p)]);
    const record: ManagedProductRecord = {
      key: "isv/a2p-messaging",
      productSid: a2pSid,
      endUserSid: a2pUser,
      assignments: { [a2pUser]: "BV1", [primarySid]: "BV2" },
      channelEndpoints: {},
    };
    const managed = { [record.key]: record };
    await controls.resetRequestLog();
    const observed = await readAccount(conn, {
      managed: {},
      ...productReadOption(productReads(config(isv), managed)),
    });
    expect(await requests()).toEqual(
      [...LISTS(conn.target.accountSid), "GET /v1/TrustProducts"].sort(),
    );
    expect(observed.managedProducts).toEqual(managed);
    const p = buildPlan(config(isv), observed).actions[0]!.trustProducts![0]!;
    expect([p.action, p.submit, p.changes]).toEqual(["update", true, []]);
  });
});

/**
 * `trusthub import` writes the trust products and phone numbers an account
 * holds (issue 14): against the emulator, a secondary with two numbers, an A2P
 * product (end user, profile assigned) and a SHAKEN/STIR product on one of them.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { reconcile } from "../../src/apply/reconcile.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { approvedPrimary } from "../apply/console-primary.ts";
import { ISV, loadIsv } from "../apply/fixtures.ts";
import {
  A2P_END_USER_TYPE,
  CNAM_DISPLAY_NAME_FIELD,
  CNAM_END_USER_TYPE,
  TRUST_POLICY_SIDS,
} from "../../src/domain/trust-products.ts";
import { createClient } from "../../src/state/client.ts";
import { runImport } from "../../src/workflow/import.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";

let a: EmulatorAccount;
const numbers: { sid: string; phone_number: string }[] = [];

beforeAll(async () => {
  a = await startAccount();
  const c = createClient(a.conn);
  // A whole ISV primary and secondary (examples/isv's data), as apply would write them.
  const config = await loadIsv();
  const primary = await approvedPrimary(a.controls, a.conn, ISV);
  const harbor = config.secondaries.find((x) => x.key === "harbor-dental")!;
  const made = await reconcile(
    c,
    a.conn.target,
    desiredBundle(harbor, { primarySid: primary }),
    undefined,
  );
  const profile = { sid: made.record.profileSid };
  for (let i = 0; i < 2; i++) numbers.push(await a.controls.createPhoneNumber());
  const ra = c.trusthub.v1.customerProfiles(profile.sid).customerProfilesChannelEndpointAssignment;
  for (const n of numbers)
    await ra.create({ channelEndpointType: "phone-number", channelEndpointSid: n.sid });
  const a2p = await c.trusthub.v1.trustProducts.create({
    friendlyName: "Harbor Dental Group - A2P",
    email: harbor.email, // the profile's: not written again
    policySid: TRUST_POLICY_SIDS.a2pMessagingProfile,
  });
  const eu = await c.trusthub.v1.endUsers.create({
    friendlyName: "Harbor Dental Group - A2P info",
    type: A2P_END_USER_TYPE,
    attributes: { company_type: "public", stock_exchange: "NASDAQ", stock_ticker: "HRBR" },
  });
  for (const objectSid of [eu.sid, profile.sid])
    await c.trusthub.v1.trustProducts(a2p.sid).trustProductsEntityAssignments.create({ objectSid });
  const ss = await c.trusthub.v1.trustProducts.create({
    friendlyName: "Harbor Dental Group - SHAKEN/STIR",
    email: "voice@harbor.example",
    policySid: TRUST_POLICY_SIDS.shakenStir,
  });
  const sp = c.trusthub.v1.trustProducts(ss.sid);
  await sp.trustProductsEntityAssignments.create({ objectSid: profile.sid });
  await sp.trustProductsChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: numbers[0]!.sid,
  });
  // CNAM on the second number: its end user carries the display name.
  const cnam = await c.trusthub.v1.trustProducts.create({
    friendlyName: "Harbor Dental Group - CNAM",
    email: harbor.email,
    policySid: TRUST_POLICY_SIDS.cnam,
  });
  const cnamUser = await c.trusthub.v1.endUsers.create({
    friendlyName: "Harbor Dental Group - CNAM info",
    type: CNAM_END_USER_TYPE,
    attributes: { [CNAM_DISPLAY_NAME_FIELD]: "HARBOR DENTAL" },
  });
  const cp = c.trusthub.v1.trustProducts(cnam.sid);
  for (const objectSid of [cnamUser.sid, profile.sid])
    await cp.trustProductsEntityAssignments.create({ objectSid });
  await cp.trustProductsChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: numbers[1]!.sid,
  });
}, 60_000);

afterAll(async () => {
  await a?.emu.close();
});

it("writes each profile's numbers and trust products, personal values as env references", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-import-products-"));
  const out = await runImport({ env: a.env, cwd, out: "trusthub.yaml" });
  const doc = parse(out.yaml) as { secondaries: Record<string, unknown>[] };
  const s = doc.secondaries[0]!;
  expect(s["phoneNumbers"]).toEqual(numbers.map((n) => n.phone_number).sort());
  expect(s["trustProducts"]).toEqual({
    a2pMessaging: {
      friendlyName: "Harbor Dental Group - A2P",
      submit: false,
      companyType: "public",
      stockExchange: "NASDAQ",
      stockTicker: "HRBR",
    },
    shakenStir: {
      friendlyName: "Harbor Dental Group - SHAKEN/STIR",
      email: "${env:TRUSTHUB_HARBOR_DENTAL_GROUP_SHAKENSTIR_EMAIL}",
      submit: false,
      phoneNumbers: [numbers[0]!.phone_number],
    },
    cnam: {
      friendlyName: "Harbor Dental Group - CNAM",
      submit: false,
      displayName: "HARBOR DENTAL",
      phoneNumbers: [numbers[1]!.phone_number],
    },
  });
  expect(out.yaml).not.toContain("voice@harbor.example");
  expect(out.warnings).toEqual([]);
  // The written YAML loads without an error, its numbers and products included.
  const errors = out.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  expect(errors).toEqual([]);
});

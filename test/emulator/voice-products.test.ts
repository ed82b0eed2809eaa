/**
 * CNAM and Voice Integrity trust products, and the phone-number rules of
 * channel endpoint assignments (src/emulator/routes/channels.ts). Each test
 * fails when its rule is removed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CNAM, SHAKEN, VOICE_INTEGRITY } from "./conformance-trust.ts";
import { sandboxControls } from "../../src/emulator/controls-client.ts";
import { harness, isvPrimary, sdkError, type Harness } from "./helpers.ts";

let h: Harness;
let primary: string;
beforeAll(async () => {
  h = await harness();
  primary = await isvPrimary(h);
});
afterAll(async () => {
  await h.em.close();
});

const VI_OK = {
  use_case: "Outbound Dialer",
  business_employee_count: "10",
  average_business_day_call_volume: "500",
  notes: "",
};

async function product(policySid: string, type?: string, attributes?: object, profile = primary) {
  const th = h.client.trusthub.v1;
  const p = await th.trustProducts.create({ policySid, friendlyName: "p", email: "a@b.co" });
  const tp = th.trustProducts(p.sid);
  if (type !== undefined) {
    const u = await th.endUsers.create({ type, friendlyName: "u", attributes: attributes ?? {} });
    await tp.trustProductsEntityAssignments.create({ objectSid: u.sid });
  }
  await tp.trustProductsEntityAssignments.create({ objectSid: profile });
  return { sid: p.sid, tp, policySid };
}

type Result = { requirement_name: string; passed: boolean; error_code: number | null };
type Field = { object_field: string; failure_reason: string };

async function failures(p: Awaited<ReturnType<typeof product>>) {
  const ev = await p.tp.trustProductsEvaluations.create({ policySid: p.policySid });
  const results = ev.results as (Result & { invalid: Field[] })[];
  return results
    .filter((r) => !r.passed)
    .map((r) => [r.requirement_name, r.error_code, r.invalid.map((f) => f.object_field)]);
}

describe("CNAM", () => {
  it("needs a cnam_information end user", async () => {
    expect(await failures(await product(CNAM))).toEqual([["cnam_information", 22214, []]]);
  });

  it.each([
    ["ABCDEFGHIJKLMNOP", "16 characters"],
    ["1 Acme", "a digit first"],
    ["Acme & Co", "an ampersand"],
    ["", "empty"],
  ])("refuses the display name %j (%s)", async (name) => {
    const p = await product(CNAM, "cnam_information", { cnam_display_name: name });
    expect(await failures(p)).toEqual([["cnam_information", 22215, ["cnam_display_name"]]]);
  });

  it("takes 15 letters, digits, periods, commas and spaces, starting with a letter", async () => {
    const p = await product(CNAM, "cnam_information", { cnam_display_name: "Acme, Inc. 24x7" });
    expect(await failures(p)).toEqual([]);
  });

  it("needs a customer profile registered with an EIN or DUNS", async () => {
    const cbn = await h.controls.createPrimary({
      status: "twilio-approved",
      business: { business_registration_identifier: "CBN" },
    });
    const p = await product(CNAM, "cnam_information", { cnam_display_name: "Acme" }, cbn.sid);
    expect(await failures(p)).toEqual([
      ["customer_profile", 22217, ["business_registration_identifier"]],
    ]);
    const rejected = await p.tp.update({ status: "pending-review" });
    expect([rejected.status, rejected.errors]).toEqual(["twilio-rejected", [{ code: 22217 }]]);
  });
});

describe("Voice Integrity", () => {
  it("needs a voice_integrity_information end user", async () => {
    const p = await product(VOICE_INTEGRITY);
    expect(await failures(p)).toEqual([["voice_integrity_information", 22214, []]]);
  });

  it("counts are strings of positive integers; use_case is required; notes may be empty", async () => {
    const bad = await product(VOICE_INTEGRITY, "voice_integrity_information", {
      ...VI_OK,
      use_case: "",
      business_employee_count: "0",
      average_business_day_call_volume: 500,
    });
    expect(await failures(bad)).toEqual([
      [
        "voice_integrity_information",
        22215,
        ["use_case", "business_employee_count", "average_business_day_call_volume"],
      ],
    ]);
    const ok = await product(VOICE_INTEGRITY, "voice_integrity_information", VI_OK);
    expect(await failures(ok)).toEqual([]);
    expect((await ok.tp.update({ status: "pending-review" })).status).toBe("pending-review");
  });
});

describe("phone numbers of bundles", () => {
  const assign = (tpSid: string, sid: string) =>
    h.client.trusthub.v1.trustProducts(tpSid).trustProductsChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: sid,
    });
  const onProfile = (profileSid: string, sid: string) =>
    h.client.trusthub.v1
      .customerProfiles(profileSid)
      .customerProfilesChannelEndpointAssignment.create({
        channelEndpointType: "phone-number",
        channelEndpointSid: sid,
      });

  it("only an IncomingPhoneNumber of the account, once per bundle", async () => {
    const unknown = await sdkError(onProfile(primary, `PN${"0".repeat(32)}`));
    expect([unknown.status, unknown.code]).toEqual([400, 20001]);
    expect(unknown.message).toContain("is not a phone number of this account");
    const notPn = await sdkError(onProfile(primary, `IT${"0".repeat(32)}`));
    expect([notPn.status, notPn.code]).toEqual([400, 20001]);
    const other = await h.controls.createAccount();
    const theirs = await sandboxControls(h.em.url, other.sid, other.token).createPhoneNumber();
    expect((await sdkError(onProfile(primary, theirs.sid))).status).toBe(400);
    const n = await h.controls.createPhoneNumber();
    await onProfile(primary, n.sid);
    const again = await sdkError(onProfile(primary, n.sid));
    expect(again.message).toBe(`Phone number ${n.sid} is already assigned to ${primary}`);
  });

  it("a trust product takes only numbers already on its customer profile", async () => {
    const n = await h.controls.createPhoneNumber();
    const bare = await h.client.trusthub.v1.trustProducts.create({
      policySid: CNAM,
      friendlyName: "bare",
      email: "a@b.co",
    });
    const none = await sdkError(assign(bare.sid, n.sid));
    expect(none.message).toContain("has no customer profile assigned");
    const p = await product(CNAM, "cnam_information", { cnam_display_name: "Acme" });
    const first = await sdkError(assign(p.sid, n.sid));
    expect([first.status, first.message]).toEqual([
      400,
      `Phone number ${n.sid} is not assigned to the customer profile ${primary}; assign it there first`,
    ]);
    await onProfile(primary, n.sid);
    expect((await assign(p.sid, n.sid)).sid).toMatch(/^RA/);
  });

  it("a CNAM product takes US numbers only, not toll-free ones; SHAKEN/STIR takes both", async () => {
    const seeded = await h.controls.seedPhoneNumbers(["+442071234567", "+18885550100"]);
    const cnam = await product(CNAM, "cnam_information", { cnam_display_name: "Acme" });
    const shaken = await product(SHAKEN);
    for (const [e164, why] of [
      ["+442071234567", "is not a US number"],
      ["+18885550100", "is a toll-free number"],
    ] as const) {
      await onProfile(primary, seeded[e164]!);
      const err = await sdkError(assign(cnam.sid, seeded[e164]!));
      expect([err.status, err.message]).toEqual([400, expect.stringContaining(why)]);
      expect((await assign(shaken.sid, seeded[e164]!)).sid).toMatch(/^RA/);
    }
  });

  it("numbers are assigned and removed in any bundle status", async () => {
    const p = await product(VOICE_INTEGRITY, "voice_integrity_information", VI_OK);
    await p.tp.update({ status: "pending-review" });
    await h.controls.approveTrustProduct(p.sid);
    const n = await h.controls.createPhoneNumber();
    await onProfile(primary, n.sid); // the primary is twilio-approved
    const a = await assign(p.sid, n.sid); // the product is twilio-approved
    expect(await p.tp.trustProductsChannelEndpointAssignment(a.sid).remove()).toBe(true);
    expect((await p.tp.fetch()).status).toBe("twilio-approved");
  });
});

describe("sandbox controls for numbers and products", () => {
  it("seeds E.164 numbers idempotently and answers their PN SIDs", async () => {
    const first = await h.controls.seedPhoneNumbers(["+14155550101", "+14155550102"]);
    expect(Object.keys(first)).toEqual(["+14155550101", "+14155550102"]);
    const again = await h.controls.seedPhoneNumbers(["+14155550102", "+14155550103"]);
    expect(again["+14155550102"]).toBe(first["+14155550102"]);
    const listed = await h.client.incomingPhoneNumbers.list({ phoneNumber: "+14155550103" });
    expect(listed.map((n) => n.sid)).toEqual([again["+14155550103"]]);
    await expect(h.controls.seedPhoneNumbers(["4155550104"])).rejects.toThrow(/E\.164/);
  });

  it("the customer-profile review controls take a trust product too, with its callback", async () => {
    const cb = "http://127.0.0.1:1/cnam-callback";
    const p = await product(CNAM, "cnam_information", { cnam_display_name: "Acme" });
    await p.tp.update({ statusCallback: cb, status: "pending-review" });
    const rejected = await h.controls.reject(p.sid, [18602]);
    expect([rejected.status, rejected["errors"]]).toEqual(["twilio-rejected", [{ code: 18602 }]]);
    expect(rejected["links"]).toHaveProperty("trust_products_evaluations");
    const sent = (await h.controls.getCallbacks()).filter((d) => d.url === cb);
    expect(sent.map((d) => d.params["Status"])).toEqual([
      "pending-review",
      "in-review",
      "twilio-rejected",
    ]);
    expect(sent[2]!.params["BundleSid"]).toBe(p.sid);
  });
});

/** Trust products: the profile lifecycle, the customer-profile gate, A2P fields, phone numbers. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxControls } from "../../src/emulator/controls-client.ts";
import { startEmulator } from "../../src/emulator/index.ts";
import { A2P, SHAKEN } from "./conformance-trust.ts";
import {
  harness,
  isvPrimary,
  raw,
  sdk,
  sdkError,
  secondaryBundle,
  SECONDARY,
  type Harness,
} from "./helpers.ts";

let h: Harness;
let primary: string;
beforeAll(async () => {
  h = await harness();
  primary = await isvPrimary(h);
});
afterAll(async () => {
  await h.em.close();
});

async function a2pProduct(attributes: Record<string, unknown>, profileSid?: string) {
  const th = h.client.trusthub.v1;
  const p = await th.trustProducts.create({ policySid: A2P, friendlyName: "A2P", email: "a@b.co" });
  const info = await th.endUsers.create({
    type: "us_a2p_messaging_profile_information",
    friendlyName: "a2p",
    attributes,
  });
  const tp = th.trustProducts(p.sid);
  for (const objectSid of [info.sid, ...(profileSid ? [profileSid] : [])])
    await tp.trustProductsEntityAssignments.create({ objectSid });
  return { sid: p.sid, tp, info: info.sid };
}

function failures(ev: { results: unknown[] }): [string, number | null][] {
  return (ev.results as { requirement_name: string; passed: boolean; error_code: number | null }[])
    .filter((r) => !r.passed)
    .map((r) => [r.requirement_name, r.error_code]);
}

describe("trust products", () => {
  it("evaluate only against an in-review or approved customer profile", async () => {
    const b = await secondaryBundle(h, { attachPrimary: primary });
    const none = await a2pProduct({ company_type: "private" });
    const ev0 = await none.tp.trustProductsEvaluations.create({ policySid: A2P });
    expect(failures(ev0)).toEqual([["customer_profile", 22216]]);
    const p = await a2pProduct({ company_type: "private" }, b.sid);
    const ev1 = await p.tp.trustProductsEvaluations.create({ policySid: A2P });
    expect(failures(ev1)).toEqual([["customer_profile", 22217]]);
    const reason = (ev1.results as { invalid: { failure_reason: string }[] }[])[1]!.invalid[0]!;
    expect(reason.failure_reason).toBe("Customer profile must be in approved or in-review state");
    // Submitting now is rejected at once, with the evaluation's code.
    const rejected = await p.tp.update({ status: "pending-review" });
    expect([rejected.status, rejected.errors]).toEqual(["twilio-rejected", [{ code: 22217 }]]);
    await h.client.trusthub.v1.customerProfiles(b.sid).update({ status: "pending-review" });
    await h.controls.setStatus(b.sid, "in-review");
    expect((await p.tp.trustProductsEvaluations.create({ policySid: A2P })).status).toBe(
      "compliant",
    );
    expect((await p.tp.update({ status: "pending-review" })).status).toBe("pending-review");
  });

  it("locks while in review, approves with valid_until, callbacks name the product", async () => {
    const cb = "http://127.0.0.1:1/tp-callback";
    const th = h.client.trusthub.v1;
    const p = await a2pProduct({ company_type: "private" }, primary);
    await p.tp.update({ statusCallback: cb });
    await p.tp.update({ status: "pending-review" });
    expect((await sdkError(p.tp.update({ friendlyName: "x" }))).code).toBe(400);
    expect(
      (await sdkError(p.tp.trustProductsEntityAssignments.create({ objectSid: p.info }))).code,
    ).toBe(400);
    expect((await sdkError(th.endUsers(p.info).update({ friendlyName: "y" }))).code).toBe(70002);
    expect((await sdkError(p.tp.remove())).code).toBe(400);
    const approved = await h.controls.approveTrustProduct(p.sid);
    expect(approved.status).toBe("twilio-approved");
    expect(approved["valid_until"]).not.toBeNull();
    const sent = (await h.controls.getCallbacks()).filter((d) => d.url === cb);
    expect(sent.map((d) => [d.params["BundleSid"], d.params["Status"]])).toEqual([
      [p.sid, "pending-review"],
      [p.sid, "in-review"],
      [p.sid, "twilio-approved"],
    ]);
    const again = await sdkError(p.tp.update({ status: "pending-review" }));
    expect(again.message).toBe("User cannot perform this status update");
  });

  it("A2P: company_type from the list; public companies need stock exchange and ticker", async () => {
    const pub = await a2pProduct({ company_type: "public" }, primary);
    const ev = await pub.tp.trustProductsEvaluations.create({ policySid: A2P });
    expect(failures(ev)).toEqual([["us_a2p_messaging_profile_information", 22215]]);
    const invalid = (ev.results[0] as { invalid: { object_field: string }[] }).invalid;
    expect(invalid.map((f) => f.object_field)).toEqual(["stock_exchange", "stock_ticker"]);
    const bad = await a2pProduct({ company_type: "charity" }, primary);
    const evBad = await bad.tp.trustProductsEvaluations.create({ policySid: A2P });
    expect(failures(evBad)).toEqual([["us_a2p_messaging_profile_information", 22215]]);
    const ok = await a2pProduct({ company_type: "government" }, primary);
    expect((await ok.tp.trustProductsEvaluations.create({ policySid: A2P })).status).toBe(
      "compliant",
    );
  });

  it("policies and paths stay apart from customer profiles", async () => {
    const th = h.client.trusthub.v1;
    const wrong = await sdkError(
      th.trustProducts.create({ policySid: SECONDARY, friendlyName: "x", email: "a@b.co" }),
    );
    expect([wrong.status, wrong.code]).toEqual([400, 20001]);
    const wrong2 = await sdkError(
      th.customerProfiles.create({ policySid: A2P, friendlyName: "x", email: "a@b.co" }),
    );
    expect([wrong2.status, wrong2.code]).toEqual([400, 20001]);
    const s = await th.trustProducts.create({
      policySid: SHAKEN,
      friendlyName: "S",
      email: "a@b.co",
    });
    const asProfile = await raw(h.em.url, h, "GET", `/v1/CustomerProfiles/${s.sid}`);
    expect([asProfile.status, asProfile.body.message]).toEqual([
      404,
      `The requested resource /CustomerProfiles/${s.sid} was not found`,
    ]);
    const listed = await th.trustProducts.list({ policySid: SHAKEN });
    expect(listed.map((p) => p.sid)).toEqual([s.sid]);
    expect((await th.customerProfiles.list()).some((p) => p.sid === s.sid)).toBe(false);
  });
});

describe("automatic review", () => {
  it("moves a submitted trust product to twilio-approved like a profile", async () => {
    const hh = await harness({ reviewDelayMs: 20 });
    try {
      const prim = await hh.controls.createPrimary({ status: "twilio-approved" });
      const th = hh.client.trusthub.v1;
      const p = await th.trustProducts.create({
        policySid: SHAKEN,
        friendlyName: "S",
        email: "a@b.co",
      });
      const tp = th.trustProducts(p.sid);
      await tp.trustProductsEntityAssignments.create({ objectSid: prim.sid });
      expect((await tp.update({ status: "pending-review" })).status).toBe("pending-review");
      const deadline = Date.now() + 5000;
      while ((await tp.fetch()).status !== "twilio-approved" && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect((await tp.fetch()).status).toBe("twilio-approved");
    } finally {
      await hh.em.close();
    }
  });
});

describe("incoming phone numbers", () => {
  it("sandbox-made numbers resolve E.164 to PN SIDs; bad or duplicate numbers are refused", async () => {
    const n = await h.controls.createPhoneNumber({ phoneNumber: "+14155550100" });
    expect(n.sid).toMatch(/^PN[0-9a-f]{32}$/);
    const auto = await h.controls.createPhoneNumber();
    expect(auto.phone_number).toMatch(/^\+1500555\d{4}$/);
    const found = await h.client.incomingPhoneNumbers.list({ phoneNumber: "+14155550100" });
    expect(found.map((x) => x.sid)).toEqual([n.sid]);
    await expect(h.controls.createPhoneNumber({ phoneNumber: "+14155550100" })).rejects.toThrow(
      /exists/,
    );
    await expect(h.controls.createPhoneNumber({ phoneNumber: "4155550100" })).rejects.toThrow(
      /E\.164/,
    );
    const other = await h.controls.createAccount();
    const foreign = await raw(
      h.em.url,
      other,
      "GET",
      `/2010-04-01/Accounts/${h.sid}/IncomingPhoneNumbers.json`,
    );
    expect(foreign.status).toBe(403);
    expect(await sdk(h.em.url, other.sid, other.token).incomingPhoneNumbers.list()).toEqual([]);
  });

  it("trust products and numbers survive a restart from the data file", async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), "th-tp-")), "state.json");
    const em = await startEmulator({ dataFile });
    const a = em.accounts[0]!;
    const c = sdk(em.url, a.sid, a.token);
    const p = await c.trusthub.v1.trustProducts.create({
      policySid: SHAKEN,
      friendlyName: "S",
      email: "a@b.co",
    });
    const controls = sandboxControls(em.url, a.sid, a.token);
    const n = await controls.createPhoneNumber();
    const prim = await controls.createPrimary({ status: "twilio-approved" });
    await c.trusthub.v1
      .customerProfiles(prim.sid)
      .customerProfilesChannelEndpointAssignment.create({
        channelEndpointType: "phone-number",
        channelEndpointSid: n.sid,
      });
    const tp0 = c.trusthub.v1.trustProducts(p.sid);
    await tp0.trustProductsEntityAssignments.create({ objectSid: prim.sid });
    await tp0.trustProductsChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: n.sid,
    });
    await em.close();
    const em2 = await startEmulator({ dataFile });
    try {
      const c2 = sdk(em2.url, a.sid, a.token);
      const tp = c2.trusthub.v1.trustProducts(p.sid);
      expect((await tp.fetch()).friendlyName).toBe("S");
      const ch = await tp.trustProductsChannelEndpointAssignment.list();
      expect(ch.map((x) => x.channelEndpointSid)).toEqual([n.sid]);
      expect((await c2.incomingPhoneNumbers.list()).map((x) => x.phoneNumber)).toEqual([
        n.phone_number,
      ]);
    } finally {
      await em2.close();
    }
  });
});

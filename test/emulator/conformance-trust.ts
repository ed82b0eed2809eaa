/**
 * The trust-product and phone-number part of the conformance run: every
 * TrustProducts endpoint and the 2010 IncomingPhoneNumbers reads, through the
 * official SDK, so conformance.test.ts validates each exchange against the spec.
 */
import { expect } from "vitest";
import type { Harness } from "./helpers.ts";

export const A2P = "RNb0d4771c2c98518d916a3d4cd70a8f8b";
export const SHAKEN = "RN7a97559effdf62d00f4298208492a5ea";
export const CNAM = "RNf3db3cd1fe25fcfd3c3ded065c8fea53";
export const VOICE_INTEGRITY = "RN5b3660f9598883b1df4e77f77acefba0";

/** `customerProfileSid`: an approved or in-review business profile to assign. */
export async function trustScript(h: Harness, customerProfileSid: string): Promise<void> {
  const th = h.client.trusthub.v1;
  const number = await h.controls.createPhoneNumber({ friendlyName: "main line" });
  const found = await h.client.incomingPhoneNumbers.list({ phoneNumber: number.phone_number });
  expect(found.map((n) => n.sid)).toEqual([number.sid]);
  await h.client.incomingPhoneNumbers.list({ pageSize: 1, friendlyName: "main line" });
  await h.client.incomingPhoneNumbers(number.sid).fetch();
  // Numbers go to the customer profile first, then to the product.
  const onProfile = await th
    .customerProfiles(customerProfileSid)
    .customerProfilesChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: number.sid,
    });

  const product = await th.trustProducts.create({
    policySid: A2P,
    friendlyName: "Acme A2P",
    email: "ops@isv.example.com",
    statusCallback: "http://127.0.0.1:1/tp",
  });
  const tp = th.trustProducts(product.sid);
  await tp.fetch();
  await tp.update({ friendlyName: "Acme A2P 2", email: "ops2@isv.example.com" });
  const info = await th.endUsers.create({
    type: "us_a2p_messaging_profile_information",
    friendlyName: "a2p",
    attributes: { company_type: "public", stock_exchange: "NYSE", stock_ticker: "ACME" },
  });
  const early = await tp.trustProductsEvaluations.create({ policySid: A2P });
  expect(early.status).toBe("noncompliant");
  const assignments = [];
  for (const objectSid of [info.sid, customerProfileSid]) {
    assignments.push(await tp.trustProductsEntityAssignments.create({ objectSid }));
  }
  await tp.trustProductsEntityAssignments(assignments[0]!.sid).fetch();
  await tp.trustProductsEntityAssignments.list({ pageSize: 1 });
  await tp.trustProductsEntityAssignments.list({
    objectType: "us_a2p_messaging_profile_information",
  });
  const channel = await tp.trustProductsChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: number.sid,
  });
  await tp.trustProductsChannelEndpointAssignment(channel.sid).fetch();
  await tp.trustProductsChannelEndpointAssignment.list({ channelEndpointSid: number.sid });
  await tp.trustProductsChannelEndpointAssignment.list({
    channelEndpointSids: number.sid,
    pageSize: 5,
  });
  await tp.trustProductsChannelEndpointAssignment(channel.sid).remove();
  const ev = await tp.trustProductsEvaluations.create({ policySid: A2P });
  expect(ev.status).toBe("compliant");
  await tp.trustProductsEvaluations(ev.sid).fetch();
  await tp.trustProductsEvaluations.list();
  const submitted = await tp.update({ status: "pending-review" });
  expect(submitted.status).toBe("pending-review");
  await h.controls.rejectTrustProduct(product.sid, [18601]);
  await th.trustProducts.list({
    status: "twilio-rejected",
    policySid: A2P,
    friendlyName: "Acme A2P 2",
    pageSize: 2,
  });
  await th.trustProducts.list({ pageSize: 1, limit: 3 });
  await tp.trustProductsEntityAssignments(assignments[0]!.sid).remove();
  const shaken = await th.trustProducts.create({
    policySid: SHAKEN,
    friendlyName: "Acme SHAKEN/STIR",
    email: "ops@isv.example.com",
  });
  await th.trustProducts(shaken.sid).remove();
  await tp.remove();
  await voiceProducts(h, customerProfileSid, number.sid);
  await th
    .customerProfiles(customerProfileSid)
    .customerProfilesChannelEndpointAssignment(onProfile.sid)
    .remove();
}

/** CNAM and Voice Integrity: end user, profile, number, evaluation, submit, approve. */
async function voiceProducts(h: Harness, profileSid: string, numberSid: string): Promise<void> {
  const th = h.client.trusthub.v1;
  const products: [string, string, Record<string, string>][] = [
    [CNAM, "cnam_information", { cnam_display_name: "Acme Inc." }],
    [
      VOICE_INTEGRITY,
      "voice_integrity_information",
      {
        use_case: "Outbound Dialer",
        business_employee_count: "10",
        average_business_day_call_volume: "500",
        notes: "",
      },
    ],
  ];
  for (const [policySid, type, attributes] of products) {
    const p = await th.trustProducts.create({ policySid, friendlyName: type, email: "a@b.co" });
    const tp = th.trustProducts(p.sid);
    const info = await th.endUsers.create({ type, friendlyName: type, attributes });
    for (const objectSid of [info.sid, profileSid])
      await tp.trustProductsEntityAssignments.create({ objectSid });
    await tp.trustProductsChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: numberSid,
    });
    expect((await tp.trustProductsEvaluations.create({ policySid })).status).toBe("compliant");
    expect((await tp.update({ status: "pending-review" })).status).toBe("pending-review");
    expect((await h.controls.approveTrustProduct(p.sid)).status).toBe("twilio-approved");
    await th.trustProducts.list({ policySid, status: "twilio-approved" });
  }
}

/**
 * Conformance with Twilio's own OpenAPI specs: a scripted run over every
 * emulated endpoint through the official SDK; every request is validated
 * against the operation's parameter and form schemas, every reply against its
 * response schema (tightened: exactly the spec's fields).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exchange } from "../../src/emulator/index.ts";
import { BUSINESS, harness, REP, SECONDARY, type Harness } from "./helpers.ts";
import { trustScript } from "./conformance-trust.ts";
import { loadSpecs, type Operation } from "./spec.ts";

const RESOURCES =
  /^\/v1\/(CustomerProfiles|TrustProducts|EndUsers|EndUserTypes|SupportingDocuments|SupportingDocumentTypes|Policies)|^\/2010-04-01\/Accounts\/\{AccountSid\}\/(Addresses|IncomingPhoneNumbers)(\.json|\/\{Sid\}\.json)$/;
/** Spec operations the emulator does not serve (phone numbers are read-only; the sandbox makes them). */
const UNSERVED = new Set([
  "POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json",
  "POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json",
  "DELETE /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json",
]);

const exchanges: Exchange[] = [];
let h: Harness;
let ops: Operation[];

beforeAll(async () => {
  ops = loadSpecs(RESOURCES);
  h = await harness({ onExchange: (e) => exchanges.push(e) });
});
afterAll(async () => {
  await h.em.close();
});

async function script(): Promise<void> {
  const th = h.client.trusthub.v1;
  const primary = await h.controls.createPrimary({ status: "twilio-approved" });
  const profile = await th.customerProfiles.create({
    policySid: SECONDARY,
    friendlyName: "Acme Secondary",
    email: "ops@isv.example.com",
    statusCallback: "http://127.0.0.1:1/cb",
  });
  const cp = th.customerProfiles(profile.sid);
  await cp.fetch();
  await cp.update({
    friendlyName: "Acme Secondary 2",
    email: "ops2@isv.example.com",
    statusCallback: "http://127.0.0.1:1/cb2",
  });
  const biz = await th.endUsers.create({
    type: "customer_profile_business_information",
    friendlyName: "biz",
    attributes: BUSINESS,
  });
  const rep = await th.endUsers.create({
    type: "authorized_representative_1",
    friendlyName: "rep",
    attributes: REP,
  });
  await th.endUsers(rep.sid).fetch();
  await th
    .endUsers(rep.sid)
    .update({ friendlyName: "rep one", attributes: { ...REP, first_name: "Joan" } });
  await th.endUsers.list({ pageSize: 1 });
  const address = await h.client.addresses.create({
    customerName: "Acme",
    street: "1 Main St",
    streetSecondary: "Suite 2",
    city: "Town",
    region: "CA",
    postalCode: "94105",
    isoCountry: "US",
    friendlyName: "HQ",
    emergencyEnabled: false,
    autoCorrectAddress: true,
  });
  await h.client.addresses(address.sid).fetch();
  await h.client.addresses(address.sid).update({ friendlyName: "HQ 2", city: "Other Town" });
  await h.client.addresses.list({ pageSize: 1 });
  await h.client.addresses.list({ isoCountry: "US", customerName: "Acme", friendlyName: "HQ 2" });
  const doc = await th.supportingDocuments.create({
    type: "customer_profile_address",
    friendlyName: "addr",
    attributes: { address_sids: address.sid },
  });
  await th.supportingDocuments(doc.sid).fetch();
  await th
    .supportingDocuments(doc.sid)
    .update({ friendlyName: "addr 2", attributes: { address_sids: address.sid } });
  await th.supportingDocuments.list({ pageSize: 1 });
  const assignments = [];
  for (const objectSid of [biz.sid, rep.sid, doc.sid, primary.sid]) {
    assignments.push(await cp.customerProfilesEntityAssignments.create({ objectSid }));
  }
  await cp.customerProfilesEntityAssignments(assignments[0]!.sid).fetch();
  await cp.customerProfilesEntityAssignments.list({ pageSize: 2 });
  await cp.customerProfilesEntityAssignments.list({
    objectType: "customer_profile_business_information",
  });
  const number = await h.controls.createPhoneNumber({ phoneNumber: "+15005550199" });
  const channel = await cp.customerProfilesChannelEndpointAssignment.create({
    channelEndpointType: "phone-number",
    channelEndpointSid: number.sid,
  });
  await cp.customerProfilesChannelEndpointAssignment(channel.sid).fetch();
  await cp.customerProfilesChannelEndpointAssignment.list({
    channelEndpointSid: channel.channelEndpointSid,
  });
  await cp.customerProfilesChannelEndpointAssignment.list({
    channelEndpointSids: channel.channelEndpointSid,
    pageSize: 5,
  });
  await cp.customerProfilesChannelEndpointAssignment(channel.sid).remove();
  const badEval = await th
    .customerProfiles(primary.sid)
    .customerProfilesEvaluations.create({ policySid: SECONDARY });
  const ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
  expect([badEval.status, ev.status]).toEqual(["noncompliant", "compliant"]);
  await cp.customerProfilesEvaluations(ev.sid).fetch();
  await cp.customerProfilesEvaluations.list();
  await cp.update({ status: "pending-review" });
  await h.controls.reject(profile.sid, [18601]);
  await th.customerProfiles.list({
    status: "twilio-rejected",
    policySid: SECONDARY,
    friendlyName: "Acme Secondary 2",
    pageSize: 2,
  });
  await th.customerProfiles.list({ pageSize: 1, limit: 3 });
  for (const p of await th.policies.list()) await th.policies(p.sid).fetch();
  for (const t of await th.endUserTypes.list({ pageSize: 3 })) await th.endUserTypes(t.sid).fetch();
  for (const t of await th.supportingDocumentTypes.list())
    await th.supportingDocumentTypes(t.sid).fetch();
  await cp.customerProfilesEntityAssignments(assignments[1]!.sid).remove();
  const spare = await th.endUsers.create({
    type: "authorized_representative_2",
    friendlyName: "spare",
  });
  await th.endUsers(spare.sid).remove();
  const spareDoc = await th.supportingDocuments.create({
    type: "customer_profile_address",
    friendlyName: "spare",
  });
  await th.supportingDocuments(spareDoc.sid).remove();
  await h.client.addresses(address.sid).remove();
  await cp.remove();
  await trustScript(h, primary.sid);
}

function operationOf(e: Exchange): { op: Operation; params: Record<string, unknown> } {
  for (const op of ops) {
    if (op.method !== e.method) continue;
    const m = op.re.exec(e.path);
    if (!m) continue;
    const params: Record<string, unknown> = { ...e.query };
    op.pathNames.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { op, params };
  }
  throw new Error(`no spec operation for ${e.method} ${e.path}`);
}

describe("conformance with Twilio's OpenAPI specs", () => {
  it("every request and reply of a run over every endpoint validates", async () => {
    await script();
    const problems: string[] = [];
    const covered = new Set<string>();
    const api = exchanges.filter((e) => !e.path.startsWith("/__sandbox/"));
    for (const e of api) {
      const { op, params } = operationOf(e);
      covered.add(`${op.method} ${op.path}`);
      const where = `${e.method} ${e.path} (${op.id})`;
      if (!op.params(params)) problems.push(`${where} params: ${JSON.stringify(op.params.errors)}`);
      if (e.method === "POST") {
        const unknown = Object.keys(e.form).filter((k) => !op.formKeys.has(k));
        if (unknown.length) problems.push(`${where} unknown form keys ${unknown.join(",")}`);
        if (op.form && !op.form({ ...e.form }))
          problems.push(`${where} form: ${JSON.stringify(op.form.errors)}`);
      }
      if (!op.responses.has(e.status)) {
        problems.push(
          `${where} status ${e.status} not in spec (${[...op.responses.keys()].join(",")}): ${JSON.stringify(e.body)}`,
        );
        continue;
      }
      const validate = op.responses.get(e.status);
      if (validate === null) {
        if (e.body !== null) problems.push(`${where} expected an empty body`);
      } else if (validate && !validate(e.body)) {
        problems.push(`${where} reply: ${JSON.stringify(validate.errors)}`);
      }
    }
    expect(problems).toEqual([]);
    // The validators can fail: an extra field, a missing field or a bad SID is caught.
    const fetched = api.find(
      (e) => e.method === "GET" && /^\/v1\/CustomerProfiles\/BU\w+$/.test(e.path),
    )!;
    const validate = operationOf(fetched).op.responses.get(200)!;
    const good = fetched.body as Record<string, unknown>;
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, extra: 1 })).toBe(false);
    expect(validate({ ...good, links: undefined })).toBe(false);
    expect(validate({ ...good, sid: "BU123" })).toBe(false);
    for (const path of [/^\/v1\/TrustProducts\/BU\w+$/, /IncomingPhoneNumbers\/PN\w+\.json$/]) {
      const e = api.find((x) => x.method === "GET" && path.test(x.path))!;
      const v = operationOf(e).op.responses.get(200)!;
      const body = e.body as Record<string, unknown>;
      expect([v(body), v({ ...body, extra: 1 }), v({ ...body, sid: "XX1" })]).toEqual([
        true,
        false,
        false,
      ]);
    }
    const all = ops.map((o) => `${o.method} ${o.path}`).filter((o) => !UNSERVED.has(o));
    expect(all.filter((o) => !covered.has(o))).toEqual([]);
    expect(all.length).toBe(37 + 16 + 2);
    expect(api.length).toBeGreaterThan(60);
  });
});

/** The whole ISV secondary sequence (reference section 12) through the official SDK, and SDK paging. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSINESS, harness, REP, SECONDARY, type Harness } from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

describe("ISV secondary customer profile through the twilio SDK", () => {
  it("runs steps 1.1 to 1.11 and the review completes", async () => {
    const primary = await h.controls.createPrimary({});
    expect(primary.status).toBe("pending-review");
    await h.controls.approve(primary.sid);
    const th = h.client.trusthub.v1;
    const profile = await th.customerProfiles.create({
      policySid: SECONDARY,
      friendlyName: "Acme, Inc. Secondary Customer Profile",
      email: "ops@isv.example.com",
      statusCallback: "http://127.0.0.1:9/status-callback", // nothing listens: delivery fails quietly
    });
    expect(profile.sid).toMatch(/^BU[0-9a-f]{32}$/);
    expect(profile.status).toBe("draft");
    const biz = await th.endUsers.create({
      type: "customer_profile_business_information",
      friendlyName: "Acme, Inc. - Business Information EndUser resource",
      attributes: BUSINESS,
    });
    expect(biz.attributes).toEqual(BUSINESS);
    const cp = th.customerProfiles(profile.sid);
    await cp.customerProfilesEntityAssignments.create({ objectSid: biz.sid });
    const rep = await th.endUsers.create({
      type: "authorized_representative_1",
      friendlyName: "Acme, Inc Authorized Rep 1",
      attributes: JSON.stringify(REP),
    });
    await cp.customerProfilesEntityAssignments.create({ objectSid: rep.sid });
    const address = await h.client.addresses.create({
      customerName: "Acme, Inc.",
      street: "123 Main Street",
      city: "Anytown",
      region: "CA",
      postalCode: "94105",
      isoCountry: "US",
      friendlyName: "HQ",
    });
    expect(address.sid).toMatch(/^AD[0-9a-f]{32}$/);
    const doc = await th.supportingDocuments.create({
      type: "customer_profile_address",
      friendlyName: "acme",
      attributes: { address_sids: address.sid },
    });
    expect(doc.status).toBe("DRAFT");
    await cp.customerProfilesEntityAssignments.create({ objectSid: doc.sid });
    await cp.customerProfilesEntityAssignments.create({ objectSid: primary.sid });
    const ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
    expect(ev.status).toBe("compliant");
    const submitted = await cp.update({ status: "pending-review" });
    expect(submitted.status).toBe("pending-review");
    await h.controls.approve(profile.sid);
    const approved = await cp.fetch();
    expect(approved.status).toBe("twilio-approved");
    expect(approved.validUntil).toBeInstanceOf(Date);
  });

  it("pages through lists with pageSize 2", async () => {
    const th = h.client.trusthub.v1;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const u = await th.endUsers.create({
        type: "authorized_representative_2",
        friendlyName: `rep ${i}`,
        attributes: REP,
      });
      made.push(u.sid);
    }
    const all = await th.endUsers.list({ pageSize: 2 });
    const sids = all.map((u) => u.sid);
    expect(sids.slice(-5)).toEqual(made);
    expect(new Set(sids).size).toBe(sids.length);
    const addresses = await h.client.addresses.list({ pageSize: 2 });
    expect(addresses.length).toBeGreaterThanOrEqual(1);
  });
});

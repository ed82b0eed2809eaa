/** Primary and secondary policy rules, and the evaluator's codes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import {
  BUSINESS,
  harness,
  REP,
  SECONDARY,
  sdkError,
  secondaryBundle,
  type Harness,
} from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

const RESTRICTED =
  "This operation is restricted via API for Primary Customer Profiles. Use Twilio Console instead.";

describe("primary profiles", () => {
  it.each([POLICY_SIDS.primaryBusiness, POLICY_SIDS.primaryIndividual])(
    "API create with %s is refused with Twilio's 400",
    async (policySid) => {
      const err = await sdkError(
        h.client.trusthub.v1.customerProfiles.create({
          policySid,
          friendlyName: "p",
          email: "a@b.c",
        }),
      );
      expect(err).toEqual({ status: 400, code: 400, message: RESTRICTED });
    },
  );

  it("API submit of a draft primary is refused; evaluation and end-user edits work", async () => {
    const p = await h.controls.createPrimary({ submit: false, business: { business_name: "" } });
    expect(p.status).toBe("draft");
    const th = h.client.trusthub.v1;
    const cp = th.customerProfiles(p.sid);
    expect(await sdkError(cp.update({ status: "pending-review" }))).toMatchObject({
      status: 400,
      message: RESTRICTED,
    });
    const ev = await cp.customerProfilesEvaluations.create({
      policySid: POLICY_SIDS.primaryBusiness,
    });
    expect(ev.status).toBe("noncompliant");
    const biz = p.endUsers["business"]!;
    await th
      .endUsers(biz)
      .update({ attributes: { ...BUSINESS, business_identity: "isv_reseller_or_partner" } });
    const ev2 = await cp.customerProfilesEvaluations.create({
      policySid: POLICY_SIDS.primaryBusiness,
    });
    expect(ev2.status).toBe("compliant");
    const ind = await h.controls.createPrimary({ type: "individual" });
    expect(ind.profile["policy_sid"]).toBe(POLICY_SIDS.primaryIndividual);
    expect(ind.status).toBe("pending-review");
  });
});

describe("secondary profiles", () => {
  it("creation needs an ISV primary in the account", async () => {
    const hh = await harness();
    try {
      const create = () =>
        hh.client.trusthub.v1.customerProfiles.create({
          policySid: SECONDARY,
          friendlyName: "s",
          email: "a@b.c",
        });
      const none = await sdkError(create());
      expect(none.status).toBe(400);
      expect(none.message).toContain("can only be created through Twilio console");
      await hh.controls.createPrimary({ business: { business_identity: "direct_customer" } });
      expect((await sdkError(create())).status).toBe(400);
      await hh.controls.createPrimary({
        business: { business_identity: "isv_reseller_or_partner" },
      });
      expect((await create()).status).toBe("draft");
    } finally {
      await hh.em.close();
    }
  });

  it("evaluation requires the primary attached and in-review or approved", async () => {
    const primary = await h.controls.createPrimary({ submit: false });
    const evalOf = async (sid: string) => {
      const ev = await h.client.trusthub.v1
        .customerProfiles(sid)
        .customerProfilesEvaluations.create({ policySid: SECONDARY });
      const results = ev.results as { requirement_name: string }[];
      return results.find((r) => r.requirement_name === "primary_customer_profile");
    };
    const unattached = await secondaryBundle(h);
    expect(await evalOf(unattached.sid)).toMatchObject({ passed: false, error_code: 22216 });
    const b = await secondaryBundle(h, { attachPrimary: primary.sid });
    expect(await evalOf(b.sid)).toMatchObject({ passed: false, error_code: 22217 });
    for (const status of ["pending-review", "twilio-rejected"] as const) {
      await h.controls.setStatus(primary.sid, status);
      expect(await evalOf(b.sid)).toMatchObject({ passed: false, error_code: 22217 });
    }
    for (const status of ["in-review", "twilio-approved"] as const) {
      await h.controls.setStatus(primary.sid, status);
      expect(await evalOf(b.sid)).toMatchObject({ passed: true, error_code: null });
    }
    const ev = await h.client.trusthub.v1
      .customerProfiles(b.sid)
      .customerProfilesEvaluations.create({ policySid: SECONDARY });
    expect(ev.status).toBe("compliant");
  });
});

describe("evaluation codes", () => {
  async function draftProfile(): Promise<string> {
    const p = await h.controls.createPrimary({ status: "twilio-approved" });
    const prof = await h.client.trusthub.v1.customerProfiles.create({
      policySid: SECONDARY,
      friendlyName: "e",
      email: "a@b.c",
    });
    await h.client.trusthub.v1
      .customerProfiles(prof.sid)
      .customerProfilesEntityAssignments.create({ objectSid: p.sid });
    return prof.sid;
  }
  const byName = (ev: { results: { requirement_name: string }[] }, name: string) =>
    ev.results.find((r) => r.requirement_name === name) as Record<string, unknown>;

  it("reports 22214, 22215, 22216, 22217 and 22219 with Twilio's result shape", async () => {
    const th = h.client.trusthub.v1;
    const sid = await draftProfile();
    const cp = th.customerProfiles(sid);
    let ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
    expect(ev.status).toBe("noncompliant");
    expect(byName(ev, "customer_profile_business_information")).toMatchObject({
      passed: false,
      error_code: 22214,
    });
    expect(byName(ev, "authorized_representative_2")).toMatchObject({ passed: true });
    expect(byName(ev, "customer_profile_address")).toMatchObject({
      passed: false,
      error_code: 22216,
    });
    const { business_name: _omit, ...noName } = BUSINESS;
    void _omit;
    const biz = await th.endUsers.create({
      type: "customer_profile_business_information",
      friendlyName: "b",
      attributes: noName,
    });
    const doc = await th.supportingDocuments.create({
      type: "customer_profile_address",
      friendlyName: "d",
      attributes: {},
    });
    await cp.customerProfilesEntityAssignments.create({ objectSid: biz.sid });
    await cp.customerProfilesEntityAssignments.create({ objectSid: doc.sid });
    ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
    const bizResult = byName(ev, "customer_profile_business_information");
    expect(bizResult).toMatchObject({ passed: false, error_code: 22215 });
    expect(bizResult["invalid"]).toEqual([
      expect.objectContaining({ object_field: "business_name", error_code: 22215 }),
    ]);
    expect(byName(ev, "customer_profile_address")).toMatchObject({ error_code: 22217 });
    await th
      .supportingDocuments(doc.sid)
      .update({ attributes: { address_sids: `AD${"0".repeat(32)}` } });
    ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
    expect(byName(ev, "customer_profile_address")).toMatchObject({ error_code: 22219 });
    for (const key of [
      "friendly_name",
      "object_type",
      "passed",
      "failure_reason",
      "error_code",
      "valid",
      "invalid",
      "requirement_friendly_name",
      "requirement_name",
    ]) {
      expect(Object.keys(ev.results[0] as object)).toContain(key);
    }
    await th.endUsers(biz.sid).update({ attributes: { ...BUSINESS, business_type: "Galaxy" } });
    ev = await cp.customerProfilesEvaluations.create({ policySid: SECONDARY });
    expect(byName(ev, "customer_profile_business_information")["invalid"]).toEqual([
      expect.objectContaining({ object_field: "business_type", error_code: 22215 }),
    ]);
    const rep = await th.endUsers.create({
      type: "authorized_representative_1",
      friendlyName: "r",
      attributes: REP,
    });
    expect(rep.sid).toMatch(/^IT/);
    expect((await cp.customerProfilesEvaluations.list()).length).toBe(4);
  });
});

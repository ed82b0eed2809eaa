/** The status machine and editability rules. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, isvPrimary, REP, sdkError, secondaryBundle, type Harness } from "./helpers.ts";

let h: Harness;
let primary: string;
beforeAll(async () => {
  h = await harness();
  primary = await isvPrimary(h);
});
afterAll(async () => {
  await h.em.close();
});

const LOCKED = ["pending-review", "in-review", "twilio-approved"] as const;

describe("status machine", () => {
  it("new profiles are draft; a client may only set pending-review", async () => {
    const b = await secondaryBundle(h, { attachPrimary: primary });
    const cp = h.client.trusthub.v1.customerProfiles(b.sid);
    expect((await cp.fetch()).status).toBe("draft");
    for (const status of ["in-review", "twilio-approved", "twilio-rejected", "draft"] as const) {
      const err = await sdkError(cp.update({ status }));
      expect(err.status).toBe(400);
      expect(err.message).toBe("User cannot perform this status update");
    }
    const bogus = await sdkError(cp.update({ status: "approved" as never }));
    expect([bogus.status, bogus.code]).toEqual([400, 22203]);
    expect((await cp.update({ status: "pending-review" })).status).toBe("pending-review");
    const again = await sdkError(cp.update({ status: "pending-review" }));
    expect(again.message).toBe("User cannot perform this status update");
  });

  it("approve goes through in-review and sets valid_until; reject sets errors", async () => {
    const a = await secondaryBundle(h, { attachPrimary: primary });
    const cpa = h.client.trusthub.v1.customerProfiles(a.sid);
    await cpa.update({ status: "pending-review" });
    expect((await cpa.fetch()).validUntil).toBeNull();
    await h.controls.setStatus(a.sid, "in-review");
    const approved = await h.controls.approve(a.sid);
    expect(approved.status).toBe("twilio-approved");
    expect(Date.parse(approved["valid_until"] as string)).toBeGreaterThan(
      Date.now() + 300 * 86400_000,
    );
    const b = await secondaryBundle(h, { attachPrimary: primary });
    await h.client.trusthub.v1.customerProfiles(b.sid).update({ status: "pending-review" });
    const rejected = await h.controls.reject(b.sid, [18604]);
    expect(rejected.status).toBe("twilio-rejected");
    expect(rejected["errors"]).toEqual([{ code: 18604 }]);
  });

  it("a rejected profile is editable and can be resubmitted", async () => {
    const b = await secondaryBundle(h, { attachPrimary: primary });
    const th = h.client.trusthub.v1;
    const cp = th.customerProfiles(b.sid);
    await cp.update({ status: "pending-review" });
    await h.controls.reject(b.sid);
    expect((await cp.update({ friendlyName: "fixed" })).friendlyName).toBe("fixed");
    await th.endUsers(b.rep).update({ attributes: { ...REP, last_name: "Fixed" } });
    const rep2 = await th.endUsers.create({
      type: "authorized_representative_2",
      friendlyName: "r2",
      attributes: REP,
    });
    await cp.customerProfilesEntityAssignments.create({ objectSid: rep2.sid });
    const resubmitted = await cp.update({ status: "pending-review" });
    expect(resubmitted.status).toBe("pending-review");
    expect(resubmitted.errors).toBeNull();
  });

  it.each(LOCKED)("nothing of a %s bundle can be edited", async (status) => {
    const b = await secondaryBundle(h, { attachPrimary: primary });
    const th = h.client.trusthub.v1;
    const cp = th.customerProfiles(b.sid);
    const assignments = await cp.customerProfilesEntityAssignments.list();
    await h.controls.setStatus(b.sid, status);
    const extra = await th.endUsers.create({
      type: "authorized_representative_2",
      friendlyName: "x",
      attributes: REP,
    });
    const refusals = [
      await sdkError(cp.update({ friendlyName: "changed" })),
      await sdkError(cp.update({ email: "x@example.com" })),
      await sdkError(cp.customerProfilesEntityAssignments.create({ objectSid: extra.sid })),
      await sdkError(cp.customerProfilesEntityAssignments(assignments[0]!.sid).remove()),
      await sdkError(cp.remove()),
    ];
    for (const r of refusals) expect(r.status).toBe(400);
    // Phone numbers are not locked (CHANNEL_ENDPOINTS_ANY_STATUS): assigned and removed.
    const n = await h.controls.createPhoneNumber();
    const ca = await cp.customerProfilesChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: n.sid,
    });
    expect(await cp.customerProfilesChannelEndpointAssignment(ca.sid).remove()).toBe(true);
    const userEdit = await sdkError(
      th.endUsers(b.rep).update({ attributes: { ...REP, first_name: "X" } }),
    );
    expect([userEdit.status, userEdit.code]).toEqual([400, 70002]);
    expect(userEdit.message).toBe(
      "Cannot update end-user. A bundle it belongs to is in an immutable state.",
    );
    expect((await sdkError(th.endUsers(b.rep).remove())).code).toBe(70002);
    expect(
      (await sdkError(th.supportingDocuments(b.document).update({ friendlyName: "x" }))).code,
    ).toBe(70002);
    expect((await cp.fetch()).friendlyName).toBe("Secondary");
  });

  it("a draft bundle and its objects are editable", async () => {
    const b = await secondaryBundle(h, { attachPrimary: primary });
    const th = h.client.trusthub.v1;
    expect(
      (await th.customerProfiles(b.sid).update({ friendlyName: "renamed" })).friendlyName,
    ).toBe("renamed");
    const u = await th.endUsers(b.rep).update({ attributes: { ...REP, first_name: "Joan" } });
    expect(u.attributes).toMatchObject({ first_name: "Joan" });
  });

  it("submitting a non-compliant profile rejects it at once, with the failing codes", async () => {
    const b = await secondaryBundle(h); // no primary attached
    const res = await h.client.trusthub.v1
      .customerProfiles(b.sid)
      .update({ status: "pending-review" });
    expect(res.status).toBe("twilio-rejected");
    expect(res.errors).toEqual([{ code: 22216 }]);
  });
});

describe("automatic review", () => {
  it("moves pending-review -> in-review -> twilio-approved after the delay", async () => {
    const hh = await harness({ reviewDelayMs: 30 });
    try {
      const p = await isvPrimary(hh);
      const b = await secondaryBundle(hh, { attachPrimary: p });
      const cp = hh.client.trusthub.v1.customerProfiles(b.sid);
      expect((await cp.update({ status: "pending-review" })).status).toBe("pending-review");
      const seen = new Set<string>();
      for (let i = 0; i < 100 && !seen.has("twilio-approved"); i++) {
        seen.add((await cp.fetch()).status);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toContain("in-review");
      expect(seen).toContain("twilio-approved");
      await hh.controls.setReview({ auto: false });
      const c = await secondaryBundle(hh, { attachPrimary: p });
      await hh.client.trusthub.v1.customerProfiles(c.sid).update({ status: "pending-review" });
      await new Promise((r) => setTimeout(r, 120));
      expect((await hh.client.trusthub.v1.customerProfiles(c.sid).fetch()).status).toBe(
        "pending-review",
      );
    } finally {
      await hh.em.close();
    }
  });
});

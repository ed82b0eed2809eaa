/**
 * Pruning, end to end (real CLI, real Pulumi engine, the emulator), in order
 * on one account and one stack. A managed secondary the YAML no longer
 * declares is:
 *  - without --prune: listed with a note, and kept by apply even when Pulumi
 *    runs for other work (the program keeps registering it);
 *  - with --prune: planned as `delete`, listed first, and apply deletes the
 *    profile and the objects it created for it;
 *  - never deleted while pending-review, in-review or approved (the plan says
 *    Twilio Support must do it); a rejected one is deleted.
 * A live secondary apply never managed is never mentioned (hands-off).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { makeSecondary } from "./helpers.ts";
import { applyWorld, cloneBrands, type ApplyWorld } from "./apply-world.ts";

let w: ApplyWorld;
let outside: string;

const gone = async (fetch: () => Promise<unknown>): Promise<boolean> =>
  fetch().then(
    () => false,
    (e: { status?: number }) => e.status === 404,
  );

beforeAll(async () => {
  w = await applyWorld();
  const first = await w.cli("apply", w.dir, "--auto-approve");
  expect(first.code, first.stdout + first.stderr).toBe(EXIT.ok);
  outside = await makeSecondary(w.client, w.primarySid, {
    friendlyName: "Outside Brand",
    email: "o@outside.example",
  });
}, 180_000);
afterAll(() => w?.close());

describe("pruning against the emulator with the real Pulumi engine", () => {
  it("without --prune, lists an undeclared draft with a note and apply keeps it", async () => {
    const harbor = w.brands().find((b) => b.key === "harbor-dental")!;
    const [newcomer] = cloneBrands(harbor, 1);
    w.setBrands([...w.brands().filter((b) => b.key !== "harbor-dental"), newcomer!]);
    const rec = (await w.managed())["harbor-dental"]!;

    const planned = await w.plan();
    const a = planned.plan.actions.find((x) => x.key === "harbor-dental")!;
    expect([a.action, a.sid, a.status]).toEqual(["no-op", rec.profileSid, "draft"]);
    expect(a.notes.map((n) => n.code)).toEqual(["prune/not-declared"]);
    expect(a.notes[0]!.message).toMatch(/run with --prune to delete/);
    expect(planned.plan.summary.delete).toBe(0);
    const text = await w.cli("plan", w.dir);
    expect(text.stdout).toMatch(/secondary harbor-dental BU\w+ \[draft\]: no-op/);

    // Pulumi runs (the newcomer is created) and must not delete the undeclared profile.
    const r = await w.cli("apply", w.dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Apply finished: 1 created/);
    expect(r.stdout).not.toMatch(/deleted/);
    const live = await w.client.trusthub.v1.customerProfiles(rec.profileSid).fetch();
    expect(live.status).toBe("draft");
    expect((await w.managed())["harbor-dental"]?.profileSid).toBe(rec.profileSid);
  });

  it("with --prune, plans the delete first and apply deletes the profile and its objects", async () => {
    const rec = (await w.managed())["harbor-dental"]!;
    const planned = await w.plan("--prune");
    expect(planned.code).toBe(EXIT.changes);
    expect(planned.plan.actions[0]).toMatchObject({ key: "harbor-dental", action: "delete" });
    expect(planned.plan.summary.delete).toBe(1);
    // apply without --prune does not carry out a prune plan.
    const noPrune = await w.cli("apply", w.dir, "--auto-approve");
    expect(noPrune.stdout).toContain("Nothing to change");

    const r = await w.cli("apply", w.dir, "--auto-approve", "--prune");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/1 deleted/);
    const th = w.client.trusthub.v1;
    expect(await gone(() => th.customerProfiles(rec.profileSid).fetch())).toBe(true);
    for (const sid of Object.values(rec.endUsers))
      expect(await gone(() => th.endUsers(sid).fetch())).toBe(true);
    expect(await gone(() => th.supportingDocuments(rec.documentSid!).fetch())).toBe(true);
    const addresses = w.client.api.v2010.accounts(w.conn.target.accountSid).addresses;
    expect(await gone(() => addresses(rec.addressSid!).fetch())).toBe(true);
    expect((await w.managed())["harbor-dental"]).toBeUndefined();

    const after = await w.plan("--prune");
    expect(after.code).toBe(EXIT.ok);
    expect(after.plan.actions.map((a) => a.key)).not.toContain("harbor-dental");
  });

  it("never deletes submitted or approved profiles; the plan says Twilio Support must", async () => {
    const recs = await w.managed();
    await w.ctl.setStatus(recs["maple-fitness"]!.profileSid, "twilio-approved");
    const keep = new Set(["bluebird-bakery", "maple-fitness"]);
    w.setBrands(w.brands().filter((b) => !keep.has(b.key)));

    const planned = await w.plan("--prune");
    const undeclared = planned.plan.actions.filter((a) => keep.has(a.key));
    expect(undeclared.map((a) => [a.key, a.action, a.status])).toEqual([
      ["bluebird-bakery", "no-op", "pending-review"],
      ["maple-fitness", "no-op", "twilio-approved"],
    ]);
    for (const a of undeclared) {
      expect(a.notes.map((n) => n.code)).toEqual(["prune/immutable"]);
      expect(a.notes[0]!.message).toMatch(/Twilio Support must delete it/);
    }
    expect(planned.plan.summary.delete).toBe(0);
    // Hands-off: a live secondary apply never managed is not in the plan at all.
    expect(planned.plan.actions.map((a) => a.sid)).not.toContain(outside);

    const r = await w.cli("apply", w.dir, "--auto-approve", "--prune");
    expect(r.stdout).toContain("Nothing to change");
    const live = await w.client.trusthub.v1
      .customerProfiles(recs["maple-fitness"]!.profileSid)
      .fetch();
    expect(live.status).toBe("twilio-approved");
    expect((await w.client.trusthub.v1.customerProfiles(outside).fetch()).status).toBe("draft");
  });

  it("deletes an undeclared rejected secondary with --prune", async () => {
    const rec = (await w.managed())["bluebird-bakery"]!;
    await w.ctl.reject(rec.profileSid, [18601]);
    const planned = await w.plan("--prune");
    expect(planned.plan.actions[0]).toMatchObject({
      key: "bluebird-bakery",
      action: "delete",
      status: "twilio-rejected",
    });
    const r = await w.cli("apply", w.dir, "--auto-approve", "--prune");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(await gone(() => w.client.trusthub.v1.customerProfiles(rec.profileSid).fetch())).toBe(
      true,
    );
    expect((await w.client.trusthub.v1.customerProfiles(outside).fetch()).status).toBe("draft");
  });
});

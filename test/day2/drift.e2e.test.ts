/**
 * Drift, end to end: the real CLI, the real Pulumi engine, the emulator. The
 * steps share one account and one stack and run in order:
 *  - a managed secondary deleted outside the tool (through the SDK) is planned
 *    as a create; apply re-creates it (Pulumi's state still names the old
 *    profile, whose 404 reads as gone) and the next plan is empty;
 *  - a field edited in the Console (through the SDK, on a draft) is an update;
 *  - a managed primary Trust Hub no longer holds is blocked with Console steps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { applyWorld, type ApplyWorld } from "./apply-world.ts";

let w: ApplyWorld;

beforeAll(async () => {
  w = await applyWorld();
  const first = await w.cli("apply", w.dir, "--auto-approve");
  expect(first.code, first.stdout + first.stderr).toBe(EXIT.ok);
}, 180_000);
afterAll(() => w?.close());

describe("drift against the emulator with the real Pulumi engine", () => {
  it("re-creates a managed secondary deleted outside the tool", async () => {
    const old = (await w.managed())["harbor-dental"]!;
    await w.client.trusthub.v1.customerProfiles(old.profileSid).remove();

    const planned = await w.plan();
    expect(planned.code).toBe(EXIT.changes);
    const harbor = planned.plan.actions.find((a) => a.key === "harbor-dental")!;
    expect(harbor.action).toBe("create");
    expect(harbor.reasons).toContain(
      `managed profile ${old.profileSid} no longer exists in Trust Hub`,
    );
    expect(planned.plan.actions.filter((a) => a.action !== "no-op")).toHaveLength(1);

    const from = w.exchanges.length;
    const r = await w.cli("apply", w.dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Apply finished: 1 created, 0 adopted, 0 updated/);
    const now = (await w.managed())["harbor-dental"]!;
    expect(now.profileSid).not.toBe(old.profileSid);
    const live = await w.client.trusthub.v1.customerProfiles(now.profileSid).fetch();
    expect([live.friendlyName, live.status]).toEqual(["Harbor Dental Group", "draft"]);
    const writes = w.writesSince(from);
    expect(writes.filter((x) => x === "POST /v1/CustomerProfiles")).toHaveLength(1);
    expect(writes.filter((x) => x === "POST /v1/EndUsers")).toHaveLength(3);
    // The whole bundle hangs off the new profile: 3 end users, the document, the primary.
    const assigned = await w.client.trusthub.v1
      .customerProfiles(now.profileSid)
      .customerProfilesEntityAssignments.list();
    expect(assigned).toHaveLength(5);

    const after = await w.plan();
    expect(after.code, JSON.stringify(after.plan.actions)).toBe(EXIT.ok);
    expect(after.plan.summary.create + after.plan.summary.update).toBe(0);
  });

  it("shows a field edited in the Console on a draft as an update, and apply puts it back", async () => {
    const rec = (await w.managed())["harbor-dental"]!;
    const business = await w.client.trusthub.v1.endUsers(rec.endUsers.business!).fetch();
    const attrs = business.attributes as Record<string, unknown>;
    await w.client.trusthub.v1
      .endUsers(rec.endUsers.business!)
      .update({ attributes: { ...attrs, business_industry: "EDUCATION" } });
    await w.client.trusthub.v1
      .customerProfiles(rec.profileSid)
      .update({ email: "changed-in-console@harbor-dental.example" });

    const planned = await w.plan();
    expect(planned.code).toBe(EXIT.changes);
    const harbor = planned.plan.actions.find((a) => a.key === "harbor-dental")!;
    expect(harbor.action).toBe("update");
    expect(harbor.changes).toEqual([
      { slot: "profile", field: "email", sensitive: true },
      {
        slot: "business",
        field: "business_industry",
        before: "EDUCATION",
        after: "HEALTHCARE",
        sensitive: false,
      },
    ]);
    // Personal values never reach the plan: the edited email is redacted.
    expect(JSON.stringify(planned.plan)).not.toContain("changed-in-console");

    const from = w.exchanges.length;
    const r = await w.cli("apply", w.dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/1 updated/);
    expect(w.writesSince(from).sort()).toEqual(
      [
        `POST /v1/CustomerProfiles/${rec.profileSid}`,
        `POST /v1/EndUsers/${rec.endUsers.business}`,
      ].sort(),
    );
    expect((await w.plan()).code).toBe(EXIT.ok);
  });

  it("reports a managed primary that Trust Hub no longer holds as blocked", async () => {
    // The API cannot delete a primary (only the Console can): Pulumi's record points at a gone SID.
    const gone = `BU${"0".repeat(32)}`;
    const p = await preparePlan({
      paths: [w.dir],
      env: w.env,
      cwd: w.cwd,
      readManaged: async (ctx) => {
        const real = await (await import("../../src/state/pulumi-state.ts")).readManaged(ctx);
        return { ...real, northwind: { ...real["northwind"]!, profileSid: gone } };
      },
    });
    await p.close();
    const primary = p.plan.actions.find((a) => a.key === "northwind")!;
    expect(primary.action).toBe("blocked");
    expect(primary.reasons).toContain(`managed profile ${gone} no longer exists in Trust Hub`);
    expect(primary.consoleSteps[0]).toMatch(/^Create the primary customer profile/);
  });
});

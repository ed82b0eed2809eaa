/** Plan -> Pulumi resources (pure): who is written, who is held, who is left out. */
import { expect, it } from "vitest";
import { resourceSpecs } from "../../src/apply/specs.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import type { ObservedAccount, ObservedProfile } from "../../src/model/trusthub.ts";
import { loadIsv } from "./fixtures.ts";

const sid = (n: number) => `BU${n.toString(16).padStart(32, "0")}`;

function profile(
  n: number,
  friendlyName: string,
  policySid: string,
  status: ObservedProfile["status"],
): ObservedProfile {
  return {
    sid: sid(n),
    policySid,
    friendlyName,
    email: "ops@example.com",
    statusCallback: "",
    status,
    dateUpdated: "2026-01-01T00:00:00Z",
    validUntil: null,
    errors: [],
  };
}

it("writes what the plan writes, holds every other managed profile, adopts immutables record-only", async () => {
  const config = await loadIsv();
  const observed: ObservedAccount = {
    target: { kind: "emulator", url: "http://127.0.0.1:1", accountSid: `AC${"0".repeat(32)}` },
    profiles: [
      profile(1, "Northwind Messaging primary", POLICY_SIDS.primaryBusiness, "twilio-approved"),
      profile(2, "Harbor Dental Group", POLICY_SIDS.secondary, "in-review"),
      profile(3, "Old Brand", POLICY_SIDS.secondary, "draft"),
    ],
    endUsers: [],
    documents: [],
    addresses: [],
    assignments: {},
    managed: {
      "harbor-dental": { key: "harbor-dental", profileSid: sid(2), endUsers: {}, assignments: {} },
      "old-brand": { key: "old-brand", profileSid: sid(3), endUsers: {}, assignments: {} },
    },
  };
  const plan = buildPlan(config, observed);
  const specs = resourceSpecs(config, observed, plan);
  const view = Object.fromEntries(
    specs.map((s) => [
      s.key,
      { mode: s.mode, adopt: s.adoptSid ?? null, recordOnly: s.recordOnly === true },
    ]),
  );
  expect(view).toEqual({
    northwind: { mode: "apply", adopt: sid(1), recordOnly: true }, // approved: recorded, never written
    "bluebird-bakery": { mode: "apply", adopt: null, recordOnly: false },
    "maple-fitness": { mode: "apply", adopt: null, recordOnly: false },
    "harbor-dental": { mode: "hold", adopt: null, recordOnly: false }, // in-review: skipped
    "old-brand": { mode: "hold", adopt: null, recordOnly: false }, // managed, no longer declared, no --prune
  });
  const bluebird = specs.find((s) => s.key === "bluebird-bakery")!;
  expect(bluebird.desired?.primarySid).toBe(sid(1));
  expect(bluebird.observed).toBeNull();
  expect(specs.find((s) => s.key === "harbor-dental")!.desired).toBeUndefined();
});

/**
 * Plan -> Pulumi resources (pure): who is written, who is held, who is left
 * out; the inputs are the plan's own (decided once by buildPlan), kept whole
 * by redaction and never part of any output.
 */
import { expect, it } from "vitest";
import { resourceSpecs as allSpecs } from "../../src/apply/specs.ts";
import { isProductSpec } from "../../src/apply/resource.ts";
import type { Plan, ResourceInputs } from "../../src/model/plan.ts";

import { PROVIDER_INPUTS } from "../../src/model/plan.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { redactPlan } from "../../src/plan/redact.ts";
import { parsePlanFile, renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import type { ObservedAccount, ObservedProfile } from "../../src/model/trusthub.ts";
import { loadIsv } from "./fixtures.ts";

/** The profiles' resources (these fixtures declare no trust products). */
const resourceSpecs = (plan: Plan): ResourceInputs[] =>
  allSpecs(plan).filter((s): s is ResourceInputs => !isProductSpec(s));

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

function account(): ObservedAccount {
  return {
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
}

it("writes what the plan writes, holds every other managed profile, adopts immutables record-only", async () => {
  const config = await loadIsv();
  const observed = account();
  const plan = buildPlan(config, observed);
  const specs = resourceSpecs(plan);
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

it("hands the provider the plan's own bundles, in registration order, primary first", async () => {
  const config = await loadIsv();
  const plan = buildPlan(config, account());
  const specs = resourceSpecs(plan);
  expect(specs.map((s) => s.key)).toEqual([
    "northwind",
    "bluebird-bakery",
    "harbor-dental",
    "maple-fitness",
    "old-brand",
  ]);
  // The same objects the actions carry: one decision, no copy to drift from.
  for (const a of plan.actions) {
    const spec = specs.find((s) => s.key === a.key);
    if (a[PROVIDER_INPUTS] !== undefined) expect(spec).toBe(a[PROVIDER_INPUTS]);
  }
  // Every secondary the plan writes hangs off the primary the plan chose.
  const written = specs.filter((s) => s.mode === "apply" && s.kind === "secondary");
  expect(written.map((s) => s.desired?.primarySid)).toEqual([sid(1), sid(1)]);
});

it("redaction for output never touches the provider inputs, and no output shows them", async () => {
  const config = await loadIsv();
  const shown = buildPlan(config, account(), { showSensitive: true });
  const plan = buildPlan(config, account());
  expect(resourceSpecs(plan)).toEqual(resourceSpecs(shown));
  expect(resourceSpecs(redactPlan(plan))).toEqual(resourceSpecs(shown));
  const maple = resourceSpecs(plan).find((s) => s.key === "maple-fitness")!;
  const rep = maple.desired!.endUsers.find((u) => u.slot === "representative1")!;
  expect(rep.attributes["email"]).toBe("quinn@maple-fitness.example");
  for (const out of [
    JSON.stringify(plan),
    renderJson(plan),
    renderText(plan, { color: false }),
    renderMarkdown(plan),
  ]) {
    expect(out).not.toContain("quinn@maple-fitness.example");
  }
  expect(renderJson(plan)).toBe(renderJson(buildPlan(config, account())));
});

it("refuses to carry out a plan that was not made by buildPlan (one read back from a file)", async () => {
  const config = await loadIsv();
  const [parsed] = parsePlanFile(renderJson(buildPlan(config, account())));
  expect(() => resourceSpecs(parsed!.plan)).toThrow(/no provider inputs/);
});

it("a targeted plan holds every other managed profile; a pruned one is not registered", async () => {
  const config = await loadIsv();
  const targeted = resourceSpecs(buildPlan(config, account(), { targets: ["maple-fitness"] }));
  expect(targeted.map((s) => [s.key, s.mode])).toEqual([
    ["harbor-dental", "hold"],
    ["maple-fitness", "apply"],
    ["old-brand", "hold"],
  ]);
  const pruned = resourceSpecs(buildPlan(config, account(), { prune: true }));
  expect(pruned.map((s) => s.key)).not.toContain("old-brand");
});

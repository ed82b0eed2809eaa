/**
 * Pure units: a subaccount's plan (ObservedAccount.parentPrimary set, no
 * primary declared or live in the account). Inputs: scenario 002 seen from a
 * subaccount: its primary moved to the parent. Secondaries link to the
 * parent's primary; without one they wait for it, naming the parent; pruning
 * and the safety thresholds work as in any account.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import type { Config } from "../../src/model/config.ts";
import type { Plan } from "../../src/model/plan.ts";
import type { ObservedAccount, ParentPrimary } from "../../src/model/trusthub.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { parentPrimaryOf } from "../../src/plan/parent-primary.ts";
import { checkSafety, DEFAULT_SAFETY, existingManaged } from "../../src/plan/safety.ts";

const DIR = join(import.meta.dirname, "../scenarios/002-all-in-sync");
const PRIMARY = "BU091b12e7ce12c5a1badf39014c22e2d1";
const HARBOR = "BU5f2a366bd882638b28a5e1bf48eb6460";

async function scenario(): Promise<{ config: Config; observed: ObservedAccount }> {
  const loaded = await loadConfig([join(DIR, "config.yaml")], {
    env: {},
    cwd: DIR,
    now: new Date("2026-06-01T00:00:00Z"),
  });
  const observed = JSON.parse(readFileSync(join(DIR, "observed.json"), "utf8")) as ObservedAccount;
  return { config: loaded.config!, observed };
}

/** The subaccount's view: no primary of its own; the parent's (as parentPrimaryOf saw it). */
async function subaccount(parent: ParentPrimary | undefined, drop: string[] = []) {
  const { config, observed } = await scenario();
  const parentView = parentPrimaryOf("isv", config, observed);
  const sub: ObservedAccount = {
    ...observed,
    profiles: observed.profiles.filter((p) => p.sid !== PRIMARY),
    managed: Object.fromEntries(
      Object.entries(observed.managed).filter(([k]) => k !== "northwind"),
    ),
  };
  if (parent !== undefined) sub.parentPrimary = parent;
  const { primary: _p, ...rest } = config;
  void _p;
  const cfg: Config = {
    ...rest,
    secondaries: config.secondaries.filter((s) => !drop.includes(s.key)),
  };
  return { config: cfg, observed: sub, parentView };
}

const brief = (p: Plan) => p.actions.map((a) => `${a.key}:${a.action}`).join(" ");

describe("a subaccount's plan", () => {
  it("the parent's primary, read from the parent's plan inputs, carries SID, status and identity", async () => {
    const { parentView } = await subaccount(undefined);
    expect(parentView).toEqual({
      account: "isv",
      sid: PRIMARY,
      status: "twilio-approved",
      identity: "isv_reseller_or_partner",
    });
  });

  it("secondaries linked to the parent's primary are in sync", async () => {
    const { config, observed, parentView } = await subaccount(undefined);
    const plan = buildPlan(config, { ...observed, parentPrimary: parentView });
    expect(brief(plan)).toBe("bluebird-bakery:no-op harbor-dental:no-op");
  });

  it("a secondary deleted outside is re-created and linked to the parent's primary", async () => {
    const { config, observed, parentView } = await subaccount(undefined);
    observed.profiles = observed.profiles.filter((p) => p.sid !== HARBOR);
    const plan = buildPlan(config, { ...observed, parentPrimary: parentView });
    const harbor = plan.actions.find((a) => a.key === "harbor-dental")!;
    expect(harbor.action).toBe("create");
    const link = harbor.changes.find((c) => c.slot === "assignments");
    expect(JSON.stringify(link)).toContain(PRIMARY);
  });

  it("without a parent primary, a new secondary waits for it, naming the parent", async () => {
    const { config, observed } = await subaccount({ account: "isv" });
    observed.profiles = observed.profiles.filter((p) => p.sid !== HARBOR);
    const plan = buildPlan(config, observed);
    const harbor = plan.actions.find((a) => a.key === "harbor-dental")!;
    expect(harbor.action).toBe("blocked");
    expect(harbor.notes.map((n) => n.message).join("\n")).toContain(
      "waits for the primary profile of the parent account isv",
    );
    expect(harbor.notes.map((n) => n.message).join("\n")).not.toContain("Console first");
  });

  it("prune deletes an undeclared draft in the subaccount; the safety threshold counts its profiles", async () => {
    const { config, observed, parentView } = await subaccount(undefined, ["harbor-dental"]);
    const plan = buildPlan(config, { ...observed, parentPrimary: parentView }, { prune: true });
    expect(brief(plan)).toBe("harbor-dental:delete bluebird-bakery:no-op");
    expect(existingManaged(observed)).toBe(2);
    // Counted per subaccount: 2 managed here (not the parent's), so 1 delete is half of them.
    expect(checkSafety(plan, existingManaged(observed))).toEqual([]);
    const strict = { ...DEFAULT_SAFETY, minExisting: 1 };
    expect(checkSafety(plan, existingManaged(observed), strict).map((v) => v.code)).toEqual([
      "safety/too-many-deletes",
    ]);
  });
});

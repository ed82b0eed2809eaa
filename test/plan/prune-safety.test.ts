/**
 * Pure units: undeclared managed profiles (plan/prune.ts through buildPlan)
 * and the safety thresholds (plan/safety.ts). Inputs: scenario 002 (a primary,
 * an approved and a draft secondary, all managed) with parts of the YAML removed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import type { Config } from "../../src/model/config.ts";
import type { Plan, ProfileAction } from "../../src/model/plan.ts";
import type { ObservedAccount } from "../../src/model/trusthub.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { checkSafety, existingManaged, safetyText } from "../../src/plan/safety.ts";

const DIR = join(import.meta.dirname, "../scenarios/002-all-in-sync");

async function inputs(): Promise<{ config: Config; observed: ObservedAccount }> {
  const loaded = await loadConfig([join(DIR, "config.yaml")], {
    env: {},
    cwd: DIR,
    now: new Date("2026-06-01T00:00:00Z"),
  });
  const observed = JSON.parse(readFileSync(join(DIR, "observed.json"), "utf8")) as ObservedAccount;
  return { config: loaded.config!, observed };
}

const without = (config: Config, ...keys: string[]): Config => ({
  ...config,
  secondaries: config.secondaries.filter((s) => !keys.includes(s.key)),
});

const brief = (p: Plan) => p.actions.map((a) => `${a.key}:${a.action}`).join(" ");

describe("undeclared managed profiles", () => {
  it("are left out of a plan that declares everything", async () => {
    const { config, observed } = await inputs();
    const plan = buildPlan(config, observed, { prune: true });
    expect(plan.actions.every((a) => a.notes.every((n) => !n.code.startsWith("prune/")))).toBe(
      true,
    );
  });

  it("a draft is a delete only with prune, and the checksum tells the two plans apart", async () => {
    const { config, observed } = await inputs();
    const cfg = without(config, "harbor-dental");
    const kept = buildPlan(cfg, observed);
    const pruned = buildPlan(cfg, observed, { prune: true });
    expect(brief(kept)).toBe("northwind:no-op bluebird-bakery:no-op harbor-dental:no-op");
    expect(brief(pruned)).toBe("harbor-dental:delete northwind:no-op bluebird-bakery:no-op");
    expect(kept.checksum).not.toBe(pruned.checksum);
    expect(pruned.fingerprints["BU5f2a366bd882638b28a5e1bf48eb6460"]?.status).toBe("draft");
  });

  it("a targeted plan plans nothing undeclared", async () => {
    const { config, observed } = await inputs();
    const plan = buildPlan(without(config, "harbor-dental"), observed, {
      prune: true,
      targets: ["bluebird-bakery"],
    });
    expect(brief(plan)).toBe("bluebird-bakery:no-op");
  });

  it("never deletes a primary", async () => {
    const { config, observed } = await inputs();
    const { primary: _primary, ...rest } = config;
    void _primary;
    const plan = buildPlan({ ...rest }, observed, { prune: true });
    const a = plan.actions.find((x) => x.key === "northwind")!;
    expect([a.action, a.kind]).toEqual(["no-op", "primary-business"]);
    expect(a.notes.map((n) => n.code)).toEqual(["prune/primary"]);
  });

  it("never deletes a profile now declared under another key (a renamed key)", async () => {
    const { config, observed } = await inputs();
    const renamed = config.secondaries.map((s) =>
      s.key === "harbor-dental" ? { ...s, key: "harbor" } : s,
    );
    const plan = buildPlan({ ...config, secondaries: renamed }, observed, { prune: true });
    const old = plan.actions.find((x) => x.key === "harbor-dental")!;
    expect(old.action).toBe("no-op");
    expect(old.notes.map((n) => n.code)).toEqual(["prune/claimed"]);
    expect(plan.actions.find((x) => x.key === "harbor")?.action).toBe("adopt");
  });

  it("a record whose profile is already gone is forgotten with prune", async () => {
    const { config, observed } = await inputs();
    const account = {
      ...observed,
      profiles: observed.profiles.filter((p) => p.friendlyName !== "Harbor Dental Group"),
    };
    const plan = buildPlan(without(config, "harbor-dental"), account, { prune: true });
    expect(plan.actions[0]).toMatchObject({ key: "harbor-dental", action: "delete" });
    expect(plan.actions[0]!.status).toBeUndefined();
  });
});

function planWith(actions: Partial<ProfileAction>[]): Plan {
  return {
    actions: actions.map((a, i) => ({
      key: `k${i}`,
      kind: "secondary",
      action: "no-op",
      reasons: [],
      changes: [],
      submit: false,
      consoleSteps: [],
      notes: [],
      ...a,
    })),
    checksum: "sha256:abc",
  } as unknown as Plan;
}

const change = { slot: "profile", field: "email", sensitive: true } as const;
const times = (n: number, a: Partial<ProfileAction>): Partial<ProfileAction>[] =>
  Array.from({ length: n }, () => a);

describe("safety thresholds", () => {
  it("do not apply below 10 existing profiles", () => {
    const plan = planWith(times(9, { action: "update", changes: [change] }));
    expect(checkSafety(plan, 9)).toEqual([]);
  });

  it("allow 30% and refuse more, for updates and deletes separately", () => {
    const three = planWith([...times(3, { action: "update", changes: [change] })]);
    expect(checkSafety(three, 10)).toEqual([]);
    const four = planWith([
      ...times(4, { action: "update", changes: [change] }),
      ...times(4, { action: "delete" }),
    ]);
    const v = checkSafety(four, 10);
    expect(v.map((x) => [x.code, x.count, x.existing])).toEqual([
      ["safety/too-many-updates", 4, 10],
      ["safety/too-many-deletes", 4, 10],
    ]);
    expect(v[0]!.message).toBe("too many updates: 40.00% is over 30.00% (4/10 managed profiles)");
    expect(safetyText(v, "sha256:abc")).toContain("--ack-checksum sha256:abc (or --force)");
  });

  it("count neither submit-only updates nor creates and adoptions", () => {
    const plan = planWith([
      ...times(5, { action: "update", changes: [], submit: true }),
      ...times(5, { action: "create", changes: [change] }),
      ...times(5, { action: "adopt", changes: [change] }),
    ]);
    expect(checkSafety(plan, 10)).toEqual([]);
  });

  it("existing = managed records whose profile is live", async () => {
    const { observed } = await inputs();
    expect(existingManaged(observed)).toBe(3);
    expect(existingManaged({ ...observed, profiles: observed.profiles.slice(1) })).toBe(2);
  });
});

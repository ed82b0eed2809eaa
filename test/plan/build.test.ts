import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
import { profilesNeedingAssignments } from "../../src/plan/match.ts";
import { business, config, emptyAccount, individual, primary, putLive } from "./fixtures.ts";

function isvAccount() {
  const acc = emptyAccount();
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  return { acc, primarySid };
}

describe("buildPlan", () => {
  it("fresh account: the primary is a Console step, secondaries are blocked behind it", () => {
    const plan = buildPlan(config(primary(), [business("acme")]), emptyAccount());
    expect(plan.actions.map((a) => [a.key, a.action])).toEqual([
      ["isv", "blocked"],
      ["acme", "blocked"],
    ]);
    expect(plan.actions[0]!.consoleSteps).toHaveLength(2);
    expect(plan.actions[1]!.notes.map((n) => n.code)).toContain("prerequisite/primary");
    expect(plan.summary.blocked).toBe(2);
  });

  it("approved ISV primary: creates and submits new secondaries", () => {
    const { acc, primarySid } = isvAccount();
    const plan = buildPlan(config(primary(), [business("b"), business("a")]), acc);
    expect(plan.actions.map((a) => [a.key, a.action, a.submit])).toEqual([
      ["isv", "no-op", false],
      ["a", "create", true],
      ["b", "create", true],
    ]);
    expect(plan.summary).toMatchObject({ create: 2, "no-op": 1, submit: 2 });
    expect(plan.fingerprints).toEqual({
      [primarySid]: { status: "twilio-approved", dateUpdated: "2026-01-01T00:00:00Z" },
    });
  });

  it("in sync: all no-op, and identical inputs give byte-identical plans", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("a"), { primarySid, status: "twilio-approved" });
    putLive(acc, business("b", { submit: false }), { primarySid });
    const cfg = config(primary(), [business("a"), business("b", { submit: false })]);
    const one = buildPlan(cfg, acc);
    expect(one.actions.map((a) => a.action)).toEqual(["no-op", "no-op", "no-op"]);
    expect(one.actions.every((a) => a.changes.length === 0)).toBe(true);
    expect(JSON.stringify(buildPlan(cfg, structuredClone(acc)))).toBe(JSON.stringify(one));
    expect(one.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("draft secondary with a changed field: one update with that field, redacted when personal", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("a"), {
      primarySid,
      mutate: (b) => {
        b.endUsers[1]!.attributes["email"] = "old@acme.example";
      },
    });
    const plan = buildPlan(config(primary(), [business("a")]), acc);
    const a = plan.actions[1]!;
    expect([a.action, a.submit]).toEqual(["update", true]);
    expect(a.changes).toEqual([{ slot: "representative1", field: "email", sensitive: true }]);
    const shown = buildPlan(config(primary(), [business("a")]), acc, { showSensitive: true });
    expect(shown.actions[1]!.changes[0]).toMatchObject({
      before: "old@acme.example",
      after: "jane1@acme.example",
    });
    expect(shown.checksum).toBe(plan.checksum);
  });

  it("in-review secondary: skip, with the drift shown", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("a"), {
      primarySid,
      status: "in-review",
      mutate: (b) => void (b.endUsers[0]!.attributes["website_url"] = "https://old.example"),
    });
    const a = buildPlan(config(primary(), [business("a")]), acc).actions[1]!;
    expect(a.action).toBe("skip");
    expect(a.submit).toBe(false);
    expect(a.changes).toEqual([
      {
        slot: "business",
        field: "website_url",
        before: "https://old.example",
        after: "https://a.example",
        sensitive: false,
      },
    ]);
  });

  it("rejected secondary: update and resubmit when the YAML changed; warning when it did not", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("a"), {
      primarySid,
      status: "twilio-rejected",
      mutate: (b) => void (b.address.city = "Chicago"),
    });
    putLive(acc, business("b"), { primarySid, status: "twilio-rejected" });
    const plan = buildPlan(config(primary(), [business("a"), business("b")]), acc);
    expect(plan.actions.slice(1).map((a) => [a.key, a.action, a.submit])).toEqual([
      ["a", "update", true],
      ["b", "no-op", false],
    ]);
    expect(plan.actions[1]!.reasons).toContain("resubmit for review");
    expect(plan.actions[2]!.notes.map((n) => n.code)).toEqual([
      "status/rejected",
      "status/rejected-unchanged",
    ]);
  });

  it("unmanaged live match: adopt, after reading its assignments", () => {
    const { acc, primarySid } = isvAccount();
    const sid = putLive(acc, business("a"), { primarySid, managed: false });
    const cfg = config(primary(), [business("a")]);
    expect(profilesNeedingAssignments(cfg, acc)).toEqual([sid]);
    const a = buildPlan(cfg, acc).actions[1]!;
    expect([a.action, a.sid, a.changes]).toEqual(["adopt", sid, []]);
  });

  it("two live matches: blocked with an error naming both SIDs", () => {
    const { acc, primarySid } = isvAccount();
    const s1 = putLive(acc, business("a"), { primarySid, managed: false });
    const other = emptyAccount();
    putLive(other, business("a2", { friendlyName: "a profile" }), { primarySid, managed: false });
    acc.profiles.push(...other.profiles);
    const s2 = other.profiles[0]!.sid;
    const a = buildPlan(config(primary(), [business("a")]), acc).actions[1]!;
    expect(a.action).toBe("blocked");
    expect(a.notes[0]!.code).toBe("match/duplicate");
    expect(a.notes[0]!.message).toContain(s1);
    expect(a.notes[0]!.message).toContain(s2);
  });

  it("secondary prerequisites: primary not an ISV, primary still draft", () => {
    const acc = emptyAccount();
    const direct = primary();
    direct.business.identity = "direct_customer";
    putLive(acc, direct, { status: "twilio-approved" });
    const plan = buildPlan(config(direct, [business("a")]), acc);
    expect(plan.actions[1]!.action).toBe("blocked");
    expect(plan.actions[1]!.notes.map((n) => n.message).join()).toContain(
      "isv_reseller_or_partner",
    );

    const acc2 = emptyAccount();
    putLive(acc2, primary(), { status: "draft" });
    const plan2 = buildPlan(
      config(primary({ submit: false }), [business("a"), business("b", { submit: false })]),
      acc2,
    );
    expect(plan2.actions.map((a) => a.action)).toEqual(["no-op", "blocked", "create"]);
  });

  it("primary draft in sync that should be submitted: blocked on a Console step", () => {
    const acc = emptyAccount();
    putLive(acc, primary(), { status: "draft" });
    const a = buildPlan(config(primary()), acc).actions[0]!;
    expect(a.action).toBe("blocked");
    expect(a.consoleSteps[0]).toMatch(/Submit the primary/);
  });

  it("individual primary: Console create, photo ID and selfie", () => {
    const a = buildPlan(config(individual()), emptyAccount()).actions[0]!;
    expect(a.action).toBe("blocked");
    expect(a.consoleSteps).toHaveLength(4);
    expect(a.consoleSteps.join("\n")).toMatch(/photo ID[\s\S]*selfie/);
  });

  it("--target keeps only the named profiles and rejects unknown keys", () => {
    const { acc } = isvAccount();
    const cfg = config(primary(), [business("a"), business("b")]);
    expect(buildPlan(cfg, acc, { targets: ["b"] }).actions.map((a) => a.key)).toEqual(["b"]);
    expect(() => buildPlan(cfg, acc, { targets: ["zz"] })).toThrow(/zz.*declared: a, b, isv/);
  });

  it("a managed profile deleted outside the tool is re-created (secondary)", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("a"), { primarySid });
    acc.profiles = acc.profiles.filter((p) => !p.sid.startsWith("BUa"));
    const a = buildPlan(config(primary(), [business("a")]), acc).actions[1]!;
    expect(a.action).toBe("create");
    expect(a.reasons[0]).toMatch(/no longer exists/);
  });
});

describe("profilesNeedingAssignments", () => {
  it("asks only for adoptions and managed records that are incomplete or stale", () => {
    const { acc, primarySid } = isvAccount();
    putLive(acc, business("ok"), { primarySid });
    const stale = putLive(acc, business("stale"), { primarySid });
    acc.endUsers = acc.endUsers.filter((u) => !u.sid.startsWith("ITstale"));
    const partial = putLive(acc, business("partial"), { primarySid });
    delete acc.managed["partial"]!.documentSid;
    const adopt = putLive(acc, business("adopt"), {
      primarySid,
      managed: false,
      readAssignments: false,
    });
    const cfg = config(
      primary(),
      ["ok", "stale", "partial", "adopt"].map((k) => business(k)),
    );
    expect(profilesNeedingAssignments(cfg, acc)).toEqual([adopt, partial, stale].sort());
  });
});

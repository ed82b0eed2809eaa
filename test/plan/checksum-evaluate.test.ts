import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { evaluateBundle } from "../../src/plan/evaluate.ts";
import { planExitCode } from "../../src/plan/exit-code.ts";
import { sha256Hex } from "../../src/plan/sha256.ts";
import { stableStringify } from "../../src/plan/stable-json.ts";
import { business, config, emptyAccount, individual, primary, putLive, rep } from "./fixtures.ts";

describe("sha256Hex", () => {
  it.each(["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "ünïcødé ✓ 🚀".repeat(100)])(
    "matches node:crypto for %#",
    (text) => {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    },
  );
});

describe("stableStringify", () => {
  it("sorts keys at every level and drops undefined", () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"x":2,"z":1}]},"b":1}',
    );
  });
});

describe("plan checksum", () => {
  function setup() {
    const acc = emptyAccount();
    const p = putLive(acc, primary(), { status: "twilio-approved" });
    putLive(acc, business("a"), { primarySid: p });
    return { acc, cfg: config(primary(), [business("a")]) };
  }

  it("ignores source positions and file names, not meaning", () => {
    const { acc, cfg } = setup();
    const base = buildPlan(cfg, acc).checksum;
    const moved = structuredClone(cfg);
    moved.files = ["elsewhere.yaml"];
    moved.secondaries[0]!.source = { file: "elsewhere.yaml", line: 99, column: 7 };
    expect(buildPlan(moved, acc).checksum).toBe(base);
    const edited = structuredClone(cfg);
    edited.secondaries[0]!.business.websiteUrl = "https://other.example";
    expect(buildPlan(edited, acc).checksum).not.toBe(base);
  });

  it("changes when a live profile's status or date_updated changes, or an end user drifts", () => {
    const { acc, cfg } = setup();
    const base = buildPlan(cfg, acc).checksum;
    const status = structuredClone(acc);
    status.profiles[1]!.status = "in-review";
    expect(buildPlan(cfg, status).checksum).not.toBe(base);
    const touched = structuredClone(acc);
    touched.profiles[1]!.dateUpdated = "2026-02-02T00:00:00Z";
    expect(buildPlan(cfg, touched).checksum).not.toBe(base);
    const drift = structuredClone(acc);
    drift.endUsers.find(
      (u) => u.type === "authorized_representative_1" && u.sid.includes("a0000000"),
    )!.attributes["email"] = "x@y.example";
    expect(buildPlan(cfg, drift).checksum).not.toBe(base);
  });

  it("differs per account and per --target selection", () => {
    const { acc, cfg } = setup();
    const base = buildPlan(cfg, acc).checksum;
    const other = structuredClone(acc);
    other.target = { ...other.target, accountSid: "AC" + "f".repeat(32) };
    expect(buildPlan(cfg, other).checksum).not.toBe(base);
    expect(buildPlan(cfg, acc, { targets: ["a"] }).checksum).not.toBe(base);
    const url = structuredClone(acc);
    url.target = { ...url.target, url: "http://127.0.0.1:9999" };
    expect(buildPlan(cfg, url).checksum).toBe(base);
  });
});

describe("evaluateBundle", () => {
  it("is quiet for a complete bundle", () => {
    expect(
      evaluateBundle(desiredBundle(business("a", { representatives: [rep(1), rep(2)] }), {})),
    ).toEqual([]);
    expect(evaluateBundle(desiredBundle(individual(), {}))).toEqual([]);
  });

  it("warns about what Twilio's evaluation rejects at once, naming fields only", () => {
    const p = business("a");
    p.business.registration.number = "12-34";
    p.business.websiteUrl = "not a url";
    p.business.regionsOfOperation = ["MARS"];
    p.representatives = [{ ...rep(1), phone: "2025550101", email: "nope", firstName: "" }];
    p.address.postalCode = " ";
    p.address.isoCountry = "USA";
    const notes = evaluateBundle(desiredBundle(p, {}));
    expect(notes.map((n) => n.code)).toEqual([
      "policy/22215",
      "policy/enum",
      "policy/url",
      "policy/registration",
      "policy/email",
      "policy/phone",
      "policy/22219",
      "policy/address",
    ]);
    expect(notes.every((n) => n.severity === "warning")).toBe(true);
    expect(notes.map((n) => n.message).join("\n")).not.toMatch(/2025550101|12-34|not a url/);
  });

  it("checks the individual's birth date", () => {
    const p = individual();
    p.individual.dateOfBirth = "1980-02-30";
    expect(evaluateBundle(desiredBundle(p, {})).map((n) => n.message)).toEqual([
      "individual: birth_date is not a date (YYYY-MM-DD)",
    ]);
    p.individual.dateOfBirth = "2030-01-01";
    expect(
      evaluateBundle(desiredBundle(p, {}), { today: "2026-06-01" }).map((n) => n.code),
    ).toEqual(["policy/date"]);
  });
});

describe("planExitCode", () => {
  const acc = () => {
    const a = emptyAccount();
    putLive(a, primary(), { status: "twilio-approved" });
    return a;
  };
  it("0 without --detailed-exitcode whatever the plan holds", () => {
    expect(planExitCode(buildPlan(config(primary(), [business("a")]), emptyAccount()), false)).toBe(
      EXIT.ok,
    );
  });
  it("0 / 2 / 3 with it; blocked wins over changes", () => {
    expect(planExitCode(buildPlan(config(primary()), acc()), true)).toBe(EXIT.ok);
    expect(planExitCode(buildPlan(config(primary(), [business("a")]), acc()), true)).toBe(
      EXIT.changes,
    );
    const blockedToo = acc();
    putLive(blockedToo, business("dup"), { managed: false });
    putLive(blockedToo, business("dup2", { friendlyName: "dup profile" }), { managed: false });
    const plan = buildPlan(config(primary(), [business("a"), business("dup")]), blockedToo);
    expect(plan.summary).toMatchObject({ create: 1, blocked: 1 });
    expect(planExitCode(plan, true)).toBe(EXIT.blocked);
  });
});

/**
 * The import emitter and Twilio's vocabulary and guidance: values we do not
 * list are kept as {unlisted}, and the ISV's shared email and callback are
 * written once under defaults. Round trips plan only adoptions.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitConfig } from "../../src/workflow/emit/emit.ts";
import { loadConfig } from "../../src/config/index.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { account, business, OPTS, rep, sid } from "./emit-kit.ts";

describe("import and Twilio's values", () => {
  it("keeps values Twilio returns that we do not list as {unlisted}: valid YAML, warnings, no changes planned", async () => {
    const a = account();
    a.add({
      n: 1,
      policy: POLICY_SIDS.primaryBusiness,
      name: "Acme",
      status: "twilio-approved",
      users: [business(), rep(1), rep(2)],
    });
    a.add({
      n: 2,
      policy: POLICY_SIDS.secondary,
      name: "Brand",
      status: "twilio-approved",
      users: [
        business({
          business_identity: "unknown",
          business_type: "Public Benefit Corporation",
          business_industry: "SPACE",
          business_registration_identifier: "Other",
          business_registration_other_type: "State charter",
          business_regions_of_operation: ["USA_AND_CANADA", "ANTARCTICA"],
        }),
        rep(1, { job_position: "COO" }),
      ],
    });
    a.assignments[sid("BU", 2)]!.push({ sid: sid("BV", 99), objectSid: sid("BU", 1) });
    const out = emitConfig(a, OPTS);
    expect(out.warnings).toEqual([
      expect.stringMatching(
        /^brand \(BU0+2\): business_type, business_industry, business_regions_of_operation, job_position hold values Twilio does not document/,
      ),
    ]);
    const doc = parse(out.yaml) as { secondaries: { business: Record<string, unknown> }[] };
    expect(doc.secondaries[0]!.business).toMatchObject({
      identity: "unknown",
      type: { unlisted: "Public Benefit Corporation" },
      industry: { unlisted: "SPACE" },
      registration: { type: "Other", otherType: "State charter" },
      regionsOfOperation: ["USA_AND_CANADA", { unlisted: "ANTARCTICA" }],
    });
    const dir = mkdtempSync(join(tmpdir(), "trusthub-emit-"));
    writeFileSync(join(dir, "t.yaml"), out.yaml);
    const env = Object.fromEntries(out.env.map((e) => [e.name, e.value]));
    const loaded = await loadConfig(["t.yaml"], { env, cwd: dir });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(
      loaded.diagnostics.filter((d) => d.code === "rule/unlisted-value").map((d) => d.path),
    ).toEqual([
      "/secondaries/0/business/type",
      "/secondaries/0/business/industry",
      "/secondaries/0/business/regionsOfOperation/1",
      "/secondaries/0/representatives/0/jobPosition",
    ]);
    const plan = buildPlan(loaded.config!, a);
    expect(plan.actions.map((x) => [x.key, x.action, x.changes.length])).toEqual([
      ["acme", "adopt", 0],
      ["brand", "adopt", 0],
    ]);
  });

  it("secondaries sharing the ISV's email and callback: written once under defaults (Twilio's ISV guide)", async () => {
    const a = account();
    a.add({
      n: 1,
      policy: POLICY_SIDS.primaryBusiness,
      name: "Acme",
      status: "twilio-approved",
      users: [business(), rep(1), rep(2)],
    });
    for (const n of [2, 3]) {
      a.add({
        n,
        policy: POLICY_SIDS.secondary,
        name: `Brand ${n}`,
        status: "twilio-approved",
        users: [business({ business_identity: "direct_customer" }), rep(1)],
      });
      const p = a.profiles.find((x) => x.sid === sid("BU", n))!;
      p.email = "trusthub-ops@acme.example";
      p.statusCallback = "https://acme.example/status";
      a.assignments[sid("BU", n)]!.push({ sid: sid("BV", 90 + n), objectSid: sid("BU", 1) });
    }
    const out = emitConfig(a, OPTS);
    const doc = parse(out.yaml) as {
      defaults: Record<string, string>;
      secondaries: Record<string, unknown>[];
    };
    expect(doc.defaults).toEqual({
      notificationEmail: "${env:TRUSTHUB_DEFAULTS_NOTIFICATION_EMAIL}",
      statusCallback: "https://acme.example/status",
    });
    for (const s of doc.secondaries) {
      expect(s["email"]).toBeUndefined();
      expect(s["statusCallback"]).toBeUndefined();
    }
    expect(
      out.env.filter((e) => e.value === "trusthub-ops@acme.example").map((e) => e.name),
    ).toEqual(["TRUSTHUB_DEFAULTS_NOTIFICATION_EMAIL"]);
    expect(out.yaml).not.toContain("trusthub-ops@acme.example");
    const dir = mkdtempSync(join(tmpdir(), "trusthub-emit-"));
    writeFileSync(join(dir, "t.yaml"), out.yaml);
    const env = Object.fromEntries(out.env.map((e) => [e.name, e.value]));
    const loaded = await loadConfig(["t.yaml"], { env, cwd: dir });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const plan = buildPlan(loaded.config!, a);
    expect(plan.actions.map((x) => [x.key, x.action, x.changes.length])).toEqual([
      ["acme", "adopt", 0],
      ["brand-2", "adopt", 0],
      ["brand-3", "adopt", 0],
    ]);
  });
});

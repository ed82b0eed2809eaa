/**
 * The pure import emitter (src/workflow/emit/emit*.ts) on hand-built accounts: keys,
 * env names and quoting (read back by Node's parseEnv and by bash), which
 * profiles are written, escaping of literal `${env:`, and the round trip
 * emit -> loadConfig -> buildPlan giving only adoptions without changes.
 * The in-memory ObservedAccount leaves out what the SDK reader adds (dates
 * as Twilio formats them, paging); test/day2/import.e2e.test.ts covers those.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitConfig } from "../../src/workflow/emit/emit.ts";
import {
  keyFromName,
  quoteEnvValue,
  renderEnvFile,
  uniqueKey,
} from "../../src/workflow/emit/emit-env.ts";
import { loadConfig } from "../../src/config/index.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { account, business, OPTS, rep, sid } from "./emit-kit.ts";

describe("keys and env names", () => {
  it("derives kebab-case keys and keeps them unique", () => {
    expect(keyFromName("Bluebird Bakery, LLC")).toBe("bluebird-bakery-llc");
    expect(keyFromName("  Café Déjà Vu  ")).toBe("cafe-deja-vu");
    expect(keyFromName("!!!")).toBe("profile");
    expect(keyFromName("x".repeat(80))).toHaveLength(60);
    const taken = new Set<string>();
    expect(["a", "a", "a"].map((k) => uniqueKey(k, taken))).toEqual(["a", "a-2", "a-3"]);
  });

  const values = [
    "plain",
    "+12025550123",
    "with spaces and # hash",
    "O'Brien",
    'say "hi"',
    "$HOME `x` \\n",
    "José Ñandú",
    "a=b;c&d|e",
  ];
  it("quotes values so Node's parseEnv and bash read them back unchanged", () => {
    const entries = values.map((value, i) => ({ name: `V${i}`, value, comment: `v${i}` }));
    const { text, unquotable } = renderEnvFile(entries, { yaml: "t.yaml", env: "t.env" });
    expect(unquotable).toEqual([]);
    const expected = Object.fromEntries(entries.map((e) => [e.name, e.value]));
    expect(parseEnv(text)).toEqual(expected);
    const file = join(mkdtempSync(join(tmpdir(), "trusthub-env-")), "t.env");
    writeFileSync(file, text);
    const names = entries.map((e) => e.name).join(" ");
    const out = spawnSync(
      "bash",
      ["-c", `set -a; . "$0"; for n in ${names}; do printf '%s\\0' "\${!n}"; done`, file],
      { encoding: "utf8", env: {} },
    );
    expect(out.stdout.split("\0").slice(0, -1)).toEqual(values);
  });

  it("leaves a value it cannot quote safely empty and says so", () => {
    expect(quoteEnvValue(`it's "$x"`)).toBeUndefined();
    expect(quoteEnvValue("two\nlines")).toBeUndefined();
    const r = renderEnvFile([{ name: "X", value: `it's "$x"`, comment: "c" }], {
      yaml: "t.yaml",
      env: "t.env",
    });
    expect(r.unquotable).toEqual(["X"]);
    expect(r.text).toMatch(/^X=$/m);
  });
});

describe("emitConfig", () => {
  it("round trip: the written YAML, loaded with its env values, plans only adoptions without changes", async () => {
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
      name: "Brand ${env:HOME}",
      status: "twilio-rejected",
      users: [
        business({ business_identity: "direct_customer", business_name: "Brand $${env:X}" }),
        rep(1),
      ],
    });
    a.assignments[sid("BU", 2)]!.push({ sid: sid("BV", 99), objectSid: sid("BU", 1) });
    const out = emitConfig(a, OPTS);
    expect(out.warnings).toEqual([]);
    const doc = parse(out.yaml) as { secondaries: { friendlyName: string; key: string }[] };
    expect(doc.secondaries[0]).toMatchObject({
      key: "brand-env-home",
      friendlyName: "Brand $${env:HOME}",
    });
    for (const v of ["Ann1", "O'Brien", "ann2@acme.example", "123456789", "1 Main St", "02110"]) {
      expect(out.yaml).not.toContain(v);
    }
    const dir = mkdtempSync(join(tmpdir(), "trusthub-emit-"));
    writeFileSync(join(dir, "t.yaml"), out.yaml);
    const env = Object.fromEntries(out.env.map((e) => [e.name, e.value]));
    const loaded = await loadConfig(["t.yaml"], { env, cwd: dir });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const config = loaded.config!;
    expect(config.secondaries[0]!.friendlyName).toBe("Brand ${env:HOME}");
    expect(config.secondaries[0]!.business.name).toBe("Brand $${env:X}");
    const plan = buildPlan(config, a);
    expect(plan.actions.map((x) => [x.key, x.action, x.changes.length, x.submit])).toEqual([
      ["acme", "adopt", 0, false],
      ["brand-env-home", "adopt", 0, false],
    ]);
  });

  it("an individual primary: every personal field and the whole address are references; gaps are empty", () => {
    const a = account();
    a.add({
      n: 3,
      policy: POLICY_SIDS.primaryIndividual,
      name: "Jo Solo",
      users: [
        [
          "individual_customer_profile_information",
          {
            first_name: "Jo",
            last_name: "Solo",
            email: "jo@x.example",
            phone_number: "+12025550100",
          },
        ],
      ],
    });
    const out = emitConfig(a, OPTS);
    const doc = parse(out.yaml) as { primary: Record<string, Record<string, string>> };
    expect(doc.primary["type"]).toBe("individual");
    expect(doc.primary["submit"]).toBe(false);
    expect(doc.primary["address"]!["city"]).toBe("${env:TRUSTHUB_JO_SOLO_ADDRESS_CITY}");
    expect(doc.primary["address"]!["isoCountry"]).toBe("US");
    expect(doc.primary["individual"]!["dateOfBirth"]).toBe(
      "${env:TRUSTHUB_JO_SOLO_INDIVIDUAL_DATE_OF_BIRTH}",
    );
    expect(out.env.find((e) => e.name.endsWith("DATE_OF_BIRTH"))).toMatchObject({ value: "" });
    expect(out.envText).toMatch(
      /# jo-solo: individual birth_date \(not found in Trust Hub: fill it in\)\nTRUSTHUB_JO_SOLO_INDIVIDUAL_DATE_OF_BIRTH=\n/,
    );
  });

  it("writes one primary, pins a secondary whose friendly name repeats, leaves other policies out", () => {
    const a = account();
    a.add({
      n: 4,
      policy: POLICY_SIDS.primaryBusiness,
      name: "Old",
      status: "draft",
      users: [business()],
    });
    a.add({
      n: 5,
      policy: POLICY_SIDS.primaryBusiness,
      name: "Main",
      status: "twilio-approved",
      users: [business(), rep(1)],
    });
    a.add({
      n: 6,
      policy: POLICY_SIDS.secondary,
      name: "Twin",
      status: "draft",
      users: [business(), rep(1)],
    });
    a.add({
      n: 7,
      policy: POLICY_SIDS.secondary,
      name: "Twin",
      status: "in-review",
      users: [business(), rep(1)],
    });
    a.add({ n: 8, policy: POLICY_SIDS.starter, name: "Starter", users: [] });
    a.managed = {
      "main-account": {
        key: "main-account",
        profileSid: sid("BU", 5),
        endUsers: {},
        assignments: {},
      },
    };
    const out = emitConfig(a, OPTS);
    expect(out.profiles.map((p) => [p.key, p.sid])).toEqual([
      ["main-account", sid("BU", 5)],
      ["twin", sid("BU", 7)],
    ]);
    const doc = parse(out.yaml) as { secondaries: { sid?: string }[] };
    expect(doc.secondaries[0]!.sid).toBe(sid("BU", 7));
    expect(out.warnings).toHaveLength(3);
    expect(out.warnings.join("\n")).toMatch(new RegExp(`${sid("BU", 4)}.*another primary`));
    expect(out.warnings.join("\n")).toMatch(
      new RegExp(`${sid("BU", 6)}.*same friendly name "Twin"`),
    );
    expect(out.warnings.join("\n")).toMatch(new RegExp(`${sid("BU", 8)}.*does not manage`));
  });

  it("starts with the modeline and is byte-identical for identical input", () => {
    const a = account();
    a.add({ n: 9, policy: POLICY_SIDS.secondary, name: "Solo", users: [business(), rep(1)] });
    const one = emitConfig(a, OPTS);
    expect(one.yaml.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=schemas/trusthub.schema.json",
    );
    expect(emitConfig(a, OPTS)).toEqual(one);
  });
});

/** Semantic rules and normalisation details not covered by the invalid fixtures. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { toE164 } from "../../src/config/phone.ts";
import { canonicalRegistrationNumber, registrationProblem } from "../../src/config/registration.ts";
import { isHttpUrl } from "../../src/config/rules/contact.ts";
import { dateOfBirthProblem } from "../../src/config/rules/date-of-birth.ts";
import { RULES } from "../../src/config/rules/index.ts";
import type { BusinessProfile } from "../../src/model/config.ts";
import { INDIVIDUAL_ONLY, PRIMARY_ONLY, SECONDARIES_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { memoryIo, pos, tempDir, validate } from "./helpers.ts";

async function load(files: Record<string, string>, now?: Date) {
  const dir = tempDir(files);
  return loadConfig(["."], { cwd: dir, env: {}, ...(now ? { now } : {}) });
}

const ONE_REP = edit(
  SECONDARIES_ONLY,
  SECONDARIES_ONLY.slice(SECONDARIES_ONLY.indexOf("      - firstName: Riley3")),
  "",
);

describe("warnings", () => {
  it("a secondary with one representative: warning at `representatives`, still valid", async () => {
    const r = await load({ "a.yaml": PRIMARY_ONLY, "b.yaml": ONE_REP });
    expect(r.config).toBeDefined();
    expect(r.diagnostics).toMatchObject([
      {
        code: "rule/single-representative",
        severity: "warning",
        file: "b.yaml",
        ...pos(ONE_REP, "representatives:"),
      },
    ]);
  });

  it("DUNS: warning at the registration type", async () => {
    const duns = edit(
      PRIMARY_ONLY,
      "      type: EIN\n      number: 12-3456789\n",
      "      type: DUNS\n      number: 12-345-6789\n",
    );
    const r = await load({ "a.yaml": duns });
    expect(r.diagnostics).toMatchObject([
      { code: "rule/duns", severity: "warning", ...pos(duns, "DUNS") },
    ]);
    expect((r.config?.primary as BusinessProfile).business.registration.number).toBe("123456789");
  });

  it("secondaries without a declared primary: warning that the live primary must be an ISV", async () => {
    const r = await load({ "b.yaml": SECONDARIES_ONLY });
    expect(r.config?.secondaries).toHaveLength(1);
    expect(r.diagnostics).toMatchObject([
      {
        code: "rule/primary-undeclared",
        severity: "warning",
        file: "b.yaml",
        ...pos(SECONDARIES_ONLY, "key: brand-3"),
      },
    ]);
  });

  it("warnings print but do not fail `trusthub validate`", async () => {
    const dir = tempDir({ "b.yaml": ONE_REP });
    const io = memoryIo(dir);
    expect(await validate(["b.yaml"], io)).toBe(0);
    expect(io.err).toContain("b.yaml:24:5: warning rule/single-representative: ");
    expect(io.err).toContain("b.yaml:4:5: warning rule/primary-undeclared: ");
    expect(io.out).toBe("valid: 0 primaries, 1 secondary in 1 file (2 warnings)\n");
  });
});

describe("combining files and documents", () => {
  it("a file may hold several documents", async () => {
    const text = `${PRIMARY_ONLY}---\n${SECONDARIES_ONLY}`;
    const r = await load({ "all.yaml": text });
    expect(r.diagnostics).toEqual([]);
    expect(r.config?.secondaries[0]?.source).toEqual({
      file: "all.yaml",
      ...pos(text, "key: brand-3"),
    });
  });

  it("diagnostics are sorted by file, line, column", async () => {
    const bad = (t: string) =>
      edit(edit(t, "  key: acme\n", "  key: ACME\n"), "    city: Washington\n", "    city: 5\n");
    const text = bad(PRIMARY_ONLY);
    const r = await load({ "b.yaml": text, "a.yaml": text });
    const key = pos(text, "ACME");
    const city = pos(text, "5\n");
    const at = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(at).toEqual(
      ["a.yaml", "b.yaml"].flatMap((f) => [
        `${f}:${key.line}:${key.column}`,
        `${f}:${city.line}:${city.column}`,
      ]),
    );
  });

  it("defaults.submit applies to every file; a profile's own submit wins", async () => {
    const primary = edit(PRIMARY_ONLY, "version: 1\n", "version: 1\ndefaults:\n  submit: false\n");
    const own = edit(
      SECONDARIES_ONLY,
      "    friendlyName: Brand 3\n",
      "    friendlyName: Brand 3\n    submit: true\n",
    );
    const r = await load({
      "a.yaml": primary,
      "b.yaml": SECONDARIES_ONLY.replace(/brand-3|Brand 3/g, (m) => m.replace("3", "9")),
      "c.yaml": own,
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.config?.primary?.submit).toBe(false);
    expect(r.config?.secondaries.map((s) => s.submit)).toEqual([false, true]);
  });

  it("submit defaults to true", async () => {
    const r = await load({ "a.yaml": PRIMARY_ONLY });
    expect(r.config?.primary?.submit).toBe(true);
  });

  it("country codes are accepted in lower case and normalised", async () => {
    const r = await load({ "a.yaml": edit(PRIMARY_ONLY, "isoCountry: US", "isoCountry: us") });
    expect(r.diagnostics).toEqual([]);
    expect(r.config?.primary?.address.isoCountry).toBe("US");
  });

  it("an individual primary normalises its phone", async () => {
    const r = await load({ "i.yaml": edit(INDIVIDUAL_ONLY, '"+12025550147"', "202-555-0147") });
    expect(r.diagnostics).toEqual([]);
    expect(
      r.config?.primary?.kind === "primary-individual" && r.config.primary.individual.phone,
    ).toBe("+12025550147");
  });

  it("no paths and no trusthub.yaml or trusthub/: io/no-config", async () => {
    const r = await loadConfig([], { cwd: tempDir({}), env: {} });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["io/no-config"]);
  });

  it("no paths: ./trusthub.yaml, else ./trusthub/", async () => {
    const file = await loadConfig([], {
      cwd: tempDir({ "trusthub.yaml": PRIMARY_ONLY, "Pulumi.yaml": "name: x\n" }),
      env: {},
    });
    expect(file.config?.files).toEqual(["trusthub.yaml"]);
    const dir = await loadConfig([], {
      cwd: tempDir({ "trusthub/a.yml": PRIMARY_ONLY, "Pulumi.yaml": "name: x\n" }),
      env: {},
    });
    expect(dir.config?.files).toEqual(["trusthub/a.yml"]);
  });

  it("a missing path and an empty directory are errors naming them", async () => {
    const cwd = tempDir({ "empty/readme.txt": "x" });
    const r = await loadConfig(["nope.yaml", "empty"], { cwd, env: {} });
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["io/no-files", "empty"],
      ["io/not-found", "nope.yaml"],
    ]);
  });
});

describe("value checks", () => {
  const now = new Date("2026-06-15T12:00:00Z");
  it.each([
    ["2010-06-15", undefined],
    ["2010-06-16", "is not plausible (age must be 16 to 120)"],
    ["1906-06-15", undefined],
    ["1905-06-14", "is not plausible (age must be 16 to 120)"],
    ["2001-02-29", "is not a calendar date"],
    ["1984-6-15", "must be a date written YYYY-MM-DD"],
  ])("date of birth %s", (value, problem) => {
    expect(dateOfBirthProblem(value, now)).toBe(problem);
  });

  it("a date of birth under 16 is an error (injected clock)", async () => {
    const text = edit(INDIVIDUAL_ONLY, '"1984-06-15"', '"2012-01-01"');
    const r = await load({ "i.yaml": text }, now);
    expect(r.diagnostics).toMatchObject([
      { code: "rule/date-of-birth", ...pos(text, '"2012-01-01"') },
    ]);
  });

  it.each([
    ["EIN", "12-3456789", "123456789"],
    ["EIN", " 123456789 ", "123456789"],
    ["VAT", "de 123 456 789", "DE123456789"],
    ["CBN", "123456789 rt 0001", "123456789RT0001"],
    ["CN", "sc123456", "SC123456"],
    ["Other", " Reg 42 ", "Reg 42"],
  ] as const)("%s %s is plausible and canonical", (type, number, canonical) => {
    expect(registrationProblem(type, number)).toBeUndefined();
    expect(canonicalRegistrationNumber(type, number)).toBe(canonical);
  });

  it.each([
    ["+12025550123", "US", "+12025550123"],
    ["(202) 555-0123", "US", "+12025550123"],
    ["020 7946 0123", "GB", "+442079460123"],
    ["+442079460123", "US", "+442079460123"],
    ["555-0123", "US", undefined],
    ["+1202", "US", undefined],
    ["(202) 555-0123", "XX", undefined],
  ])("phone %s (%s) -> %s", (value, country, e164) => {
    expect(toE164(value, country)).toBe(e164);
  });

  it.each([
    ["https://acme.example", true],
    ["http://acme.example/path?q=1", true],
    ["HTTPS://ACME.EXAMPLE", true],
    ["ftp://acme.example", false],
    ["acme.example", false],
    ["https://", false],
    ["http://localhost", false],
    ["javascript:alert(1)", false],
  ])("url %s -> %s", (value, ok) => {
    expect(isHttpUrl(value)).toBe(ok);
  });

  it("every rule is a named function", () => {
    expect(RULES.every((r) => r.name.length > 0)).toBe(true);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });
});

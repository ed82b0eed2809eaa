/**
 * Table test over test/fixtures/invalid (see test/fixtures/generate-invalid.ts):
 * each fixture fails with exactly the expected code at the expected position,
 * through loadConfig and through the CLI.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { generateInvalid, INVALID_DIR } from "../fixtures/generate-invalid.ts";
import { INVALID, invalidFixtures, memoryIo, validate } from "./helpers.ts";

const { cases, env } = invalidFixtures();

describe("invalid fixtures", () => {
  it("are exactly what test/fixtures/generate-invalid.ts writes (rerun it after editing the list)", () => {
    const generated = generateInvalid();
    const onDisk = readdirSync(INVALID_DIR, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(INVALID_DIR.length + 1))
      .sort();
    expect(onDisk).toEqual([...generated.keys()].sort());
    for (const [rel, text] of generated) {
      expect(readFileSync(join(INVALID_DIR, rel), "utf8"), rel).toBe(text);
    }
  });

  it("has at least 100 fixtures, each with an expectation", () => {
    const entries = readdirSync(INVALID).filter((n) => !n.endsWith(".json"));
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it("covers every kind of problem the issue lists", () => {
    const codes = new Set(cases.map(([, e]) => e.code));
    for (const code of [
      "yaml/syntax",
      "yaml/duplicate-key",
      "schema/type",
      "schema/unknown-field",
      "schema/required",
      "schema/enum",
      "rule/phone",
      "rule/email",
      "rule/url",
      "rule/duplicate-key",
      "env/missing",
      "rule/secondary-needs-isv",
      "rule/two-primaries",
      "rule/same-representative",
      // issue 14: phone numbers and trust products
      "schema/minimum",
      "rule/duplicate-phone-number",
      "rule/product-phone-number",
      "rule/product-no-numbers",
      "rule/cnam-display-name",
      "rule/cnam-registration",
      "rule/cnam-number",
      "rule/a2p-stock-fields",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(cases)("%s", async (name, want) => {
    const result = await loadConfig([name], { cwd: INVALID, env });
    expect(result.config).toBeUndefined();
    const at = result.diagnostics
      .filter((d) => d.code === want.code && d.severity === "error")
      .map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(at).toContain(`${want.file}:${want.line}:${want.column}`);
  });
});

describe("invalid fixtures through the CLI", () => {
  it.each(cases)("%s", async (name, want) => {
    const io = memoryIo(INVALID, env);
    expect(await validate([name], io)).toBe(1);
    expect(io.err).toContain(`${want.file}:${want.line}:${want.column}: error ${want.code}: `);
    expect(io.out).toBe("");
  });
});

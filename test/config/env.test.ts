/** ${env:NAME} references: resolution, errors, and no resolved value in any output. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { resolveEnv } from "../../src/config/env.ts";
import type { BusinessProfile } from "../../src/model/config.ts";
import { REPO, memoryIo, tempDir, validate } from "./helpers.ts";

const PRIMARY = readFileSync(path.join(REPO, "examples/isv/primary.yaml"), "utf8");
const at = () => ({ file: "f.yaml", line: 1, column: 1 });

function withEnvRefs(): string {
  return PRIMARY.replace("firstName: Avery", "firstName: ${env:REP1_FIRST}")
    .replace('phone: "+12025550123"', 'phone: "${env:REP1_PHONE}"')
    .replace("number: 12-3456789", 'number: "${env:EIN}"')
    .replace("street: 100 Example Avenue", "street: ${env:STREET_NO} Example Avenue");
}

describe("resolveEnv", () => {
  it("replaces whole and embedded references and trims", () => {
    const r = resolveEnv({ a: "${env:A}", b: [" x ${env:B}y "], c: 3 }, { A: "1", B: "2" }, at);
    expect(r.value).toEqual({ a: "1", b: ["x 2y"], c: 3 });
    expect(r.diagnostics).toEqual([]);
    expect([...r.fromEnv].sort()).toEqual(["/a", "/b/0"]);
  });

  it("keeps $${env:NAME} as a literal ${env:NAME}", () => {
    const r = resolveEnv({ a: "$${env:A}" }, {}, at);
    expect(r.value).toEqual({ a: "${env:A}" });
    expect(r.diagnostics).toEqual([]);
  });

  it("reports missing, empty and malformed references", () => {
    const r = resolveEnv(
      { a: "${env:NOPE}", b: "${env:EMPTY}", c: "${env:9x}" },
      { EMPTY: " " },
      at,
    );
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["env/missing", "/a"],
      ["env/missing", "/b"],
      ["env/invalid-reference", "/c"],
    ]);
    expect(r.diagnostics[0]?.message).toContain("NOPE");
  });
});

describe("env references in a config", () => {
  const env = {
    REP1_FIRST: "Avery",
    REP1_PHONE: "(202) 555-0123",
    EIN: "12-3456789",
    STREET_NO: "100",
  };

  it("resolve into the normalised config", async () => {
    const dir = tempDir({ "primary.yaml": withEnvRefs() });
    const { config, diagnostics } = await loadConfig([dir], { cwd: dir, env });
    expect(diagnostics).toEqual([]);
    const primary = config?.primary as BusinessProfile;
    expect(primary.representatives[0].firstName).toBe("Avery");
    expect(primary.representatives[0].phone).toBe("+12025550123");
    expect(primary.business.registration.number).toBe("123456789");
    expect(primary.address.street).toBe("100 Example Avenue");
  });

  it("a missing variable names the variable and its position, and gives no config", async () => {
    const dir = tempDir({ "primary.yaml": withEnvRefs() });
    const { config, diagnostics } = await loadConfig([dir], {
      cwd: dir,
      env: { ...env, REP1_PHONE: undefined },
    });
    expect(config).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "env/missing",
      file: "primary.yaml",
      line: 44,
      column: 15,
    });
    expect(diagnostics[0]?.message).toContain("REP1_PHONE");
  });

  it("never prints a resolved value: the source line is shown as written", async () => {
    const secret = {
      REP1_FIRST: "Avery",
      REP1_PHONE: "+1999SECRET77",
      EIN: "SECRET-EIN-42",
      STREET_NO: "100",
    };
    const dir = tempDir({ "primary.yaml": withEnvRefs() });
    for (const format of ["text", "json"]) {
      const io = memoryIo(dir, secret);
      expect(await validate(["--format", format, "."], io)).toBe(1);
      const output = io.out + io.err;
      expect(output).toContain(format === "text" ? "${env:REP1_PHONE}" : "rule/phone");
      expect(output).toContain("rule/registration-number");
      expect(output).not.toContain("SECRET");
    }
  });
});

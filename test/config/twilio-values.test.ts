/**
 * Every value Twilio documents validates; values Twilio may return that we do
 * not list are written {unlisted: X} (valid, with a warning at their place);
 * typos stay errors; registration type Other carries the other type's name.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import type { BusinessProfile } from "../../src/model/config.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { REGISTRATION_OTHER_TYPE_ATTRIBUTE } from "../../src/domain/twilio.ts";
import { PRIMARY_ONLY, SECONDARIES_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { memoryIo, pos, tempDir, validate } from "./helpers.ts";

async function load(text: string) {
  const dir = tempDir({ "a.yaml": text });
  return loadConfig(["."], { cwd: dir, env: {} });
}
const primary = (r: Awaited<ReturnType<typeof load>>) => r.config?.primary as BusinessProfile;

describe("Twilio's documented values", () => {
  it.each([
    ["identity: isv_reseller_or_partner", "identity: unknown"],
    ["type: Corporation", "type: Non-profit"],
    ["type: Corporation", "type: Limited Liability Partnership"],
    ["industry: TECHNOLOGY", "industry: ELECTRONICS"],
    ["industry: TECHNOLOGY", "industry: NOT_FOR_PROFIT"],
  ])("%s -> %s validates without diagnostics", async (from, to) => {
    const r = await load(edit(PRIMARY_ONLY, from, to));
    expect(r.diagnostics.filter((d) => d.code !== "rule/isv-primary")).toEqual([]);
    expect(r.config).toBeDefined();
  });

  it("a typo stays an error at its position, with one clear message", async () => {
    const text = edit(PRIMARY_ONLY, "industry: TECHNOLOGY", "industry: TECHNOLGY");
    const r = await load(text);
    expect(r.config).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      {
        code: "schema/enum",
        severity: "error",
        message: expect.stringContaining('did you mean "TECHNOLOGY"'),
        ...pos(text, "TECHNOLGY"),
      },
    ]);
  });

  it("{unlisted: X} validates with a warning at its place and is sent as X", async () => {
    const text = edit(
      edit(PRIMARY_ONLY, "industry: TECHNOLOGY", "industry: { unlisted: SPACE_TRAVEL }"),
      "jobPosition: CFO",
      "jobPosition: { unlisted: COO }",
    );
    const r = await load(text);
    expect(r.diagnostics).toMatchObject([
      { code: "rule/unlisted-value", severity: "warning", ...pos(text, "{ unlisted: SPACE") },
      { code: "rule/unlisted-value", severity: "warning", ...pos(text, "{ unlisted: COO") },
    ]);
    const p = primary(r);
    expect(p.business.industry).toBe("SPACE_TRAVEL");
    expect(p.representatives[1]?.jobPosition).toBe("COO");
    const bundle = desiredBundle(p, {});
    expect(bundle.endUsers[0]?.attributes["business_industry"]).toBe("SPACE_TRAVEL");
  });

  it("registration type Other asks for otherType, sent under the (unverified) attribute", async () => {
    const other = edit(
      PRIMARY_ONLY,
      "      type: EIN\n      number: 12-3456789\n",
      "      type: Other\n      number: SC-12345\n",
    );
    const missing = await load(other);
    expect(missing.config).toBeDefined(); // a warning: the attribute key is unverified
    expect(missing.diagnostics).toMatchObject([
      { code: "rule/registration-other-type", severity: "warning", ...pos(other, "type: Other") },
    ]);
    const named = edit(
      other,
      "number: SC-12345\n",
      "number: SC-12345\n      otherType: State charter\n",
    );
    const r = await load(named);
    expect(r.diagnostics).toEqual([]);
    const attrs = desiredBundle(primary(r), {}).endUsers[0]?.attributes ?? {};
    expect(attrs["business_registration_identifier"]).toBe("Other");
    expect(attrs[REGISTRATION_OTHER_TYPE_ATTRIBUTE]).toBe("State charter");

    const stray = edit(
      PRIMARY_ONLY,
      "number: 12-3456789\n",
      "number: 12-3456789\n      otherType: State charter\n",
    );
    const s = await load(stray);
    expect(s.diagnostics).toMatchObject([
      { code: "rule/registration-other-type", ...pos(stray, "otherType") },
    ]);
  });

  it("a secondary named with 70 characters: validate reports it at file:line:col (Twilio allows 64)", async () => {
    const long = "Brand 3 " + "x".repeat(62);
    expect(long).toHaveLength(70);
    const text = edit(SECONDARIES_ONLY, "friendlyName: Brand 3\n", `friendlyName: ${long}\n`);
    const dir = tempDir({ "brands.yaml": text });
    const io = memoryIo(dir);
    expect(await validate(["brands.yaml"], io)).not.toBe(0);
    const { line, column } = pos(text, long);
    expect(io.err + io.out).toContain(
      `brands.yaml:${line}:${column}: error schema/too-long: secondaries[0].friendlyName is longer than 64 characters, the most Twilio accepts (error 20002)`,
    );
  });
});

/**
 * Trust products (issue 14): the warnings (CNAM on a non-US number, an
 * unlisted companyType) and their acknowledgement; CNAM display names.
 * Errors: test/fixtures/fixtures-c.ts.
 */
import { describe, expect, it } from "vitest";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import { loadConfig } from "../../src/config/index.ts";
import { PRODUCT_ACKNOWLEDGEABLE } from "../../src/config/rules/acknowledge.ts";
import { cnamDisplayNameProblem } from "../../src/config/rules/products.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { ISV_NUMBERS, P_PRODUCTS } from "../fixtures/fixtures-c.ts";
import { pos, tempDir } from "./helpers.ts";

async function load(text: string) {
  const dir = tempDir({ "trusthub.yaml": text });
  return loadConfig(["trusthub.yaml"], { cwd: dir, env: {} });
}

describe("trust products: warnings", () => {
  const canadian = edit(
    ISV_NUMBERS,
    "      shakenStir: {}\n",
    "      cnam:\n        displayName: BRAND SIX\n",
  );

  it("CNAM on a non-US number: a warning at the product (it takes the profile's numbers)", async () => {
    const { config, diagnostics } = await load(canadian);
    expect(config).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      [
        "rule/cnam-us-number",
        "warning",
        pos(canadian, "cnam:").line,
        pos(canadian, "cnam:").column,
      ],
    ]);
  });

  it("the warning at a number the product lists, and acknowledged by the product", async () => {
    const listed = edit(
      canadian,
      "        displayName: BRAND SIX\n",
      '        displayName: BRAND SIX\n        phoneNumbers: ["+14165550171"]\n',
    );
    const { diagnostics } = await load(listed);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["rule/cnam-us-number", pos(listed, "        phoneNumbers").line],
    ]);
    const acked = edit(
      listed,
      "        displayName: BRAND SIX\n",
      "        displayName: BRAND SIX\n        acknowledge: [rule/cnam-us-number]\n",
    );
    expect((await load(acked)).diagnostics).toEqual([]);
  });

  it("CNAM on a toll-free number: the same warning", async () => {
    const text = edit(
      P_PRODUCTS,
      '  phoneNumbers: ["+12025550171", "+12025550172"]\n',
      '  phoneNumbers: ["+12025550171", "+18005550172"]\n',
    );
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["rule/cnam-us-number", pos(text, "cnam:").line, pos(text, "cnam:").column],
    ]);
    expect(diagnostics[0]?.message).toContain("1 of them not US local numbers");
  });

  it("an unlisted companyType is sent as written, with a warning", async () => {
    const text = edit(
      P_PRODUCTS,
      "      companyType: public\n      stockExchange: NASDAQ\n      stockTicker: ACME\n",
      "      companyType: { unlisted: sole_proprietor }\n",
    );
    const { config, diagnostics } = await load(text);
    expect(diagnostics.map((d) => d.code)).toEqual(["rule/unlisted-value"]);
    expect(config?.primary?.trustProducts[0]).toMatchObject({ companyType: "sole_proprietor" });
  });

  it("the schema's product acknowledge enum is the rules' list", () => {
    const defs = (schema as unknown as { $defs: Record<string, { items: { enum: string[] } }> })
      .$defs;
    expect(defs["productAcknowledge"]?.items.enum).toEqual([...PRODUCT_ACKNOWLEDGEABLE]);
  });

  it("CNAM display names: Twilio's conditions", () => {
    expect(cnamDisplayNameProblem("ACME INC.")).toBeUndefined();
    expect(cnamDisplayNameProblem("Acme, Co 2")).toBeUndefined();
    expect(cnamDisplayNameProblem("A".repeat(15))).toBeUndefined();
    expect(cnamDisplayNameProblem("A".repeat(16))).toMatch(/longer than 15/);
    expect(cnamDisplayNameProblem(" ACME")).toMatch(/begin with a letter/);
    expect(cnamDisplayNameProblem("ACME & CO")).toMatch(/only letters/);
  });
});

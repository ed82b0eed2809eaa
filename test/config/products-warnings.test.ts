/**
 * Trust products (issue 14): the warning (an unlisted companyType) and its
 * acknowledgement by the product; CNAM display names.
 * Errors: test/fixtures/fixtures-c.ts.
 */
import { describe, expect, it } from "vitest";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import { loadConfig } from "../../src/config/index.ts";
import { PRODUCT_ACKNOWLEDGEABLE } from "../../src/config/rules/acknowledge.ts";
import { cnamDisplayNameProblem } from "../../src/config/rules/products.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { P_PRODUCTS } from "../fixtures/fixtures-c.ts";
import { tempDir } from "./helpers.ts";

async function load(text: string) {
  const dir = tempDir({ "trusthub.yaml": text });
  return loadConfig(["trusthub.yaml"], { cwd: dir, env: {} });
}

describe("trust products: warnings", () => {
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

  it("a product acknowledges its unlisted companyType; its profile's acknowledge does not cover it", async () => {
    const unlisted = edit(
      P_PRODUCTS,
      "      companyType: public\n      stockExchange: NASDAQ\n      stockTicker: ACME\n",
      "      companyType: { unlisted: sole_proprietor }\n",
    );
    const acked = edit(
      unlisted,
      "    a2pMessaging:\n",
      "    a2pMessaging:\n      acknowledge: [rule/unlisted-value]\n",
    );
    expect((await load(acked)).diagnostics).toEqual([]);
    const other = edit(
      unlisted,
      "    shakenStir:\n",
      "    shakenStir:\n      acknowledge: [rule/unlisted-value]\n",
    );
    expect((await load(other)).diagnostics.map((d) => d.code)).toEqual(["rule/unlisted-value"]);
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

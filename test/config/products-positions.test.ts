/**
 * A valid config with trust products and phone numbers is loaded without
 * re-parsing its files with yaml (src/config/kept-positions.ts): the products'
 * sources come from the js-yaml events, and the rules ask for a position only
 * to place a diagnostic.
 */
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import type * as ParseModule from "../../src/config/parse.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { ISV_NUMBERS, P_PRODUCTS } from "../fixtures/fixtures-c.ts";
import { tempDir } from "./helpers.ts";
import { PRIMARY_ONLY } from "../fixtures/fixture-bases.ts";

const calls = vi.hoisted(() => ({ parseYaml: 0 }));
vi.mock("../../src/config/parse.ts", async (importOriginal) => {
  const mod = await importOriginal<typeof ParseModule>();
  return {
    ...mod,
    parseYaml: (...args: Parameters<typeof mod.parseYaml>) => {
      calls.parseYaml++;
      return mod.parseYaml(...args);
    },
  };
});

async function parsesOf(text: string) {
  calls.parseYaml = 0;
  const dir = tempDir({ "trusthub.yaml": text });
  const result = await loadConfig(["trusthub.yaml"], { cwd: dir, env: {} });
  return { result, parses: calls.parseYaml };
}

describe("positions of trust products", () => {
  it.each([
    ["a direct customer with four products", P_PRODUCTS],
    ["an ISV with a brand's numbers and SHAKEN/STIR", ISV_NUMBERS],
    ["a primary without products", PRIMARY_ONLY],
  ])("%s: valid, no yaml parse at all", async (_, text) => {
    const { result, parses } = await parsesOf(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.config).toBeDefined();
    expect(parses).toBe(0);
  });

  it("a diagnostic does re-parse the file once (the check above can fail)", async () => {
    const text = edit(
      P_PRODUCTS,
      "      displayName: ACME INC.\n",
      "      displayName: ACME INCORPORATED\n",
    );
    const { result, parses } = await parsesOf(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["rule/cnam-display-name"]);
    expect(parses).toBe(1);
  });
});

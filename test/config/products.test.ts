/**
 * Phone numbers and trust products in the language (issue 14): normalisation
 * (keys, order, defaults from the profile, numbers), positions on every parse
 * path. Warnings: products-warnings.test.ts; errors: test/fixtures/fixtures-c.ts.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config/index.ts";
import { parseFast } from "../../src/config/parse-fast.ts";
import { parseSplit } from "../../src/config/parse-split.ts";
import { defaultProductName } from "../../src/config/products.ts";
import { secondary } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { ISV_NUMBERS, P_PRODUCTS } from "../fixtures/fixtures-c.ts";
import { pos, REPO, tempDir } from "./helpers.ts";

async function load(text: string, opts: { fast?: boolean; splitFrom?: number } = {}) {
  const dir = tempDir({ "trusthub.yaml": text });
  return loadConfig(["trusthub.yaml"], { cwd: dir, env: {}, ...opts });
}

function products(config: Config | undefined) {
  return config?.primary?.trustProducts ?? [];
}

describe("trust products: normalisation", () => {
  it("a direct customer's primary with all four products is valid and normalised", async () => {
    const { config, diagnostics } = await load(P_PRODUCTS);
    expect(diagnostics).toEqual([]);
    expect(config?.primary?.phoneNumbers).toEqual(["+12025550171", "+12025550172"]);
    const all = products(config);
    expect(all.map((p) => p.key)).toEqual([
      "acme/a2p-messaging",
      "acme/shaken-stir",
      "acme/cnam",
      "acme/voice-integrity",
    ]);
    expect(all.map((p) => p.friendlyName)).toEqual([
      "Acme primary A2P Messaging",
      "Acme primary SHAKEN/STIR",
      "Acme primary CNAM",
      "Acme primary Voice Integrity",
    ]);
    for (const p of all) {
      expect(p).toMatchObject({ profileKey: "acme", email: "compliance@acme.example" });
      expect(p).toMatchObject({ statusCallback: "", submit: true });
      expect(p.sid).toBeUndefined();
    }
    const [a2p, ss, cnam, vi] = all;
    expect(a2p).toMatchObject({ kind: "a2p-messaging", companyType: "public", phoneNumbers: [] });
    expect(a2p).toMatchObject({ stockExchange: "NASDAQ", stockTicker: "ACME" });
    expect(ss?.phoneNumbers).toEqual(["+12025550171"]);
    // cnam and voiceIntegrity list no numbers: all of the profile's.
    expect(cnam).toMatchObject({
      displayName: "ACME INC.",
      phoneNumbers: config?.primary?.phoneNumbers,
    });
    expect(vi).toMatchObject({ useCase: "Appointment reminders", employeeCount: 50 });
    expect(vi).toMatchObject({
      averageDailyCallVolume: 200,
      phoneNumbers: ["+12025550171", "+12025550172"],
    });
    expect(vi && "notes" in vi).toBe(false);
    expect(a2p?.source).toEqual({
      file: "trusthub.yaml",
      ...pos(P_PRODUCTS, "companyType: public"),
    });
  });

  it("numbers: national formats read with the address country, sorted, unique across spellings", async () => {
    const text = edit(
      P_PRODUCTS,
      '  phoneNumbers: ["+12025550171", "+12025550172"]\n',
      '  phoneNumbers: ["(202) 555-0172", "+1 202 555 0171"]\n',
    );
    const { config, diagnostics } = await load(text);
    expect(diagnostics).toEqual([]);
    expect(config?.primary?.phoneNumbers).toEqual(["+12025550171", "+12025550172"]);
  });

  it("a product's own values win over the profile's; submit and callback follow the profile", async () => {
    const text = edit(
      edit(
        P_PRODUCTS,
        "  email: compliance@acme.example\n",
        "  email: compliance@acme.example\n  submit: false\n  statusCallback: https://acme.example/cb\n",
      ),
      "    shakenStir:\n",
      "    shakenStir:\n      friendlyName: Acme calls\n      email: voice@acme.example\n      submit: true\n      sid: BU0123456789abcdef0123456789abcde1\n",
    );
    const { config, diagnostics } = await load(text);
    expect(diagnostics).toEqual([]);
    const [a2p, ss] = products(config);
    expect(a2p).toMatchObject({ submit: false, statusCallback: "https://acme.example/cb" });
    expect(ss).toMatchObject({
      friendlyName: "Acme calls",
      email: "voice@acme.example",
      submit: true,
    });
    expect(ss?.sid).toBe("BU0123456789abcdef0123456789abcde1");
  });

  it("secondaries take products too, with the ISV's defaults", async () => {
    const { config, diagnostics } = await load(ISV_NUMBERS);
    expect(diagnostics).toEqual([]);
    const brand = config?.secondaries[0];
    expect(brand?.phoneNumbers).toEqual(["+14165550171"]);
    expect(brand?.trustProducts).toMatchObject([
      {
        key: "brand-6/shaken-stir",
        friendlyName: "Brand 6 SHAKEN/STIR",
        phoneNumbers: ["+14165550171"],
      },
    ]);
    expect(config?.primary?.trustProducts).toEqual([]);
  });

  it("a default name keeps the product's name and fits Twilio's 64 characters", () => {
    const long = "N".repeat(60);
    const name = defaultProductName(long, "Voice Integrity");
    expect(name).toHaveLength(64);
    expect(name.endsWith(" Voice Integrity")).toBe(true);
    expect(defaultProductName("Acme", "CNAM")).toBe("Acme CNAM");
  });

  const BOTH = `${P_PRODUCTS}secondaries:\n${secondary(8)}`;

  it.each([
    ["a secondary's products", ISV_NUMBERS],
    ["the primary's products, with secondaries", BOTH],
  ])("every parse path gives the same products and positions: %s", async (_, text) => {
    const fast = await load(text);
    const slow = await load(text, { fast: false });
    const split = await load(text, { fast: false, splitFrom: 0 });
    expect(fast.diagnostics).toEqual([]);
    expect(slow).toEqual(fast);
    expect(split).toEqual(fast);
    expect(parseSplit("f.yaml", text)).toBeDefined();
  });

  it("sources: the product's mapping", async () => {
    const { config } = await load(BOTH);
    expect(config?.primary?.trustProducts[3]?.source).toEqual({
      file: "trusthub.yaml",
      ...pos(BOTH, "useCase:"),
    });
    const isv = await load(ISV_NUMBERS, { fast: false, splitFrom: 0 });
    expect(isv.config?.secondaries[0]?.trustProducts[0]?.source).toEqual({
      file: "trusthub.yaml",
      ...pos(ISV_NUMBERS, "{}"),
    });
  });

  it("the js-yaml fast path keeps each product's position (no re-parse for a valid config)", () => {
    const kept = parseFast("f.yaml", P_PRODUCTS)?.kept;
    expect(kept?.get("/primary/trustProducts/a2pMessaging")).toEqual({
      file: "f.yaml",
      ...pos(P_PRODUCTS, "companyType: public"),
    });
    expect(kept?.get("/primary/trustProducts/voiceIntegrity")).toEqual({
      file: "f.yaml",
      ...pos(P_PRODUCTS, "useCase:"),
    });
    expect(
      parseFast("f.yaml", ISV_NUMBERS)?.kept.get("/secondaries/0/trustProducts/shakenStir"),
    ).toEqual({
      file: "f.yaml",
      ...pos(ISV_NUMBERS, "{}"),
    });
  });
});

describe("examples/isv: trust products", () => {
  it("is valid: A2P for three brands, SHAKEN/STIR for two, CNAM for one", async () => {
    const { config, diagnostics } = await loadConfig([path.join(REPO, "examples/isv")], {
      cwd: REPO,
      env: {},
    });
    expect(diagnostics).toEqual([]);
    const keys = config?.secondaries.flatMap((s) => s.trustProducts.map((p) => p.key));
    expect(keys).toEqual([
      "bluebird-bakery/a2p-messaging",
      "bluebird-bakery/shaken-stir",
      "bluebird-bakery/cnam",
      "harbor-dental/a2p-messaging",
      "maple-fitness/a2p-messaging",
      "maple-fitness/shaken-stir",
    ]);
    expect(config?.secondaries[2]?.trustProducts[0]).toMatchObject({
      companyType: "public",
      stockTicker: "MAPL",
    });
  });

  it("examples/direct: the direct customer's primary declares A2P messaging", async () => {
    const { config, diagnostics } = await loadConfig([path.join(REPO, "examples/direct")], {
      cwd: REPO,
      env: {},
    });
    expect(diagnostics).toEqual([]);
    expect(config?.primary?.trustProducts).toMatchObject([
      { key: "contoso-clinic/a2p-messaging", companyType: "non_profit" },
    ]);
  });
});

/**
 * Plans with trust products and phone numbers (issue 14) rendered in every
 * format against golden files (test/render/golden/products.*; regenerate
 * with `npm run test:update-goldens` and review the diff), the JSON valid
 * against schemas/plan.schema.json and read back byte for byte.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
import { parsePlanFile, renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { expectGolden } from "../helpers/golden.ts";
import { business, config, emptyAccount, primary, putLive } from "../plan/fixtures.ts";
import {
  a2p,
  cnam,
  putLiveProduct,
  putNumbers,
  shaken,
  withProducts,
} from "../plan/product-fixtures.ts";

const root = join(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(join(root, "schemas/plan.schema.json"), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const golden = (ext: string): string => join(import.meta.dirname, "golden", `products.${ext}`);

/** acme approved: A2P created, SHAKEN/STIR in review gains a number, an undeclared CNAM pruned;
 * beta pending review: its A2P waits; gamma approved: its approved A2P drifted (skip). */
function productPlan() {
  const acc = emptyAccount();
  const pn = putNumbers(acc, ["+12025550111", "+12025550112"]);
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  const acme = withProducts(
    business("acme"),
    (p) => [a2p(p), shaken(p, ["+12025550111", "+12025550112"])],
    ["+12025550111", "+12025550112"],
  );
  const beta = withProducts(business("beta"), (p) => [
    a2p(p, { companyType: "public", stockExchange: "NYSE", stockTicker: "BETA" }),
  ]);
  const gamma = withProducts(business("gamma"), (p) => [a2p(p)]);
  const acmeSid = putLive(acc, business("acme"), { primarySid, status: "twilio-approved" });
  putLive(acc, business("beta"), { primarySid, status: "pending-review" });
  const gammaSid = putLive(acc, business("gamma"), { primarySid, status: "twilio-approved" });
  acc.channelEndpoints = {
    [acmeSid]: [
      { sid: "RA" + "1".repeat(32), channelEndpointSid: pn["+12025550111"]! },
      { sid: "RA" + "2".repeat(32), channelEndpointSid: pn["+12025550112"]! },
    ],
  };
  putLiveProduct(acc, acme.trustProducts[1]!, acmeSid, {
    status: "in-review",
    numbers: [pn["+12025550111"]!],
  });
  putLiveProduct(acc, cnam(business("acme")), acmeSid);
  putLiveProduct(acc, gamma.trustProducts[0]!, gammaSid, {
    status: "twilio-approved",
    mutate: (d) => void (d.endUser!.attributes["company_type"] = "non_profit"),
  });
  return buildPlan(config(primary(), [acme, beta, gamma]), acc, { prune: true });
}

describe("plans with trust products", () => {
  const plan = productPlan();

  it("render as the golden files, in text, markdown and JSON", () => {
    expectGolden(golden("txt"), renderText(plan, { color: false }));
    expectGolden(golden("md"), renderMarkdown(plan));
    expectGolden(golden("json"), renderJson(plan));
  });

  it("give JSON valid against the schema, read back byte for byte", () => {
    const text = renderJson(plan);
    const data = JSON.parse(text) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const [saved] = parsePlanFile(text);
    expect(renderJson(saved!.plan)).toBe(text);
  });

  it("hold no personal value (emails of products are redacted)", () => {
    for (const out of [
      renderJson(plan),
      renderText(plan, { color: false }),
      renderMarkdown(plan),
    ]) {
      expect(out).not.toContain("ops+acme@isv.example");
    }
  });

  it("the schema refuses a product action of an unknown kind", () => {
    const data = JSON.parse(renderJson(plan)) as {
      actions: { trustProducts: { product: string }[] }[];
    };
    const withProducts = data.actions.find((a) => a.trustProducts.length > 0)!;
    withProducts.trustProducts[0]!.product = "rcs";
    expect(validate(data)).toBe(false);
  });
});

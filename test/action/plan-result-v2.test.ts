/** The action's plan reader takes plan format 2 (issue 14) and counts trust products too. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { labelsFor, readPlanJson } from "../../scripts/action/plan-result.ts";

const summary = {
  create: 0,
  update: 0,
  adopt: 0,
  "no-op": 2,
  skip: 0,
  blocked: 0,
  delete: 0,
  submit: 0,
};
const checksum = "sha256:" + "a".repeat(64);

describe("readPlanJson, plan format 2", () => {
  it("adds the trust products' counts to the profiles'", () => {
    const text = JSON.stringify({
      format_version: 2,
      summary,
      productSummary: { ...summary, "no-op": 0, blocked: 1 },
      checksum,
    });
    const r = readPlanJson(text);
    expect(r.counts).toMatchObject({ "no-op": 2, blocked: 1 });
    expect(labelsFor(r.counts)).toContain("trusthub:blocked");
  });

  it("reads a rendered plan with products: counts, and number assignments on a no-op", () => {
    // The golden JSON plan of test/render (acme: A2P created, CNAM pruned, a number to assign
    // to its in-review SHAKEN/STIR; beta's A2P blocked; gamma's approved A2P drifted).
    const golden = join(import.meta.dirname, "../render/golden/products.json");
    const r = readPlanJson(readFileSync(golden, "utf8"));
    expect(r.counts).toMatchObject({ create: 1, delete: 1, submit: 1, skip: 1, blocked: 1 });
    expect(r.numbers).toBe(1);
    expect(labelsFor(r.counts, r.numbers)).toEqual([
      "trusthub:changes",
      "trusthub:blocked",
      "trusthub:deletes",
    ]);
  });

  it("a plan whose only work is phone number assignments is labelled changes", () => {
    const numbersOnly = {
      format_version: 2,
      summary,
      productSummary: { ...summary, "no-op": 1 },
      actions: [
        {
          changes: [{ slot: "phoneNumbers", field: "+12025550111", after: "assigned" }],
          trustProducts: [
            { changes: [{ slot: "phoneNumbers", field: "+12025550111", before: "assigned" }] },
          ],
        },
      ],
      checksum,
    };
    const r = readPlanJson(JSON.stringify(numbersOnly));
    expect(r.numbers).toBe(2);
    expect(labelsFor(r.counts)).toEqual(["trusthub:no-changes"]);
    expect(labelsFor(r.counts, r.numbers)).toEqual(["trusthub:changes"]);
  });

  it("still reads format 1 and refuses others", () => {
    expect(readPlanJson(JSON.stringify({ format_version: 1, summary, checksum })).checksum).toBe(
      checksum,
    );
    expect(() => readPlanJson(JSON.stringify({ format_version: 3, summary, checksum }))).toThrow(
      /format_version 1 or 2/,
    );
  });
});

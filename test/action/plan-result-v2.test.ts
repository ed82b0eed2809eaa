/** The action's plan reader takes plan format 2 (issue 14) and counts trust products too. */
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

  it("still reads format 1 and refuses others", () => {
    expect(readPlanJson(JSON.stringify({ format_version: 1, summary, checksum })).checksum).toBe(
      checksum,
    );
    expect(() => readPlanJson(JSON.stringify({ format_version: 3, summary, checksum }))).toThrow(
      /format_version 1 or 2/,
    );
  });
});

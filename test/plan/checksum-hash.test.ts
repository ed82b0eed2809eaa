import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
import { stableStringify, stableStringifyTo } from "../../src/plan/stable-json.ts";
import { sha256Hex } from "../../src/workflow/hash.ts";
import { business, config, emptyAccount, primary } from "./fixtures.ts";

describe("buildPlan hash option", () => {
  it("gives the same checksum with node:crypto's sha256 as with the pure one", () => {
    const cfg = config(primary(), [business("bluebird")]);
    const calls: string[] = [];
    const plan = buildPlan(cfg, emptyAccount(), {
      hash: (s) => {
        calls.push(s);
        return sha256Hex(s);
      },
    });
    expect(calls).toHaveLength(1);
    expect(plan.checksum).toBe(buildPlan(cfg, emptyAccount()).checksum);
    expect(plan.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("hashes piece by piece to the same checksum (node:crypto's stream)", () => {
    const many = Array.from({ length: 300 }, (_, i) => business(`brand-${i}`));
    const cfg = config(primary(), many);
    expect(sha256Hex.stream).toBeDefined();
    const streamed = buildPlan(cfg, emptyAccount(), { hash: sha256Hex });
    const whole = buildPlan(cfg, emptyAccount(), { hash: (s) => sha256Hex(s) });
    expect(streamed.checksum).toBe(whole.checksum);
    expect(streamed.checksum).toBe(buildPlan(cfg, emptyAccount()).checksum);
  });
});

describe("stableStringifyTo", () => {
  it("writes exactly stableStringify's text, in pieces", () => {
    const big = "é😀".repeat(40_000);
    const values: unknown[] = [
      { b: 1, a: [3, undefined, () => 1, NaN, null, { z: "😀", y: undefined }], c: { 'k"': -0 } },
      [big, { big, n: 1e21, t: true, f: false, e: "" }],
      "plain",
      12.5,
      null,
      [],
      {},
    ];
    for (const v of values) {
      const pieces: string[] = [];
      stableStringifyTo(v, (p) => pieces.push(p));
      expect(pieces.join("")).toBe(stableStringify(v));
      if (v === values[1]) expect(pieces.length).toBeGreaterThan(1);
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
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
});

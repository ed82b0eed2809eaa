import { describe, expect, it } from "vitest";
import { mapPool } from "../../src/lib/pool.ts";

describe("mapPool", () => {
  it("keeps at most `size` in flight and returns results in the items' order", async () => {
    let inFlight = 0;
    let most = 0;
    const items = [50, 5, 30, 1, 20, 10, 2];
    const out = await mapPool(items, 3, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(items.map((ms, i) => `${i}:${ms}`));
    expect(most).toBe(3);
  });

  it("handles no items", async () => {
    expect(await mapPool([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { collectIfGrown, keptOnPurpose } from "../../src/state/heap-pace.ts";

const g = globalThis as { gc?: () => void };
const own = g.gc;
afterEach(() => {
  if (own === undefined) delete g.gc;
  else g.gc = own;
});

/** About 48 MB of heap, kept while the test holds it. */
const grow = (): number[] => new Array<number>(6_000_000).fill(0.5);

describe("heap pacing while the lists arrive (issue 15)", () => {
  it("collects once the heap grew by 32 MB, but not for data kept on purpose", () => {
    const gc = vi.fn();
    g.gc = gc;
    collectIfGrown(); // the baseline
    const first = grow();
    collectIfGrown();
    expect(gc).toHaveBeenCalledTimes(1);
    const second = grow();
    keptOnPurpose();
    collectIfGrown();
    expect(gc).toHaveBeenCalledTimes(1);
    expect(first.length + second.length).toBe(12_000_000);
  });
});

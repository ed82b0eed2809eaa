import { describe, expect, it } from "vitest";
import { mapPool, workQueue } from "../../src/lib/pool.ts";

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

describe("workQueue", () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("takes jobs while others run and returns results in the order added", async () => {
    const q = workQueue<number>(3);
    let inFlight = 0;
    let most = 0;
    const job = (i: number, ms: number) => async () => {
      most = Math.max(most, ++inFlight);
      await sleep(ms);
      inFlight--;
      return i;
    };
    q.add(job(0, 20));
    q.add(job(1, 1));
    await sleep(5);
    expect(inFlight).toBe(1); // the second finished, the first still runs
    for (let i = 2; i < 6; i++) q.add(job(i, 10 - i));
    expect(await q.drain()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });

  it("rejects with the first failure, a synchronous throw included, and starts nothing after it", async () => {
    const q = workQueue<number>(1);
    let started = 0;
    q.add(() => {
      started++;
      throw new Error("boom");
    });
    q.add(() => Promise.resolve(++started));
    await expect(q.drain()).rejects.toThrow("boom");
    expect(started).toBe(1);
  });
});

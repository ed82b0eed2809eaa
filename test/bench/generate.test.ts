import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { changedIndexes, keyOf, writeConfig } from "../../bench/generate.ts";
import { pool } from "../../bench/pool.ts";

const dirs: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(join(tmpdir(), "trusthub-bench-test-"));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("bench/generate", () => {
  it("writes N secondaries under one ISV primary that loadConfig accepts without diagnostics", async () => {
    const dir = await writeConfig(await tmp(), 12);
    const r = await loadConfig([dir], { env: {}, cwd: dir });
    expect(r.diagnostics).toEqual([]);
    const c = r.config!;
    expect(c.primary?.kind).toBe("primary-business");
    expect(c.secondaries.map((s) => s.key)).toEqual(Array.from({ length: 12 }, (_, i) => keyOf(i)));
    expect(new Set(c.secondaries.map((s) => s.friendlyName)).size).toBe(12);
    expect(await readFile(join(dir, "brands.yaml"), "utf8")).toContain(".example");
  });

  it("can split the secondaries over several files without changing the config", async () => {
    const one = (await loadConfig([await writeConfig(await tmp(), 7)], { env: {}, cwd: "/" }))
      .config!;
    const dir = await writeConfig(await tmp(), 7, new Set(), 3);
    expect((await readdir(dir)).sort()).toEqual([
      "brands-0000.yaml",
      "brands-0001.yaml",
      "brands-0002.yaml",
      "primary.yaml",
    ]);
    const split = (await loadConfig([dir], { env: {}, cwd: "/" })).config!;
    const data = (p: object) => JSON.stringify({ ...p, source: undefined });
    expect(split.secondaries.map(data)).toEqual(one.secondaries.map(data));
  });

  it("changes only the website URL of the chosen profiles", async () => {
    const base = (await loadConfig([await writeConfig(await tmp(), 5)], { env: {}, cwd: "/" }))
      .config!;
    const changed = (
      await loadConfig([await writeConfig(await tmp(), 5, new Set([3]))], { env: {}, cwd: "/" })
    ).config!;
    // Compare the declared data, not where it was read from (file paths differ).
    const data = (p: object) => JSON.stringify({ ...p, source: undefined });
    const differing = base.secondaries.filter((s, i) => data(s) !== data(changed.secondaries[i]!));
    expect(differing.map((s) => s.key)).toEqual([keyOf(3)]);
    const after = changed.secondaries[3]!;
    const before = base.secondaries[3]!;
    expect(after.business.websiteUrl).not.toBe(before.business.websiteUrl);
    expect(data({ ...after, business: { ...after.business, websiteUrl: "x" } })).toBe(
      data({ ...before, business: { ...before.business, websiteUrl: "x" } }),
    );
  });

  it("picks 1 % of the profiles (at least one), distinct and in range", () => {
    expect(changedIndexes(10)).toEqual([0]);
    const k = changedIndexes(1000);
    expect(k).toHaveLength(10);
    expect(new Set(k).size).toBe(10);
    expect(Math.max(...k)).toBeLessThan(1000);
  });
});

describe("bench/pool", () => {
  it("runs every item with at most `size` in flight and collects failures", async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    const failures = await pool([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
      if (x === 4) throw new Error("four");
      done.push(x);
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 5, 6, 7]);
    expect(failures).toEqual([{ index: 3, error: "four" }]);
  });
});

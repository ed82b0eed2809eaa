/**
 * Rate limits and transient faults, end to end with the real CLI and Pulumi:
 * the emulator answers 429 (with Retry-After) to 30% of requests and 5xx to
 * 5%, and 429 above 8 requests in flight. Apply of examples/isv and of 200
 * generated secondaries must finish with zero failures and exactly the
 * declared result (`plan --detailed-exitcode` exits 0, counts exact).
 * --parallelism and --max-rps bound the load (measured at the emulator).
 */
import { afterEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { Exchange } from "../../src/emulator/index.ts";
import { apiRequests, cli, startWorld, type World } from "./world.ts";

const FAULTS = { rate429: 0.3, rate5xx: 0.05, maxConcurrent: 8, latencyMs: 5 };

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

function faultCounts(list: Exchange[]) {
  const api = apiRequests(list);
  return {
    requests: api.length,
    "429": api.filter((e) => e.status === 429).length,
    "5xx": api.filter((e) => e.status >= 500).length,
  };
}

async function applyUnderFaults(world: World, profiles: number, endUsers: number) {
  const t0 = Date.now();
  const r = await cli(["apply", world.dir, "--auto-approve"], world).done;
  const seconds = (Date.now() - t0) / 1000;
  const faults = faultCounts(world.exchanges);
  console.log(`apply of ${profiles - 1} secondaries under faults: ${seconds}s`, faults);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(EXIT.ok);
  expect(r.stdout).toMatch(/, 0 failed/);
  expect(faults["429"]).toBeGreaterThan(0);
  expect(faults["5xx"]).toBeGreaterThan(0);
  const plan = await cli(["plan", world.dir, "--detailed-exitcode"], world).done;
  expect(plan.stdout).toContain("No changes.");
  expect(plan.code).toBe(EXIT.ok);
  await world.ctl.resetFaults();
  expect(await world.ctl.stats()).toMatchObject({
    profiles,
    endUsers,
    documents: profiles,
    addresses: profiles,
  });
}

describe("apply under 30% 429s, 5% 5xx and a concurrency cap", () => {
  it("examples/isv completes with zero failures and exactly the declared result", async () => {
    w = await startWorld();
    await w.ctl.setFaults({ ...FAULTS, retryAfterSeconds: 0, seed: 32 });
    // primary + three brands, three end users each
    await applyUnderFaults(w, 4, 4 * 3);
  }, 180_000);

  it("200 generated secondaries complete with zero failures and exactly the declared result", async () => {
    w = await startWorld({ secondaries: 200, submit: true });
    await w.ctl.setFaults({ ...FAULTS, retryAfterSeconds: 0, seed: 32 });
    await applyUnderFaults(w, 201, 201 * 3);
    const c = (await w.ctl.stats()) as { profiles: number };
    expect(c.profiles).toBe(201);
  }, 240_000);
});

describe("load bounds", () => {
  it("--parallelism 3: never more than 3 requests in flight (the emulator caps at 3, no 429)", async () => {
    w = await startWorld({ secondaries: 4, submit: false });
    await w.ctl.setFaults({ maxConcurrent: 3, latencyMs: 20 });
    const r = await cli(["apply", w.dir, "--auto-approve", "--parallelism", "3"], w).done;
    expect(r.code).toBe(EXIT.ok);
    expect(faultCounts(w.exchanges)["429"]).toBe(0);
    const plan = await cli(["plan", w.dir, "--parallelism", "3"], w).done;
    expect(plan.code).toBe(EXIT.ok);
    expect(faultCounts(w.exchanges)["429"]).toBe(0);
  }, 120_000);

  it("--max-rps 15: no second sees more than the bucket allows", async () => {
    w = await startWorld({ secondaries: 3, submit: false });
    const at: number[] = [];
    w.hooks.add((e) => void (!e.path.startsWith("/__sandbox") && at.push(Date.now())));
    const r = await cli(["apply", w.dir, "--auto-approve", "--max-rps", "15"], w).done;
    expect(r.code).toBe(EXIT.ok);
    // A full bucket allows a burst of 15, then 15 per second: at most 30 in any one second.
    let worst = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    console.log(`--max-rps 15: ${at.length} requests, at most ${worst} in one second`);
    expect(at.length).toBeGreaterThan(30);
    expect(worst).toBeLessThanOrEqual(30);
  }, 120_000);
});

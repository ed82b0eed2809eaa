/**
 * An outage: the emulator answers every API request 503. The number of sends
 * of each logical request must stay within the documented budget
 * (RETRY_POLICY.attempts, docs/reliability.md §1), counted in the emulator's
 * request log, for `plan` (an outage from the start) and for `apply` (an
 * outage that starts right after the first write, while the provider works).
 * Before the one retry policy, layers multiplied: up to 8 × 5 × 4 = 160 sends
 * of one GET.
 */
import { afterEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { LoggedRequest } from "../../src/emulator/reqlog.ts";
import { RETRY_POLICY } from "../../src/state/http.ts";
import { cli, startWorld, type World } from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const OUTAGE = { rate5xx: 1, status5xx: 503, seed: 1 };

/** Sends per `METHOD path` among requests answered 503 (the outage), most first. */
function sendsDuringOutage(log: LoggedRequest[]): [string, number][] {
  const n = new Map<string, number>();
  for (const r of log) {
    if (r.status !== 503) continue;
    const k = `${r.method} ${r.path}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1]);
}

/** The longest run of consecutive sends of one `METHOD path` (a sequential client). */
function longestRun(log: LoggedRequest[]): number {
  let best = 0;
  let run = 0;
  let last = "";
  for (const r of log) {
    const k = `${r.method} ${r.path}`;
    run = k === last ? run + 1 : 1;
    last = k;
    best = Math.max(best, run);
  }
  return best;
}

describe("an outage (every request answered 503)", () => {
  it("plan: each read is sent at most RETRY_POLICY.attempts times, then a clear error", async () => {
    w = await startWorld();
    await w.ctl.resetRequestLog();
    await w.ctl.setFaults(OUTAGE);
    const r = await cli(["plan", w.dir], w).done;
    expect(r.code).toBe(EXIT.error);
    // The four account lists are read at once: whichever fails first (v1 or the 2010 Addresses) is named.
    expect(r.stderr).toMatch(/GET \/(v1|2010-04-01)\/\S+: Trust Hub answered 503/);
    const { requests } = await w.ctl.getRequestLog();
    const sends = sendsDuringOutage(requests);
    console.log("plan under an outage: sends per request", sends);
    expect(sends.length).toBeGreaterThan(0);
    expect(sends[0]![1]).toBeLessThanOrEqual(RETRY_POLICY.attempts);
  }, 120_000);

  /** Runs apply of one secondary; the outage begins with the first request `trigger` matches. */
  async function applyWithOutage(trigger: (e: { method: string; path: string }) => boolean) {
    const world = await startWorld();
    w = world;
    await world.ctl.resetRequestLog();
    let started = false;
    world.hooks.add((e) => {
      if (started || !trigger(e)) return;
      started = true;
      void world.ctl.setFaults(OUTAGE);
    });
    const args = ["apply", world.dir, "--auto-approve", "--target", "bluebird-bakery"];
    const r = await cli([...args, "--parallel", "1"], world).done;
    expect(started, r.stdout + r.stderr).toBe(true);
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.partial);
    const { requests } = await world.ctl.getRequestLog();
    const sends = sendsDuringOutage(requests);
    console.log("apply under an outage: sends per request", sends, "requests", requests.length);
    expect(sends.length).toBeGreaterThan(0);
    expect(sends[0]![1]).toBeLessThanOrEqual(RETRY_POLICY.attempts);
    const outage = requests.filter((q) => q.status === 503);
    expect(longestRun(outage)).toBeLessThanOrEqual(RETRY_POLICY.attempts);
    return r;
  }

  it("apply, in the provider: each request stays within the budget", async () => {
    // From the first write on (the new secondary's profile): creates, looks, reads.
    const r = await applyWithOutage(
      (e) => e.method === "POST" && e.path === "/v1/CustomerProfiles",
    );
    // The failure names the request that ran out of budget.
    expect(r.stdout).toMatch(/bluebird-bakery: FAILED: .*(GET|POST) \/\S+: Trust Hub answered 503/);
  }, 180_000);

  it("apply, after Pulumi: evaluation and submit stay within the budget", async () => {
    // From the evaluation on (the CLI process): the outage is set while the evaluation is answered,
    // so it lands on the evaluation or on the submit (a look at the status before any resend).
    const r = await applyWithOutage((e) => e.method === "POST" && e.path.endsWith("/Evaluations"));
    expect(r.stdout).toMatch(/Apply finished: 1 created, .* 0 submitted, 0 failed/);
    expect(r.stdout).toMatch(
      /bluebird-bakery \(BU\w+\): (GET|POST) \/v1\/CustomerProfiles\/BU\w+\S*: Trust Hub answered 503/,
    );
  }, 180_000);
});

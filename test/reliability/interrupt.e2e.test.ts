/**
 * Ctrl-C during apply (issue 16, item 4), with the real CLI and Pulumi. The
 * signal lands right after Trust Hub answered the k-th profile create. A
 * first SIGINT or SIGTERM lets the writes in flight finish and starts no new
 * ones; a second stops at once. Either way: exit 130, a summary that says
 * what was not done and to re-run apply, the stack lock released, no
 * provider left running, and the re-run finishes with every profile created
 * exactly once.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { providerPids, running } from "./procs.ts";
import { cli, startWorld, type World } from "./world.ts";

const N = 6;
const isCreate = (e: { method: string; path: string; status: number }) =>
  e.method === "POST" && e.path === "/v1/CustomerProfiles" && e.status < 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function locks(w: World): string[] {
  const dir = join(w.cwd, ".trusthub", "state", ".pulumi", "locks", "organization", "trusthub");
  const stack = join(dir, w.env["TWILIO_ACCOUNT_SID"]!);
  return existsSync(stack) ? readdirSync(stack) : [];
}

interface Case {
  name: string;
  signals: NodeJS.Signals[];
  /** Like a terminal's Ctrl-C: the whole foreground process group (apply and engine). */
  group?: boolean;
  after: number;
  /** Slow every later reply (ms), so that writes are still in flight when the next signal comes. */
  slowAfter?: number;
}

const cases: Case[] = [
  { name: "SIGINT to apply", signals: ["SIGINT"], after: 1 },
  { name: "SIGTERM to apply", signals: ["SIGTERM"], after: 2 },
  {
    name: "SIGINT to the process group (a terminal's Ctrl-C)",
    signals: ["SIGINT"],
    group: true,
    after: 1,
  },
  {
    name: "SIGINT twice: stop at once",
    signals: ["SIGINT", "SIGINT"],
    after: 1,
    // Without it the in-flight writes may all finish (and apply exit) before the second signal.
    slowAfter: 2_000,
  },
];

describe("an interrupted apply", () => {
  it.each(cases)(
    "$name: exit 130, clear summary, lock released; the re-run finishes with no duplicate",
    async (c) => {
      const w = await startWorld({ secondaries: N, submit: false });
      try {
        const run = cli(["apply", w.dir, "--auto-approve", "--parallelism", "2", "--verbose"], w);
        let seen = 0;
        w.hooks.add((e) => {
          if (!isCreate(e) || ++seen !== c.after) return;
          // After the reply is written; a second signal 150 ms later, writes still in flight.
          const send = () =>
            c.signals.forEach((sig, i) =>
              setTimeout(() => process.kill(c.group ? -run.pid : run.pid, sig), i * 150),
            );
          if (c.slowAfter === undefined) send();
          else void w.ctl.setFaults({ latencyMs: c.slowAfter }).then(send);
        });
        const r = await run.done;
        w.hooks.clear();
        if (c.slowAfter !== undefined) await w.ctl.resetFaults();
        const out = r.stdout + r.stderr;
        expect(r.code, out).toBe(EXIT.interrupted);
        expect(r.stdout).toMatch(
          new RegExp(`${c.signals[0]} received: no new profile writes start`),
        );
        expect(r.stdout).toMatch(/Apply interrupted: /);
        expect(r.stdout).toMatch(/Not started: \d+ profiles? \(.*brand-/);
        // The writes in flight at the signal finish; no profile starts after it.
        const at = r.stdout.indexOf(" received: no new profile writes");
        const keys = (text: string, what: string) =>
          [...text.matchAll(new RegExp(`(brand-\\d+): create ${what}`, "g"))].map((m) => m[1]);
        const inFlight = keys(r.stdout.slice(0, at), "started");
        const done = keys(r.stdout, "done");
        expect(keys(r.stdout.slice(at), "started")).toEqual([]);
        for (const k of done) expect(inFlight).toContain(k);
        expect(w.exchanges.filter(isCreate).length).toBe(c.signals.length > 1 ? seen : done.length);
        expect(r.stdout).toMatch(/Re-run `trusthub apply` to finish/);
        if (c.signals.length > 1) expect(r.stdout).toMatch(/the stack lock was released/);
        expect(w.exchanges.filter(isCreate).length).toBeLessThan(N);
        expect(locks(w)).toEqual([]);
        const deadline = Date.now() + 5_000;
        while (providerPids(w.emu.url).some(running) && Date.now() < deadline) await sleep(50);
        expect(providerPids(w.emu.url).filter(running)).toEqual([]);

        const again = await cli(["apply", w.dir, "--auto-approve"], w).done;
        expect(again.code, again.stdout + again.stderr).toBe(EXIT.ok);
        expect(again.stdout).not.toMatch(/stale lock/);
        expect(w.exchanges.filter(isCreate).length).toBe(N);
      } finally {
        await w.close();
      }
    },
    180_000,
  );
});

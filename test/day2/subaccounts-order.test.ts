/**
 * Pure units of src/workflow/subaccounts.ts: concurrent subaccounts' output
 * comes out in account order (both streams, each account's lines together),
 * whatever order they finish in; the concurrency comes from
 * TRUSTHUB_ACCOUNTS_PARALLEL (default 4, one against the embedded sandbox).
 */
import { describe, expect, it } from "vitest";
import type { AccountConfig } from "../../src/model/config.ts";
import { runSubaccounts, subaccountParallel } from "../../src/workflow/subaccounts.ts";

const sub = (name: string): AccountConfig => ({
  account: { name, parent: "isv", accountSidEnv: `${name.toUpperCase()}_SID` },
  config: { secondaries: [], files: [] },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("subaccounts run concurrently, print in order", () => {
  it("buffers later accounts until earlier ones finish; results keep the accounts' order", async () => {
    const subs = ["a", "b", "c", "d"].map(sub);
    const delays: Record<string, number> = { a: 40, b: 5, c: 20, d: 1 };
    const lines: string[] = [];
    let inFlight = 0;
    let most = 0;
    const codes = await runSubaccounts(
      subs,
      3,
      { out: (t) => lines.push(`out ${t}`), err: (t) => lines.push(`err ${t}`) },
      async (a, to) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        to.out(`${a.account.name}1`);
        await sleep(delays[a.account.name]!);
        to.err(`${a.account.name}2`);
        to.out(`${a.account.name}3`);
        inFlight -= 1;
        return a.account.name.charCodeAt(0);
      },
    );
    expect(lines).toEqual(
      ["a", "b", "c", "d"].flatMap((n) => [`out ${n}1`, `err ${n}2`, `out ${n}3`]),
    );
    expect(codes).toEqual([97, 98, 99, 100]);
    expect(most).toBe(3);
  });

  it("TRUSTHUB_ACCOUNTS_PARALLEL sets the bound; the embedded sandbox runs one at a time", () => {
    const subs = [sub("a")];
    // Any Twilio credential set: not the embedded sandbox.
    expect(subaccountParallel({ TWILIO_ACCOUNT_SID: "x" }, subs)).toBe(4);
    expect(
      subaccountParallel({ TWILIO_ACCOUNT_SID: "x", TRUSTHUB_ACCOUNTS_PARALLEL: "16" }, subs),
    ).toBe(16);
    expect(() =>
      subaccountParallel({ TWILIO_ACCOUNT_SID: "x", TRUSTHUB_ACCOUNTS_PARALLEL: "0" }, subs),
    ).toThrow(/TRUSTHUB_ACCOUNTS_PARALLEL must be a whole number of at least 1/);
    expect(subaccountParallel({}, subs)).toBe(1);
  });
});

/** Several accounts: how exit codes combine and how --target keys are shared out. Pure. */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { AccountConfig } from "../../src/model/config.ts";
import { accountTargets, worstExit } from "../../src/workflow/accounts.ts";

/** Secondaries by key; `key/kind` declares that trust product on the profile `key`. */
const account = (name: string, keys: string[]): AccountConfig =>
  ({
    account: { name },
    config: {
      secondaries: keys
        .filter((k) => !k.includes("/"))
        .map((key) => ({
          key,
          trustProducts: keys.filter((k) => k.startsWith(`${key}/`)).map((k) => ({ key: k })),
        })),
      files: [],
    },
  }) as unknown as AccountConfig;

describe("worstExit", () => {
  it("ranks error > unsafe > locked > stale > partial > blocked > changes > ok", () => {
    expect(worstExit([])).toBe(EXIT.ok);
    expect(worstExit([EXIT.ok, EXIT.changes])).toBe(EXIT.changes);
    expect(worstExit([EXIT.changes, EXIT.blocked])).toBe(EXIT.blocked);
    expect(worstExit([EXIT.blocked, EXIT.partial, EXIT.ok])).toBe(EXIT.partial);
    expect(worstExit([EXIT.partial, EXIT.stalePlan])).toBe(EXIT.stalePlan);
    expect(worstExit([EXIT.stalePlan, EXIT.locked])).toBe(EXIT.locked);
    expect(worstExit([EXIT.locked, EXIT.unsafe])).toBe(EXIT.unsafe);
    expect(worstExit([EXIT.unsafe, EXIT.error, EXIT.ok])).toBe(EXIT.error);
  });
});

describe("accountTargets", () => {
  const accounts = [account("prod", ["a", "b"]), account("staging", ["b", "c"])];

  it("gives each account the keys it declares and skips the others", () => {
    expect([...accountTargets(accounts, ["a"])]).toEqual([["prod", ["a"]]]);
    expect([...accountTargets(accounts, ["b", "c"])]).toEqual([
      ["prod", ["b"]],
      ["staging", ["b", "c"]],
    ]);
    expect([...accountTargets(accounts, [])]).toEqual([
      ["prod", undefined],
      ["staging", undefined],
    ]);
  });

  it("refuses a key no account declares", () => {
    expect(() => accountTargets(accounts, ["zzz"])).toThrow(
      "--target zzz: no account declares a profile or trust product with that key",
    );
  });

  it("takes a trust product's key (`<profile>/<kind>`) to the account that declares it", () => {
    const withProducts = [
      account("prod", ["a", "a/a2p-messaging"]),
      account("staging", ["c", "c/shaken-stir", "c/cnam"]),
    ];
    expect([...accountTargets(withProducts, ["c/cnam"])]).toEqual([["staging", ["c/cnam"]]]);
    expect([...accountTargets(withProducts, ["a/a2p-messaging", "c"])]).toEqual([
      ["prod", ["a/a2p-messaging"]],
      ["staging", ["c"]],
    ]);
    expect(() => accountTargets(withProducts, ["a/cnam"])).toThrow(
      "--target a/cnam: no account declares a profile or trust product with that key",
    );
  });
});

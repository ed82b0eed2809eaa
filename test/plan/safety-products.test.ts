/**
 * Safety thresholds with trust products (issue 14): managed live products join
 * the population the thresholds are relative to, and a product's update or its
 * delete (`--prune`) counts as a profile's does.
 */
import { describe, expect, it } from "vitest";
import type { BusinessProfile } from "../../src/model/config.ts";
import type { ObservedAccount } from "../../src/model/trusthub.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { checkSafety, existingManaged } from "../../src/plan/safety.ts";
import { business, config, emptyAccount, primary, putLive } from "./fixtures.ts";
import { a2p, cnam, putLiveProduct, withProducts } from "./product-fixtures.ts";

const BRANDS = ["brand1", "brand2", "brand3", "brand4", "brand5", "brand6"];

/** An approved ISV primary and six approved brands, each with a managed draft CNAM product. */
function world(): ObservedAccount {
  const acc = emptyAccount();
  acc.trustProducts = [];
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  for (const key of BRANDS) {
    const sid = putLive(acc, business(key), { primarySid, status: "twilio-approved" });
    putLiveProduct(acc, cnam(business(key)), sid, { managed: true });
  }
  return acc;
}

const declared = (make: (p: BusinessProfile) => ReturnType<typeof cnam | typeof a2p>[]) =>
  config(
    primary(),
    BRANDS.map((k) => withProducts(business(k), make)),
  );

describe("safety thresholds count trust products", () => {
  it("existing = managed live profiles and managed live products", () => {
    const acc = world();
    expect(existingManaged(acc)).toBe(13);
    expect(existingManaged({ ...acc, trustProducts: acc.trustProducts!.slice(2) })).toBe(11);
  });

  it("products deleted by --prune count as deletes", () => {
    const acc = world();
    // The brands now declare only A2P: their managed CNAM products are undeclared.
    const plan = buildPlan(
      declared((p) => [a2p(p)]),
      acc,
      { prune: true },
    );
    const deletes = plan.actions
      .flatMap((a) => a.trustProducts ?? [])
      .filter((p) => p.action === "delete");
    expect(deletes).toHaveLength(6);
    const v = checkSafety(plan, existingManaged(acc));
    expect(v.map((x) => [x.code, x.count, x.existing])).toEqual([
      ["safety/too-many-deletes", 6, 13],
    ]);
    expect(v[0]!.message).toBe(
      "too many deletes: 46.15% is over 30.00% (6/13 managed profiles and trust products)",
    );
    // Without --prune nothing is deleted, and the new A2P products (creates) do not count.
    expect(
      checkSafety(
        buildPlan(
          declared((p) => [a2p(p)]),
          acc,
        ),
        13,
      ),
    ).toEqual([]);
  });

  it("product updates count; in-sync products do not", () => {
    const acc = world();
    expect(
      checkSafety(
        buildPlan(
          declared((p) => [cnam(p)]),
          acc,
        ),
        13,
      ),
    ).toEqual([]);
    const renamed = buildPlan(
      declared((p) => [cnam(p, { displayName: "NEW NAME" })]),
      acc,
    );
    const updates = renamed.actions
      .flatMap((a) => a.trustProducts ?? [])
      .filter((p) => p.action === "update");
    expect(updates).toHaveLength(6);
    expect(checkSafety(renamed, 13).map((x) => [x.code, x.count])).toEqual([
      ["safety/too-many-updates", 6],
    ]);
  });
});

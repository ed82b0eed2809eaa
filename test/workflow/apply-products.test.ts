/** The products' part of apply's report and its "is there work" test (pure). */
import { expect, it } from "vitest";
import type { ProfileOutcome } from "../../src/apply/engine.ts";
import type { Plan, ProfileAction, TrustProductAction } from "../../src/model/plan.ts";
import { hasProductWork, productReport } from "../../src/workflow/apply-products.ts";

const product = (over: Partial<TrustProductAction>): TrustProductAction => ({
  key: "acme/a2p-messaging",
  product: "a2p-messaging",
  action: "no-op",
  reasons: [],
  changes: [],
  submit: false,
  notes: [],
  ...over,
});

const plan = (p: Partial<ProfileAction>): Plan =>
  ({
    actions: [
      {
        key: "acme",
        kind: "secondary",
        action: "no-op",
        reasons: [],
        changes: [],
        submit: false,
        consoleSteps: [],
        notes: [],
        ...p,
      },
    ],
  }) as unknown as Plan;

it("has work for a product write or submit, and for phone number changes alone", () => {
  expect(hasProductWork(plan({ trustProducts: [product({})] }))).toBe(false);
  expect(hasProductWork(plan({ trustProducts: [product({ action: "blocked" })] }))).toBe(false);
  expect(hasProductWork(plan({ trustProducts: [product({ action: "create" })] }))).toBe(true);
  expect(hasProductWork(plan({ trustProducts: [product({ submit: true })] }))).toBe(true);
  const pn = { slot: "phoneNumbers", field: "+15005550101", sensitive: false } as never;
  expect(hasProductWork(plan({ changes: [pn] }))).toBe(true);
  // A product Twilio holds: the plan skips it (nothing to write), numbers or not.
  expect(
    hasProductWork(plan({ trustProducts: [product({ action: "skip", changes: [pn] })] })),
  ).toBe(false);
  expect(hasProductWork(plan({ action: "blocked", changes: [pn] }))).toBe(false);
});

it("reports products apart: counts, evaluation failures, adoptions; noncompliant is not ok", () => {
  const out = (o: object) => o as unknown as NonNullable<ProfileOutcome["outputs"]>;
  const outcomes: ProfileOutcome[] = [
    { key: "acme", op: "create", ok: true },
    {
      key: "acme/a2p-messaging",
      op: "create",
      ok: true,
      product: true,
      outputs: out({
        productSid: "BU1",
        status: "pending-review",
        writes: ["trust product created (BU1)"],
        evaluation: "compliant",
        submitted: true,
      }),
    },
    {
      key: "acme/shaken-stir",
      op: "create",
      ok: true,
      product: true,
      outputs: out({
        productSid: "BU2",
        status: "draft",
        writes: ["assigned BU9"],
        evaluation: "noncompliant",
        failures: [{ requirement: "customer_profile", field: "", code: 22217 }],
      }),
    },
    { key: "beta/a2p-messaging", op: "update", ok: false, product: true },
  ];
  const r = productReport(outcomes);
  expect(r.lines).toEqual([
    "Trust products: 1 created, 1 adopted, 0 updated, 1 submitted, 1 failed.",
    "  acme/a2p-messaging (BU1): pending-review, evaluation compliant, submitted for review",
    "  acme/shaken-stir (BU2): draft, evaluation noncompliant",
    "    customer_profile: 22217 a supporting document field is missing (or the primary customer profile is not in-review or twilio-approved)",
  ]);
  expect(r.notOk).toBe(2);
  expect(productReport([{ key: "acme", op: "same", ok: true }]).lines).toEqual([]);
});

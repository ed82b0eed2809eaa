/**
 * Trust products in the plan (issue 14): one test per action kind and per
 * blocked reason, provider inputs and registration order, brand readiness,
 * and a config without products planning exactly as before.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { PROVIDER_INPUTS, type Plan, type TrustProductAction } from "../../src/model/plan.ts";
import type { ObservedAccount } from "../../src/model/trusthub.ts";
import type { ProfileStatus } from "../../src/domain/twilio.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { planExitCode } from "../../src/plan/exit-code.ts";
import { allPlanResources } from "../../src/plan/resources.ts";
import { business, config, emptyAccount, primary, putLive } from "./fixtures.ts";
import { a2p, cnam, putLiveProduct, withProducts } from "./product-fixtures.ts";

const acme = withProducts(business("acme"), (p) => [a2p(p)]);

/** An approved ISV primary and `acme` live in `status` (or absent). */
function account(status: ProfileStatus | "absent"): { acc: ObservedAccount; sid?: string } {
  const acc = emptyAccount();
  acc.trustProducts = []; // read: the config declares products
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  if (status === "absent") return { acc };
  return { acc, sid: putLive(acc, business("acme"), { primarySid, status }) };
}

function product(plan: Plan, key = "acme/a2p-messaging"): TrustProductAction {
  const found = plan.actions.flatMap((a) => a.trustProducts ?? []).find((p) => p.key === key);
  if (found === undefined) throw new Error(`no product ${key}`);
  return found;
}

const cfg = (p = acme) => config(primary(), [p]);

describe("trust products: blocked until the customer profile is in review or approved", () => {
  it.each([
    ["absent", "not created yet"],
    ["draft", "draft"],
    ["pending-review", "pending-review"],
    ["twilio-rejected", "twilio-rejected"],
  ] as const)(
    "profile %s: blocked, the reason names the profile and its status",
    (status, said) => {
      const { acc } = account(status);
      const plan = buildPlan(cfg(), acc);
      const p = product(plan);
      expect(p.action).toBe("blocked");
      expect(p.reasons).toContain(
        `waits for customer profile acme (${said}): Twilio evaluates a trust product only against an in-review or approved customer profile`,
      );
      expect(p.notes.map((n) => n.code)).toContain("prerequisite/profile");
      expect(plan.productSummary).toMatchObject({ blocked: 1, create: 0 });
      expect(planExitCode(plan, true)).toBe(EXIT.blocked);
      // Nothing registered for a product apply does not manage and may not write.
      expect(p[PROVIDER_INPUTS]).toBeUndefined();
    },
  );

  it("a profile created in this plan: the product's customer profile is profile:<key>", () => {
    const { acc } = account("absent");
    const plan = buildPlan(cfg(), acc);
    expect(plan.actions.find((a) => a.key === "acme")!.action).toBe("create");
    const change = product(plan).changes.find((c) => c.field === "customer_profile");
    expect(change).toMatchObject({ slot: "assignments", after: "profile:acme" });
  });
});

describe("trust products: actions", () => {
  it("create: approved profile, no live product: create and submit, inputs in mode apply", () => {
    const { acc, sid } = account("twilio-approved");
    const plan = buildPlan(cfg(), acc);
    const p = product(plan);
    expect([p.action, p.submit]).toEqual(["create", true]);
    expect(p.changes.map((c) => `${c.slot}.${c.field}=${c.after}`)).toEqual([
      "product.friendly_name=acme profile - A2P Messaging",
      "product.email=undefined",
      "product.policy_sid=RNb0d4771c2c98518d916a3d4cd70a8f8b",
      "endUser.friendly_name=acme profile - A2P Messaging - Information",
      "endUser.company_type=private",
      `assignments.customer_profile=${sid}`,
    ]);
    expect(p.changes.find((c) => c.field === "email")!.sensitive).toBe(true);
    const inputs = p[PROVIDER_INPUTS]!;
    expect(inputs).toMatchObject({ key: "acme/a2p-messaging", profileKey: "acme", mode: "apply" });
    expect(inputs.desired).toMatchObject({ customerProfileSid: sid, submit: true });
    expect(inputs.observed).toBeNull();
    expect(plan.productSummary).toMatchObject({ create: 1, submit: 1 });
    expect(planExitCode(plan, true)).toBe(EXIT.changes);
  });

  it("create: a public company sends stock exchange and ticker; a private one does not", () => {
    const { acc } = account("in-review");
    const pub = withProducts(business("acme"), (p) => [
      a2p(p, { companyType: "public", stockExchange: "NASDAQ", stockTicker: "ACME" }),
    ]);
    const fields = (pl: Plan) =>
      product(pl)
        .changes.filter((c) => c.slot === "endUser")
        .map((c) => c.field);
    expect(fields(buildPlan(cfg(pub), acc))).toEqual([
      "friendly_name",
      "company_type",
      "stock_exchange",
      "stock_ticker",
    ]);
    expect(fields(buildPlan(cfg(), acc))).toEqual(["friendly_name", "company_type"]);
  });

  it("update: a drifted end-user attribute of a draft product is one field-level change", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, sid!, {
      mutate: (d) => void (d.endUser!.attributes["company_type"] = "non_profit"),
    });
    const p = product(buildPlan(cfg(), acc));
    expect([p.action, p.submit]).toEqual(["update", true]);
    expect(p.changes).toEqual([
      {
        slot: "endUser",
        field: "company_type",
        before: "non_profit",
        after: "private",
        sensitive: false,
      },
    ]);
    expect(p[PROVIDER_INPUTS]).toMatchObject({ mode: "apply" });
    expect(p[PROVIDER_INPUTS]!.adoptSid).toBeUndefined();
  });

  it("update: the customer profile assignment missing is a change", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, "BU" + "9".repeat(32));
    const p = product(buildPlan(cfg(), acc));
    expect(p.changes).toEqual([
      {
        slot: "assignments",
        field: "customer_profile",
        before: "BU" + "9".repeat(32),
        after: sid,
        sensitive: false,
      },
    ]);
  });

  it("submit: a draft product in sync with submit: true is an update with nothing to write", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, sid!);
    const p = product(buildPlan(cfg(), acc));
    expect([p.action, p.submit, p.changes]).toEqual(["update", true, []]);
  });

  it("adopt: an unmanaged live product found by friendly name and policy", () => {
    const { acc, sid } = account("twilio-approved");
    const live = putLiveProduct(acc, acme.trustProducts[0]!, sid!, {
      managed: false,
      status: "twilio-approved",
    });
    const p = product(buildPlan(cfg(), acc));
    expect([p.action, p.sid]).toEqual(["adopt", live]);
    expect(p[PROVIDER_INPUTS]).toMatchObject({ mode: "apply", adoptSid: live, recordOnly: true });
  });

  it("adopt: a pinned sid apply has no record of", () => {
    const { acc, sid } = account("twilio-approved");
    const live = putLiveProduct(acc, acme.trustProducts[0]!, sid!, { managed: false });
    acc.trustProducts![0]!.friendlyName = "renamed in the Console";
    const pinned = withProducts(business("acme"), (p) => [a2p(p, { sid: live })]);
    const p = product(buildPlan(cfg(pinned), acc));
    expect([p.action, p.reasons[0]]).toEqual(["adopt", "matched by pinned sid"]);
    expect(p.changes.map((c) => c.field)).toEqual(["friendly_name"]);
    expect(p[PROVIDER_INPUTS]!.adoptSid).toBe(live);
  });

  it("no-op: managed, approved and in sync; the brand is ready", () => {
    const { acc, sid } = account("twilio-approved");
    const live = putLiveProduct(acc, acme.trustProducts[0]!, sid!, { status: "twilio-approved" });
    const plan = buildPlan(cfg(), acc);
    const p = product(plan);
    expect([p.action, p.changes]).toEqual(["no-op", []]);
    expect(p[PROVIDER_INPUTS]).toEqual({
      key: "acme/a2p-messaging",
      profileKey: "acme",
      product: "a2p-messaging",
      mode: "hold",
    });
    expect(plan.actions.find((a) => a.key === "acme")!.brandReadiness).toEqual({
      customerProfileSid: sid,
      a2pTrustProductSid: live,
      ready: true,
    });
    expect(plan.fingerprints[live]).toEqual({
      status: "twilio-approved",
      dateUpdated: "2026-02-01T00:00:00Z",
    });
    expect(planExitCode(plan, true)).toBe(EXIT.ok);
  });

  it("brand readiness: not ready while the product is in review", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, sid!, { status: "in-review" });
    const plan = buildPlan(cfg(), acc);
    expect(plan.actions.find((a) => a.key === "acme")!.brandReadiness!.ready).toBe(false);
  });

  it("skip: an approved product whose YAML drifted, the drift listed, exit 8", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, sid!, {
      status: "twilio-approved",
      mutate: (d) => void (d.endUser!.attributes["company_type"] = "public"),
    });
    const plan = buildPlan(cfg(), acc);
    const p = product(plan);
    expect(p.action).toBe("skip");
    expect(p.reasons).toContain(
      "status twilio-approved: Trust Hub makes the trust product immutable; nothing is written",
    );
    expect(p.changes.map((c) => c.field)).toEqual(["company_type"]);
    expect(p[PROVIDER_INPUTS]!.mode).toBe("hold");
    expect(planExitCode(plan, true)).toBe(EXIT.immutableDrift);
  });

  it("delete: an undeclared managed draft product with --prune; kept without it", () => {
    const { acc, sid } = account("twilio-approved");
    const live = putLiveProduct(acc, cnam(business("acme")), sid!);
    const pruned = buildPlan(cfg(), acc, { prune: true });
    const d = product(pruned, "acme/cnam");
    expect([d.action, d.sid]).toEqual(["delete", live]);
    expect(d[PROVIDER_INPUTS]).toBeUndefined();
    expect(
      pruned.actions.find((a) => a.key === "acme")!.trustProducts!.map((p) => p.product),
    ).toEqual(["a2p-messaging", "cnam"]);
    const kept = product(buildPlan(cfg(), acc), "acme/cnam");
    expect(kept.action).toBe("no-op");
    expect(kept.notes.map((n) => n.code)).toEqual(["prune/not-declared"]);
    expect(kept[PROVIDER_INPUTS]!.mode).toBe("hold");
  });

  it("delete: never an approved product, even with --prune", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, cnam(business("acme")), sid!, { status: "twilio-approved" });
    const p = product(buildPlan(cfg(), acc, { prune: true }), "acme/cnam");
    expect(p.action).toBe("no-op");
    expect(p.notes.map((n) => n.code)).toEqual(["prune/immutable"]);
  });

  it("delete: never a product a declared one matched (a renamed key), even with --prune", () => {
    const { acc, sid } = account("twilio-approved");
    // apply recorded the live A2P product under another key of the same profile.
    const live = putLiveProduct(acc, { ...acme.trustProducts[0]!, key: "acme/cnam" }, sid!);
    const pinned = withProducts(business("acme"), (p) => [a2p(p, { sid: live })]);
    const plan = buildPlan(cfg(pinned), acc, { prune: true });
    const products = plan.actions.flatMap((a) => a.trustProducts ?? []);
    expect(products.map((p) => [p.key, p.action])).toEqual([
      ["acme/a2p-messaging", "adopt"],
      ["acme/cnam", "no-op"],
    ]);
    expect(products[1]!.notes.map((n) => n.code)).toEqual(["prune/claimed"]);
  });

  it("blocked: two unmanaged live products with the same name, naming both", () => {
    const { acc, sid } = account("twilio-approved");
    const one = putLiveProduct(acc, acme.trustProducts[0]!, sid!, { managed: false });
    const two = putLiveProduct(
      acc,
      { ...acme.trustProducts[0]!, key: "acme2/a2p-messaging" },
      sid!,
      {
        managed: false,
      },
    );
    const p = product(buildPlan(cfg(), acc));
    expect(p.action).toBe("blocked");
    expect(p.notes[0]!.message).toContain([one, two].sort().join(", "));
  });

  it("blocked: a pinned product that does not exist", () => {
    const { acc } = account("twilio-approved");
    const pinned = withProducts(business("acme"), (p) => [a2p(p, { sid: "BU" + "7".repeat(32) })]);
    const p = product(buildPlan(cfg(pinned), acc));
    expect([p.action, p.notes[0]!.code]).toEqual(["blocked", "match/pinned-missing"]);
  });

  it("blocked: a pinned product of another policy", () => {
    const { acc, sid } = account("twilio-approved");
    const live = putLiveProduct(acc, cnam(business("acme")), sid!, { managed: false });
    const pinned = withProducts(business("acme"), (p) => [a2p(p, { sid: live })]);
    const p = product(buildPlan(cfg(pinned), acc));
    expect([p.action, p.notes[0]!.code, p.changes]).toEqual(["blocked", "match/policy", []]);
    expect(p.notes[0]!.message).toContain("RNf3db3cd1fe25fcfd3c3ded065c8fea53");
  });

  it("a rejected product with a fix is updated and resubmitted", () => {
    const { acc, sid } = account("twilio-approved");
    putLiveProduct(acc, acme.trustProducts[0]!, sid!, {
      status: "twilio-rejected",
      mutate: (d) => void (d.endUser!.attributes["company_type"] = "government"),
    });
    const p = product(buildPlan(cfg(), acc));
    expect([p.action, p.submit]).toEqual(["update", true]);
    expect(p.reasons).toContain("resubmit for review once Twilio's evaluation is compliant");
  });
});

describe("trust products: plan-wide", () => {
  it("registers profiles first, then products, each after its profile", () => {
    const { acc } = account("twilio-approved");
    const beta = withProducts(business("beta"), (p) => [a2p(p)]);
    const plan = buildPlan(config(primary(), [beta, acme]), acc);
    // beta is created now; its product waits (blocked: nothing registered for it).
    expect(allPlanResources(plan).map((r) => r.key)).toEqual([
      "isv",
      "acme",
      "beta",
      "acme/a2p-messaging",
    ]);
  });

  it("a config without products plans exactly as before: no product keys anywhere", () => {
    const { acc } = account("twilio-approved");
    const plan = buildPlan(config(primary(), [business("acme")]), acc);
    expect(plan.productSummary).toBeUndefined();
    expect(plan.actions.some((a) => "trustProducts" in a || "brandReadiness" in a)).toBe(false);
  });

  it("refuses to plan declared products whose live list was not read (it would duplicate them)", () => {
    const { acc } = account("twilio-approved");
    delete acc.trustProducts;
    expect(() => buildPlan(cfg(), acc)).toThrow(/trust products were not read/);
  });

  it("the checksum covers the products' changes", () => {
    const { acc } = account("twilio-approved");
    const one = buildPlan(cfg(), acc).checksum;
    const other = withProducts(business("acme"), (p) => [a2p(p, { companyType: "non_profit" })]);
    expect(buildPlan(cfg(other), acc).checksum).not.toBe(one);
  });
});

describe("--target with trust product keys", () => {
  const both = withProducts(business("acme"), (p) => [a2p(p), cnam(p)]);

  it("a product key plans that product and its profile, not the profile's other products", () => {
    const { acc } = account("twilio-approved");
    const plan = buildPlan(cfg(both), acc, { targets: ["acme/cnam"] });
    expect(plan.actions.map((a) => a.key)).toEqual(["acme"]);
    expect(plan.actions[0]!.trustProducts!.map((p) => p.key)).toEqual(["acme/cnam"]);
  });

  it("the profile's key plans all its products; an unknown key is an error listing product keys", () => {
    const { acc } = account("twilio-approved");
    const plan = buildPlan(cfg(both), acc, { targets: ["acme"] });
    expect(plan.actions[0]!.trustProducts!.map((p) => p.product)).toEqual([
      "a2p-messaging",
      "cnam",
    ]);
    expect(() => buildPlan(cfg(both), acc, { targets: ["acme/shaken-stir"] })).toThrow(
      /--target acme\/shaken-stir: .*acme\/a2p-messaging, acme\/cnam/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
import { sha256Hex } from "../../src/workflow/hash.ts";
import { prepareDesired, prepareDesiredSteps } from "../../src/plan/prepare.ts";
import { PROVIDER_INPUTS } from "../../src/model/plan.ts";
import type { Config } from "../../src/model/config.ts";
import type { ObservedAccount } from "../../src/model/trusthub.ts";
import { business, config, emptyAccount, individual, primary, putLive } from "./fixtures.ts";

/** The plan's JSON, its provider inputs included (they are kept out of JSON.stringify). */
function planText(c: Config, acc: ObservedAccount, prepared: boolean): string {
  // The streaming hash of src/workflow: the one that uses the prepared config text.
  const plan = buildPlan(c, acc, {
    prune: true,
    hash: sha256Hex,
    ...(prepared && { prepared: prepareDesired(c) }),
  });
  return JSON.stringify([plan, plan[PROVIDER_INPUTS]]);
}

function drifted(): { c: Config; acc: ObservedAccount } {
  const acc = emptyAccount();
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  putLive(acc, business("a"), { primarySid, status: "twilio-approved" });
  putLive(acc, business("b"), {
    primarySid,
    status: "draft",
    mutate: (b) => (b.address.city = "Shelbyville"),
  });
  putLive(acc, business("gone"), { primarySid, status: "draft" });
  // c: new, with a policy warning (an email Twilio would reject); d: a draft to evaluate.
  const c = config(primary(), [
    business("a"),
    business("b"),
    business("c", { email: "not-an-email" }),
  ]);
  return { c, acc };
}

describe("prepared desired bundles (issue 15)", () => {
  it("give byte-identical plans: in sync, drift, create, prune, policy notes", () => {
    const { c, acc } = drifted();
    const without = planText(c, acc, false);
    expect(without).toContain("policy/email");
    expect(without).toContain("Shelbyville");
    expect(planText(c, acc, true)).toBe(without);
  });

  it("give byte-identical plans with the primary's SID known after apply, and for an individual", () => {
    const fresh = config(primary(), [business("a", { email: "x" })]);
    const text = planText(fresh, emptyAccount(), false);
    expect(text).toContain("known after apply: primary isv");
    expect(planText(fresh, emptyAccount(), true)).toBe(text);
    const person = config(individual());
    expect(planText(person, emptyAccount(), true)).toBe(planText(person, emptyAccount(), false));
  });

  it("give the checksum of the pure-JS hash, secondaries sorted by key, no primary too", () => {
    const { c, acc } = drifted();
    c.secondaries.reverse();
    const pure = buildPlan(c, acc, { prune: true }).checksum;
    expect(
      buildPlan(c, acc, { hash: sha256Hex, prune: true, prepared: prepareDesired(c) }).checksum,
    ).toBe(pure);
    const none = config(undefined, [business("z"), business("y")]);
    expect(buildPlan(none, acc, { hash: sha256Hex, prepared: prepareDesired(none) }).checksum).toBe(
      buildPlan(none, acc).checksum,
    );
  });

  it("give the same checksum for values that are not plain data, and unsorted keys", () => {
    const odd = business("odd");
    Object.assign(odd, { zeta: { b: 1, a: [new Date(0), undefined, { d: 2, c: undefined }] } });
    const c = config(primary(), [odd]);
    expect(
      buildPlan(c, emptyAccount(), { hash: sha256Hex, prepared: prepareDesired(c) }).checksum,
    ).toBe(buildPlan(c, emptyAccount()).checksum);
    const plain = business("plain");
    Object.assign(plain, { zeta: { b: 1, a: [null, undefined, { d: 2, c: undefined }] } });
    const p = config(primary(), [plain]);
    expect(
      buildPlan(p, emptyAccount(), { hash: sha256Hex, prepared: prepareDesired(p) }).checksum,
    ).toBe(buildPlan(p, emptyAccount()).checksum);
  });

  it("are ignored when prepared from another config", () => {
    const { c, acc } = drifted();
    const other = config(primary(), [business("a", { email: "other@isv.example" })]);
    const plan = buildPlan(c, acc, {
      prune: true,
      hash: sha256Hex,
      prepared: prepareDesired(other),
    });
    expect(JSON.stringify([plan, plan[PROVIDER_INPUTS]])).toBe(planText(c, acc, false));
  });

  it("stop every chunk of profiles, so the caller can yield between them", () => {
    const c = config(
      primary(),
      Array.from({ length: 5 }, (_, i) => business(`s${i}`)),
    );
    const steps = prepareDesiredSteps(c, 2);
    let yields = 0;
    let r = steps.next();
    while (r.done !== true) {
      yields += 1;
      r = steps.next();
    }
    expect(yields).toBe(3); // 6 profiles, 2 at a time
    expect(r.value.notes.size).toBe(0);
    expect(r.value.configText.stableText.join("")).toMatch(
      /^\{"primary":\{.*"key":"isv".*"secondaries":\[/,
    );
  });
});

/**
 * Phone numbers in the plan (issue 14): resolution through the account's
 * incoming numbers, numbers not in the account, number changes on an
 * immutable profile or product (listed, carried out, the action unchanged),
 * and redaction of an individual's numbers.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { PROVIDER_INPUTS, type ResourceInputs } from "../../src/model/plan.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { applyHasWork, planExitCode } from "../../src/plan/exit-code.ts";
import { REDACTED_NUMBER } from "../../src/plan/redact.ts";
import { renderText } from "../../src/render/text.ts";
import {
  business,
  config,
  emptyAccount,
  individual,
  primary,
  putLive,
  TARGET,
} from "./fixtures.ts";
import { putLiveProduct, putNumbers, shaken, withProducts } from "./product-fixtures.ts";

const N1 = "+12025550111";
const N2 = "+12025550112";

function approvedAcme(numbers: string[]) {
  const acc = emptyAccount();
  acc.trustProducts = [];
  const pn = putNumbers(acc, [N1, N2]);
  const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
  const sid = putLive(acc, business("acme"), { primarySid, status: "twilio-approved" });
  acc.channelEndpoints = {
    [sid]: numbers.map((n, i) => ({ sid: `RA${i}`, channelEndpointSid: pn[n]! })),
  };
  return { acc, pn, sid };
}

describe("phone numbers of a profile", () => {
  it("an approved profile stays no-op; its new number is a change apply writes (exit 2)", () => {
    const { acc, pn } = approvedAcme([]);
    const acme = { ...business("acme"), phoneNumbers: [N1] };
    const plan = buildPlan(config(primary(), [acme]), acc);
    const a = plan.actions.find((x) => x.key === "acme")!;
    expect(a.action).toBe("no-op");
    expect(a.changes).toEqual([
      { slot: "phoneNumbers", field: N1, after: "assigned", sensitive: false },
    ]);
    expect(a.reasons).toContain(
      "1 phone number assignment to write (Trust Hub accepts them in any status: apply writes it)",
    );
    const inputs = a[PROVIDER_INPUTS] as ResourceInputs;
    expect(inputs).toMatchObject({ mode: "hold", phoneNumberSids: [pn[N1]] });
    expect(planExitCode(plan, true)).toBe(EXIT.changes);
    expect(renderText(plan, { color: false })).toContain(`    + phoneNumbers.${N1}: "assigned"`);
  });

  it("a drifted approved profile stays skip; a number no longer declared is removed", () => {
    const { acc } = approvedAcme([N1, N2]);
    const acme = { ...business("acme"), phoneNumbers: [N1], friendlyName: "renamed" };
    const a = buildPlan(config(primary(), [acme]), acc).actions.find((x) => x.key === "acme")!;
    expect(a.action).toBe("skip");
    expect(a.changes.filter((c) => c.slot === "phoneNumbers")).toEqual([
      { slot: "phoneNumbers", field: N2, before: "assigned", sensitive: false },
    ]);
  });

  it("an update carries the numbers and the assignments read to the provider", () => {
    const acc = emptyAccount();
    const pn = putNumbers(acc, [N1, N2]);
    const primarySid = putLive(acc, primary(), { status: "twilio-approved" });
    const sid = putLive(acc, business("acme", { submit: false }), { primarySid });
    acc.channelEndpoints = { [sid]: [{ sid: "RA1", channelEndpointSid: pn[N2]! }] };
    const acme = {
      ...business("acme", { submit: false }),
      phoneNumbers: [N1],
      friendlyName: "new",
    };
    const a = buildPlan(config(primary(), [acme]), acc).actions.find((x) => x.key === "acme")!;
    expect(a.action).toBe("update");
    expect(
      a.changes.filter((c) => c.slot === "phoneNumbers").map((c) => [c.field, c.before, c.after]),
    ).toEqual([
      [N1, undefined, "assigned"],
      [N2, "assigned", undefined],
    ]);
    const inputs = a[PROVIDER_INPUTS] as ResourceInputs;
    expect(inputs).toMatchObject({ mode: "apply", phoneNumberSids: [pn[N1]] });
    expect(inputs.observed!.channelEndpoints).toEqual([{ sid: "RA1", channelEndpointSid: pn[N2] }]);
  });

  it("in sync: no change and exit 0", () => {
    const { acc } = approvedAcme([N1]);
    const plan = buildPlan(config(primary(), [{ ...business("acme"), phoneNumbers: [N1] }]), acc);
    expect(plan.actions.find((x) => x.key === "acme")!.changes).toEqual([]);
    expect(planExitCode(plan, true)).toBe(EXIT.ok);
  });

  it("a number not in the account: an error note naming the profile, the number and the account", () => {
    const { acc } = approvedAcme([]);
    const plan = buildPlan(
      config(primary(), [{ ...business("acme"), phoneNumbers: ["+12025550999"] }]),
      acc,
    );
    const a = plan.actions.find((x) => x.key === "acme")!;
    expect(a.notes).toContainEqual({
      code: "phone/not-in-account",
      severity: "error",
      message: `profile acme: phone number +12025550999 is not among the incoming phone numbers of account ${TARGET.accountSid}; buy or port it into this account (or its subaccount), or remove it from the YAML`,
    });
    expect(a.changes).toEqual([]);
    expect(planExitCode(plan, true)).toBe(EXIT.blocked);
  });

  it("an individual's numbers are personal: not in notes, redacted in changes", () => {
    const acc = emptyAccount();
    putNumbers(acc, [N1]);
    putLive(acc, individual(), { status: "twilio-approved" });
    const me = { ...individual(), phoneNumbers: [N1, "+12025550999"] };
    const plan = buildPlan(config(me), acc);
    const a = plan.actions[0]!;
    expect(a.changes).toEqual([
      { slot: "phoneNumbers", field: REDACTED_NUMBER, after: "assigned", sensitive: true },
    ]);
    const text = JSON.stringify(plan) + renderText(plan, { color: false });
    expect(text).not.toContain(N1);
    expect(text).not.toContain("+12025550999");
    expect(a.notes.find((n) => n.code === "phone/not-in-account")!.message).toContain(
      "a declared phone number (personal data, not shown)",
    );
    // --show-sensitive keeps it, and the provider still gets the SID.
    const shown = buildPlan(config(me), acc, { showSensitive: true }).actions[0]!;
    expect(shown.changes[0]!.field).toBe(N1);
    expect((a[PROVIDER_INPUTS] as ResourceInputs).phoneNumberSids).toHaveLength(1);
  });
});

describe("phone numbers of a voice trust product", () => {
  it("an in-review SHAKEN/STIR product stays no-op; its new number is written (hold with desired)", () => {
    const { acc, pn, sid } = approvedAcme([N1, N2]);
    const acme = withProducts(business("acme"), (p) => [shaken(p, [N1, N2])], [N1, N2]);
    putLiveProduct(acc, acme.trustProducts[0]!, sid, { status: "in-review", numbers: [pn[N1]!] });
    const plan = buildPlan(config(primary(), [acme]), acc);
    const p = plan.actions.find((x) => x.key === "acme")!.trustProducts![0]!;
    expect(p.action).toBe("no-op");
    expect(p.changes).toEqual([
      { slot: "phoneNumbers", field: N2, after: "assigned", sensitive: false },
    ]);
    const inputs = p[PROVIDER_INPUTS]!;
    expect(inputs.mode).toBe("hold");
    expect(inputs.desired!.phoneNumberSids).toEqual([pn[N1], pn[N2]].sort());
    expect(planExitCode(plan, true)).toBe(EXIT.changes);
  });

  it("a product's number not in the account is an error note on the product", () => {
    const { acc } = approvedAcme([]);
    const acme = withProducts(business("acme"), (p) => [shaken(p, ["+12025550998"])]);
    const plan = buildPlan(config(primary(), [acme]), acc);
    const p = plan.actions.find((x) => x.key === "acme")!.trustProducts![0]!;
    expect(p.action).toBe("create");
    expect(p.notes.map((n) => n.code)).toContain("phone/not-in-account");
    expect(p.notes.find((n) => n.code === "phone/not-in-account")!.message).toContain(
      "trust product acme/shaken-stir: phone number +12025550998",
    );
  });
});

describe("applyHasWork", () => {
  it("is true for number changes alone, false for an in-sync plan", () => {
    const { acc } = approvedAcme([]);
    const numbered = buildPlan(
      config(primary(), [{ ...business("acme"), phoneNumbers: [N1] }]),
      acc,
    );
    expect(applyHasWork(numbered)).toBe(true);
    expect(applyHasWork(buildPlan(config(primary(), [business("acme")]), acc))).toBe(false);
  });
});

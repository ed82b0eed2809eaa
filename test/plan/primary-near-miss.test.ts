/**
 * A declared primary that matches no live one, in an account that holds a
 * primary: the plan names the live primary (SID, name, status) and says how
 * to pin it; it never asks for a second primary in the Console.
 */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build.ts";
import { renderText } from "../../src/render/text.ts";
import { business, config, emptyAccount, primary, putLive } from "./fixtures.ts";

describe("primary near miss", () => {
  it('"RelayWave Messaging, Inc." live, "RelayWave Messaging Inc." declared: the plan names the live SID', () => {
    const acc = emptyAccount();
    const liveSid = putLive(
      acc,
      primary({ key: "live", friendlyName: "RelayWave Messaging, Inc." }),
      {
        status: "twilio-approved",
        managed: false,
      },
    );
    const declared = primary({ friendlyName: "RelayWave Messaging Inc." });
    const plan = buildPlan(config(declared, [business("acme")]), acc);
    const p = plan.actions.find((a) => a.key === declared.key)!;
    expect(p.action).toBe("blocked");
    expect(p.consoleSteps).toEqual([]);
    expect(p.notes).toContainEqual({
      code: "match/primary-near-miss",
      severity: "error",
      message: `the account already holds primary profile ${liveSid} "RelayWave Messaging, Inc." (business, twilio-approved): pin it with \`sid: ${liveSid}\` under primary ${declared.key}, or set its friendlyName to "RelayWave Messaging, Inc."; do not create a second primary`,
    });
    const text = renderText(plan, { color: false });
    expect(text).toContain(liveSid);
    expect(text).not.toMatch(/Create the primary customer profile/);

    // Pinning it as the message says: matched, no near miss.
    const pinned = buildPlan(config({ ...declared, sid: liveSid }, [business("acme")]), acc);
    const q = pinned.actions.find((a) => a.key === declared.key)!;
    expect(q.sid).toBe(liveSid);
    expect(q.notes.map((n) => n.code)).not.toContain("match/primary-near-miss");
  });

  it("an account without primaries still gets the Console steps", () => {
    const plan = buildPlan(config(primary(), []), emptyAccount());
    expect(plan.actions[0]!.notes.map((n) => n.code)).not.toContain("match/primary-near-miss");
    expect(plan.actions[0]!.consoleSteps[0]).toMatch(/^Create the primary customer profile/);
  });
});

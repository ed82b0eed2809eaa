/**
 * `trusthub sandbox ...` (issue 16, item 7) through the real commander
 * program in-process: against a running emulator (TRUSTHUB_API_URL) and the
 * embedded sandbox (no credentials, persisted in .trusthub/sandbox.json).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { isvCopy } from "../apply/cli.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { runTrusthub } from "../helpers/io.ts";

describe("trusthub sandbox against a running emulator", () => {
  let acct: EmulatorAccount;
  let cwd: string;
  const dir = isvCopy();
  const trusthub = (...args: string[]) => runTrusthub(["sandbox", ...args], cwd, acct.env);

  beforeAll(async () => {
    acct = await startAccount();
    cwd = mkdtempSync(join(tmpdir(), "trusthub-sbx-"));
  });
  afterAll(() => acct?.emu.close());

  it("create-primary makes the YAML's primary as the Console would, once", async () => {
    const r = await trusthub("create-primary", dir);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toMatch(/created primary profile northwind \(BU\w{32}\)/);
    expect(r.out).toMatch(/submitted northwind for review \(now in-review\)/);
    const again = await trusthub("create-primary", dir);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toMatch(
      /northwind: the primary profile exists already \(BU\w{32}, in-review\)/,
    );
  });

  it("status lists the profiles and the review mode; approve by friendly name", async () => {
    const s = await trusthub("status");
    expect(s.code, s.err).toBe(EXIT.ok);
    expect(s.out).toMatch(new RegExp(`the emulator at ${acct.emu.url}, account ${acct.sid}`));
    expect(s.out).toMatch(/^- +BU\w{32} +in-review +Northwind Messaging primary$/m);
    const a = await trusthub("approve", "Northwind Messaging primary");
    expect(a.code, a.err).toBe(EXIT.ok);
    expect(a.out).toMatch(/^Northwind Messaging primary \(BU\w{32}\): twilio-approved$/m);
    expect((await trusthub("status")).out).toMatch(/BU\w{32} +twilio-approved +Northwind/);
  });

  it("reject by SID with codes; refusals and unknown names are clear errors", async () => {
    const other = await acct.controls.createPrimary({ friendlyName: "Other", submit: true });
    const r = await trusthub("reject", other.sid, "--code", "18601", "--code", "18602");
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toBe(`${other.sid}: twilio-rejected (codes 18601, 18602)\n`);
    const twice = await trusthub("approve", other.sid);
    expect(twice.code).toBe(EXIT.error);
    expect(twice.err).toMatch(/^error: sandbox POST \/CustomerProfiles\/BU\w+\/Approve: /);
    const none = await trusthub("approve", "no-such-brand");
    expect(none.code).toBe(EXIT.error);
    expect(none.err).toMatch(/no profile "no-such-brand" in the emulator at http/);
  });

  it("approves and rejects a trust product by friendly name or SID (issue 14)", async () => {
    const { createClient } = await import("../../src/state/client.ts");
    const { TRUST_POLICY_SIDS } = await import("../../src/domain/trust-products.ts");
    const c = createClient(acct.conn);
    const primary = (await c.trusthub.v1.customerProfiles.list()).find(
      (p) => p.status === "twilio-approved",
    )!;
    const tp = await c.trusthub.v1.trustProducts.create({
      friendlyName: "Northwind - SHAKEN/STIR",
      email: "ops@example.com",
      policySid: TRUST_POLICY_SIDS.shakenStir,
    });
    await c.trusthub.v1.trustProducts(tp.sid).trustProductsEntityAssignments.create({
      objectSid: primary.sid,
    });
    await c.trusthub.v1.trustProducts(tp.sid).update({ status: "pending-review" });
    const r = await trusthub("reject", "Northwind - SHAKEN/STIR", "--code", "18601");
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toBe(`Northwind - SHAKEN/STIR (${tp.sid}): twilio-rejected (codes 18601)\n`);
    await c.trusthub.v1.trustProducts(tp.sid).update({ status: "pending-review" });
    const a = await trusthub("approve", tp.sid);
    expect(a.code, a.err).toBe(EXIT.ok);
    expect(a.out).toBe(`${tp.sid}: twilio-approved\n`);
  });

  it("refuses a Twilio target: Twilio has no sandbox controls", async () => {
    const env = { TWILIO_ACCOUNT_SID: acct.sid, TWILIO_AUTH_TOKEN: "x" };
    const r = await runTrusthub(["sandbox", "status"], cwd, env);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/Twilio itself has no sandbox controls/);
  });
});

describe("trusthub sandbox on the embedded sandbox", () => {
  it("create-primary --status twilio-approved persists; status shows it in a later run", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-sbx-embedded-"));
    const dir = isvCopy();
    const r = await runTrusthub(
      ["sandbox", "create-primary", dir, "--status", "twilio-approved"],
      cwd,
      {},
    );
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toMatch(/^northwind \(BU\w{32}\): twilio-approved$/m);
    expect(existsSync(join(cwd, ".trusthub", "sandbox.json"))).toBe(true);
    const s = await runTrusthub(["sandbox", "status"], cwd, {});
    expect(s.out).toMatch(
      /^the embedded sandbox \(\.trusthub\/sandbox\.json\), account AC\w{32}$/m,
    );
    expect(s.out).toMatch(/BU\w{32} +twilio-approved +Northwind Messaging primary/);
  });
});

/**
 * `trusthub sandbox create-numbers` (issue 14) against a running emulator: the
 * numbers examples/isv declares are created once (a second run finds them),
 * and the plan no longer refuses them as not the account's.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/state/client.ts";
import { sandboxCreateNumbers } from "../../src/workflow/sandbox-numbers.ts";
import { ISV_EXAMPLE } from "../apply/fixtures.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { runTrusthub } from "../helpers/io.ts";

let a: EmulatorAccount;
let cwd: string;
const NUMBERS = ["+12125550171", "+13125550171", "+13125550172"];

beforeAll(async () => {
  a = await startAccount();
  cwd = mkdtempSync(join(tmpdir(), "trusthub-numbers-"));
});
afterAll(() => a.emu.close());

describe("sandbox create-numbers", () => {
  it("creates the declared numbers once; the plan then accepts them", async () => {
    const before = await runTrusthub(["plan", ISV_EXAMPLE], cwd, a.env);
    expect(before.out).toContain("error [phone/not-in-account]");
    const out: string[] = [];
    await sandboxCreateNumbers([ISV_EXAMPLE], { env: a.env, cwd, out: (t) => out.push(t) });
    expect(out.join("")).toMatch(
      new RegExp(NUMBERS.map((n) => `^\\${n}: created \\(PN\\w{32}\\)$`).join("\\n"), "m"),
    );
    const owned = await createClient(a.conn)
      .api.v2010.accounts(a.conn.target.accountSid)
      .incomingPhoneNumbers.list();
    expect(owned.map((n) => n.phoneNumber).sort()).toEqual(NUMBERS);
    const again: string[] = [];
    await sandboxCreateNumbers([ISV_EXAMPLE], { env: a.env, cwd, out: (t) => again.push(t) });
    expect(again.join("")).toBe(
      NUMBERS.map((n) => `${n}: the account holds it already\n`).join(""),
    );
    const after = await runTrusthub(["plan", ISV_EXAMPLE], cwd, a.env);
    expect(after.out).not.toContain("phone/not-in-account");
  });

  it("refuses a Twilio target: Twilio has no sandbox controls", async () => {
    const env = { TWILIO_ACCOUNT_SID: a.conn.target.accountSid, TWILIO_AUTH_TOKEN: "x" };
    await expect(sandboxCreateNumbers([ISV_EXAMPLE], { env, cwd, out: () => {} })).rejects.toThrow(
      /Twilio itself has no sandbox controls/,
    );
  });
});

/**
 * The embedded sandbox owns the phone numbers the config declares (issue 14):
 * seeded once through its controls, kept in .trusthub/sandbox.json; any other
 * target is left alone.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createClient } from "../../src/state/client.ts";
import { openTarget, seedSandboxNumbers } from "../../src/workflow/target.ts";

it("creates the declared numbers the sandbox lacks, once; never on another target", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-sbx-numbers-"));
  const numbers = ["+15005550101", "+15005550102"];
  let t = await openTarget({}, cwd);
  try {
    expect(t.conn.target.kind).toBe("sandbox");
    expect(await seedSandboxNumbers(t.conn, numbers)).toEqual(numbers);
    expect(await seedSandboxNumbers(t.conn, [...numbers, "+15005550103"])).toEqual([
      "+15005550103",
    ]);
  } finally {
    await t.close();
  }
  t = await openTarget({}, cwd); // a later run: persisted
  try {
    expect(await seedSandboxNumbers(t.conn, numbers)).toEqual([]);
    const c = createClient(t.conn);
    const owned = await c.api.v2010.accounts(t.conn.target.accountSid).incomingPhoneNumbers.list();
    expect(owned.map((n) => n.phoneNumber).sort()).toEqual([...numbers, "+15005550103"]);
    const twilio = { ...t.conn, target: { ...t.conn.target, kind: "twilio" as const } };
    expect(await seedSandboxNumbers(twilio, ["+15005550199"])).toEqual([]);
  } finally {
    await t.close();
  }
});

/**
 * Issue 16 item 11: every field of an individual's profile is personal data,
 * the person's own address (city, region) and the profile's friendly name
 * included. Canaries in an individual primary, planned through the CLI in
 * every format and saved with --out: none may appear, whether the profile is
 * missing (every field an addition) or lives with other values (drift shown).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTrusthub } from "../helpers/io.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";

const CANARIES = ["Qzcanaryville", "Qzregionia", "Qz Person Canary", "Qzlivetown", "Qzliveland"];

const yaml = `version: 1
primary:
  type: individual
  key: me
  friendlyName: Qz Person Canary
  email: pat@personal.example
  individual:
    profileName: Pat consulting
    email: pat@personal.example
    phone: "+12025550147"
    firstName: Pat
    lastName: Example
    dateOfBirth: "1984-06-15"
  address:
    customerName: Pat Example
    street: 9 Sample Lane
    city: Qzcanaryville
    region: Qzregionia
    postalCode: "22201"
    isoCountry: US
`;

let missing: EmulatorAccount;
let live: EmulatorAccount;
const dir = mkdtempSync(join(tmpdir(), "trusthub-individual-"));

beforeAll(async () => {
  writeFileSync(join(dir, "trusthub.yaml"), yaml);
  missing = await startAccount();
  live = await startAccount();
  await live.controls.createPrimary({
    type: "individual",
    friendlyName: "Qz Person Canary",
    address: { city: "Qzlivetown", region: "Qzliveland" },
    submit: false,
  });
});
afterAll(async () => {
  await missing.emu.close();
  await live.emu.close();
});

const leaks = (text: string) => CANARIES.filter((v) => text.includes(v));

describe("an individual primary's fields never print", () => {
  for (const where of ["missing", "live"] as const) {
    it.each(["text", "json", "markdown"])(`${where} profile, --format %s and --out`, async (f) => {
      const env = (where === "missing" ? missing : live).env;
      const out = `plan-${where}-${f}.json`;
      const r = await runTrusthub(["plan", "--format", f, "--out", out], dir, env);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.out).toContain("me");
      expect(leaks(r.out)).toEqual([]);
      expect(leaks(r.err)).toEqual([]);
      expect(leaks(readFileSync(join(dir, out), "utf8"))).toEqual([]);
    });
  }

  it("--show-sensitive shows them locally (so the test can fail)", async () => {
    const r = await runTrusthub(["plan", "--show-sensitive"], dir, missing.env);
    expect(r.out).toContain("Qzcanaryville");
    expect(r.out).toContain("Qzregionia");
  });
});

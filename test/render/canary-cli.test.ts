/**
 * Canary values in every personal field, through the whole CLI path: YAML on
 * disk, the emulator holding other canaries (a Console-made primary whose
 * drift is shown, secondaries to create), every format on stdout, stderr,
 * and the --out file. None may appear unless --show-sensitive is given, and
 * the --out file never holds one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTrusthub } from "../helpers/io.ts";
import { startAccount } from "../helpers/emulator.ts";
import type { EmulatorHandle } from "../../src/emulator/index.ts";

const canaries: string[] = [];
let n = 0;
function c(kind: "word" | "email" | "phone" | "digits" | "zip" = "word"): string {
  n += 1;
  const id = String(100 + n);
  const v =
    kind === "email"
      ? `cnry${id}@canary${id}.example`
      : kind === "phone"
        ? `+1202555${String(100 + n).padStart(4, "0")}`
        : kind === "digits"
          ? `9${id}${id}${id}`.slice(0, 9)
          : kind === "zip"
            ? `7${id}${n % 10}`
            : `Cnry${id}Qz`;
  canaries.push(v);
  return v;
}

function rep(): string {
  return `      - firstName: ${c()}
        lastName: ${c()}
        email: ${c("email")}
        phone: "${c("phone")}"
        businessTitle: Owner
        jobPosition: CEO`;
}

function profile(indent: string, key: string, primary: boolean): string {
  const body = `key: ${key}
friendlyName: ${key} profile
email: ${c("email")}
business:
  name: ${key} LLC
  identity: ${primary ? "isv_reseller_or_partner" : "direct_customer"}
  type: Corporation
  industry: TECHNOLOGY
  registration:
    type: EIN
    number: "${c("digits")}"
  regionsOfOperation: [USA_AND_CANADA]
  websiteUrl: https://${key}.example
address:
  customerName: ${c()}
  street: ${c()}
  street2: ${c()}
  city: Chicago
  region: IL
  postalCode: "${c("zip")}"
  isoCountry: US
representatives:
${rep().replace(/^ {6}/gm, "  ")}
${rep().replace(/^ {6}/gm, "  ")}`;
  return body
    .split("\n")
    .map((l, i) =>
      i === 0 && !primary ? `${indent}- ${l}` : `${indent}${primary ? "" : "  "}${l}`,
    )
    .join("\n");
}

let emu: EmulatorHandle;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "trusthub-canary-"));

beforeAll(async () => {
  const a = await startAccount();
  ({ emu, env } = a);
  const yaml = `version: 1
primary:
  type: business
${profile("  ", "isv", true)}
secondaries:
${profile("  ", "brand-a", false)}
${profile("  ", "brand-b", false)}
`;
  writeFileSync(join(dir, "trusthub.yaml"), yaml);
  // The live primary (made "in the Console") holds other canaries: its drift is shown.
  await a.controls.createPrimary({
    friendlyName: "isv profile",
    email: c("email"),
    business: { business_registration_number: c("digits"), business_name: "isv LLC" },
    representative1: {
      first_name: c(),
      last_name: c(),
      email: c("email"),
      phone_number: c("phone"),
    },
    representative2: {
      first_name: c(),
      last_name: c(),
      email: c("email"),
      phone_number: c("phone"),
    },
    address: {
      customerName: c(),
      street: c(),
      streetSecondary: c(),
      postalCode: c("zip"),
    },
    status: "twilio-approved",
  });
});
afterAll(() => emu.close());

const plan = (...args: string[]) => runTrusthub(["plan", ...args], dir, env);

const leaks = (text: string) => canaries.filter((v) => text.includes(v));

describe("canary through the CLI", () => {
  it.each(["text", "json", "markdown"])(
    "--format %s: no canary on stdout, stderr or in --out",
    async (format) => {
      const r = await plan("--format", format, "--out", `plan-${format}.json`);
      expect(r.code).toBe(0);
      expect(leaks(r.out)).toEqual([]);
      expect(leaks(r.err)).toEqual([]);
      expect(leaks(readFileSync(join(dir, `plan-${format}.json`), "utf8"))).toEqual([]);
    },
  );

  it("--show-sensitive shows them locally (so this test can fail), and --out still holds none", async () => {
    const r = await plan("--format", "json", "--show-sensitive", "--out", "plan-shown.json");
    expect(canaries.length).toBeGreaterThan(50);
    const missing = canaries.filter((v) => !r.out.includes(v));
    expect(missing).toEqual([]);
    expect(leaks(readFileSync(join(dir, "plan-shown.json"), "utf8"))).toEqual([]);
  });
});

/** Derived names fit Twilio's limits: shortened deterministically, distinct, stable. */
import { describe, expect, it } from "vitest";
import { FRIENDLY_NAME_MAX_LENGTH } from "../../src/domain/limits.ts";
import { OBJECT_NAME_SUFFIX, objectFriendlyName } from "../../src/plan/fields.ts";
import { charLength } from "../../src/plan/names.ts";
import { sha256Hex } from "../../src/plan/sha256.ts";

const SLOTS = Object.keys(OBJECT_NAME_SUFFIX) as (keyof typeof OBJECT_NAME_SUFFIX)[];

describe("derived friendly names", () => {
  it("short names are unchanged", () => {
    expect(objectFriendlyName("Acme", "representative1")).toBe(
      "Acme - Authorized Representative 1",
    );
    expect(objectFriendlyName("Acme", "address")).toBe("Acme - Address");
  });

  it("names of a 64-character profile are at most 64 characters, distinct, and keep their suffix", () => {
    const fn = "Bluebird Bakery and Pastry Kitchen of the Greater Springfield Ar";
    const names = SLOTS.map((s) => objectFriendlyName(fn, s));
    for (const [i, n] of names.entries()) {
      expect(charLength(n)).toBeLessThanOrEqual(FRIENDLY_NAME_MAX_LENGTH);
      expect(n.endsWith(` - ${OBJECT_NAME_SUFFIX[SLOTS[i]!]}`)).toBe(true);
      expect(n.startsWith("Bluebird Bakery")).toBe(true);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(SLOTS.map((s) => objectFriendlyName(fn, s))).toEqual(names); // stable
    expect(objectFriendlyName(fn, "representative1")).toBe(
      `Bluebird Bakery and Pastry~${sha256Hex(fn).slice(0, 6)} - Authorized Representative 1`,
    );
  });

  it("two long names sharing their beginning stay distinct; code points are counted", () => {
    const a = `${"x".repeat(60)}A`;
    const b = `${"x".repeat(60)}B`;
    expect(objectFriendlyName(a, "business")).not.toBe(objectFriendlyName(b, "business"));
    const emoji = "😀".repeat(64);
    const n = objectFriendlyName(emoji, "address");
    expect(charLength(n)).toBeLessThanOrEqual(64);
    expect(n).toMatch(/^(😀)+~[0-9a-f]{6} - Address$/);
  });
});

/** The CNAM display-name and number rules of src/domain/trust-products.ts (Twilio's CNAM conditions). */
import { describe, expect, it } from "vitest";
import { cnamNumberIssue, isCnamDisplayName } from "../../src/domain/trust-products.ts";

describe("isCnamDisplayName", () => {
  it.each(["Acme", "Acme, Inc.", "A", "Acme Dental 24x"])("accepts %j", (name) => {
    expect(isCnamDisplayName(name)).toBe(true);
  });
  it.each([
    ["", "empty"],
    ["Acme!", "a character outside letters, digits, periods, commas, spaces"],
    ["ABCDEFGHIJKLMNOP", "16 characters"],
    ["1st Choice", "a digit first"],
    [" Acme", "a space first"],
    ["Acme & Co", "an ampersand"],
    ["Café", "a non-ASCII letter"],
  ])("refuses %j (%s)", (name) => {
    expect(isCnamDisplayName(name)).toBe(false);
  });
});

describe("cnamNumberIssue", () => {
  it("takes a +1 geographic number", () => {
    expect(cnamNumberIssue("+14155550100")).toBeNull();
  });
  it.each([
    ["+442071234567", "not a US number"],
    ["+1415555010", "not a US number"],
    ["+18005550100", "toll-free"],
    ["+18885550100", "toll-free"],
  ])("refuses %s (%s)", (e164, why) => {
    expect(cnamNumberIssue(e164)).toContain(why);
  });
});

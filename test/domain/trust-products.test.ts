/** The CNAM display-name rule of src/domain/trust-products.ts (Twilio's CNAM conditions). */
import { describe, expect, it } from "vitest";
import { isCnamDisplayName } from "../../src/domain/trust-products.ts";

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

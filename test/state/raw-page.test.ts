/**
 * The list items kept as the reply's JSON (src/state/raw-page.ts) convert to
 * exactly what the SDK's instances converted to: same keys, same dates.
 */
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.ts";
import { toAddress, toEndUser, toProfile } from "../../src/state/convert.ts";
import { rawItem } from "../../src/state/raw-page.ts";

const profileJson = {
  sid: "BU" + "a".repeat(32),
  account_sid: "AC" + "b".repeat(32),
  policy_sid: "RN1",
  friendly_name: "p",
  email: "e@x.example",
  status_callback: null,
  status: "draft",
  valid_until: null,
  date_created: "2026-01-01T00:00:00Z",
  date_updated: "2026-01-02T03:04:05Z",
  errors: null,
  links: { entity_assignments: "https://x.example" },
};

describe("rawItem", () => {
  it("a profile converts as the SDK instance did", () => {
    expect(toProfile(rawItem(profileJson), "w")).toEqual({
      sid: profileJson.sid,
      policySid: "RN1",
      friendlyName: "p",
      email: "e@x.example",
      statusCallback: "",
      status: "draft",
      dateUpdated: "2026-01-02T03:04:05Z",
      validUntil: null,
      errors: [],
    });
  });

  it("dates in another form become Twilio's, as through the SDK's Date", () => {
    const item = { ...profileJson, date_updated: "2026-01-02T03:04:05.678+00:00" };
    expect(toProfile(rawItem(item), "w").dateUpdated).toBe("2026-01-02T03:04:05Z");
    const until = { ...profileJson, valid_until: "2027-01-02T03:04:05Z" };
    expect(toProfile(rawItem(until), "w").validUntil).toBe("2027-01-02T03:04:05Z");
  });

  it("a missing or invalid date is a malformed reply naming the field", () => {
    const { date_updated: _d, ...noDate } = profileJson;
    void _d;
    for (const item of [noDate, { ...profileJson, date_updated: "" }]) {
      let err: unknown;
      try {
        toProfile(rawItem(item), "GET /v1/CustomerProfiles: item 0");
      } catch (e) {
        err = e;
      }
      expect(isUserError(err)).toBe(true);
      expect((err as Error).message).toBe(
        "GET /v1/CustomerProfiles: item 0 has no valid date_updated (malformed reply)",
      );
    }
  });

  it("end users keep their attributes' own keys; addresses map every field", () => {
    const endUser = {
      sid: "IT" + "c".repeat(32),
      type: "authorized_representative_1",
      friendly_name: "Rep",
      attributes: { first_name: "Casey", last_name: "Example" },
      date_updated: "2026-01-02T03:04:05Z",
    };
    expect(toEndUser(rawItem(endUser), "w").attributes).toEqual({
      first_name: "Casey",
      last_name: "Example",
    });
    const address = {
      sid: "AD" + "d".repeat(32),
      friendly_name: "HQ",
      customer_name: "Acme",
      street: "1 Main St",
      street_secondary: null,
      city: "Chicago",
      region: "IL",
      postal_code: "60601",
      iso_country: "US",
      date_updated: "Fri, 02 Jan 2026 03:04:05 +0000",
    };
    expect(toAddress(rawItem(address), "w")).toEqual({
      sid: address.sid,
      friendlyName: "HQ",
      customerName: "Acme",
      street: "1 Main St",
      streetSecondary: "",
      city: "Chicago",
      region: "IL",
      postalCode: "60601",
      isoCountry: "US",
    });
  });

  it("an item that is not an object reaches the converter as it is", () => {
    expect(rawItem(42)).toBe(42);
    expect(rawItem(null)).toBe(null);
  });
});

import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.ts";
import {
  formatDate,
  toAddress,
  toDocument,
  toEndUser,
  toChannelEndpoint,
  toPhoneNumber,
  toProfile,
  toTrustProduct,
} from "../../src/state/convert.ts";

const profile = {
  sid: "BU" + "a".repeat(32),
  policySid: "RN1",
  friendlyName: "p",
  email: "e@x.example",
  statusCallback: null,
  status: "draft",
  dateUpdated: new Date("2026-01-02T03:04:05Z"),
  validUntil: null,
  errors: null,
};

function fails(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("did not fail");
}

describe("convert", () => {
  it("turns SDK instances into observed records", () => {
    expect(toProfile(profile, "GET /v1/CustomerProfiles: item 0")).toEqual({
      sid: profile.sid,
      policySid: "RN1",
      friendlyName: "p",
      email: "e@x.example",
      statusCallback: "",
      status: "draft",
      dateUpdated: "2026-01-02T03:04:05Z",
      validUntil: null,
      errors: [],
    });
    const eu = toEndUser(
      {
        sid: "IT1",
        type: "t",
        friendlyName: "f",
        attributes: '{"a":"x","b":["1",2],"c":null,"d":3}',
        dateUpdated: "2026-01-01T00:00:00Z",
      },
      "w",
    );
    expect(eu.attributes).toEqual({ a: "x", b: ["1", "2"], c: "", d: "3" });
    expect(toAddress({ sid: "AD1", streetSecondary: null, city: "C" }, "w")).toMatchObject({
      streetSecondary: "",
      city: "C",
      street: "",
    });
  });

  it("names the request and position of malformed items", () => {
    expect(
      fails(() =>
        toProfile({ ...profile, status: "approved" }, "GET /v1/CustomerProfiles: item 3"),
      ),
    ).toBe('GET /v1/CustomerProfiles: item 3 has unknown status "approved" (malformed reply)');
    expect(fails(() => toProfile({ ...profile, sid: "XX1" }, "w"))).toMatch(
      /has sid "XX1", not BU…/,
    );
    expect(fails(() => toProfile(null, "w"))).toMatch(/is not an object/);
    expect(
      fails(() =>
        toDocument({ sid: "RD1", type: "t", attributes: "{oops", dateUpdated: "x" }, "w"),
      ),
    ).toMatch(/not JSON/);
    expect(
      fails(() => toEndUser({ sid: "IT1", type: "t", attributes: [], dateUpdated: "x" }, "w")),
    ).toMatch(/not an object/);
    expect(fails(() => formatDate(new Date(Number.NaN), "w", "date_updated"))).toMatch(
      /no valid date_updated/,
    );
  });
});

describe("convert: trust products and phone numbers (issue 14)", () => {
  it("turns them into observed records", () => {
    expect(toTrustProduct(profile, "GET /v1/TrustProducts: item 0").sid).toBe(profile.sid);
    expect(
      toChannelEndpoint(
        { sid: "RA" + "1".repeat(32), channelEndpointSid: "PN" + "2".repeat(32) },
        "w",
      ),
    ).toEqual({ sid: "RA" + "1".repeat(32), channelEndpointSid: "PN" + "2".repeat(32) });
    expect(toPhoneNumber({ sid: "PN" + "3".repeat(32), phoneNumber: "+15005550111" }, "w")).toEqual(
      {
        sid: "PN" + "3".repeat(32),
        phoneNumber: "+15005550111",
      },
    );
  });

  it.each([
    [
      () => toTrustProduct({ ...profile, status: "gone" }, "GET /v1/TrustProducts: item 3"),
      /item 3 has unknown status/,
    ],
    [
      () =>
        toChannelEndpoint(
          { sid: "BV1", channelEndpointSid: "PN1" },
          "GET /v1/TrustProducts/BU1/ChannelEndpointAssignments: item 0",
        ),
      /ChannelEndpointAssignments: item 0 has sid "BV1", not RA/,
    ],
    [
      () => toChannelEndpoint({ sid: "RA1" }, "GET x: item 1"),
      /GET x: item 1 has no string channelEndpointSid/,
    ],
    [
      () =>
        toPhoneNumber(
          { sid: "PN1", phoneNumber: 5 },
          "GET /2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json: item 2",
        ),
      /IncomingPhoneNumbers.json: item 2 has no string phoneNumber \(malformed reply\)/,
    ],
  ])("a malformed reply names the request (%#)", (fn, message) => {
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
  });
});

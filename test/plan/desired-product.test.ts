/** The desired trust product of each kind (issue 14) and its local evaluation. */
import { describe, expect, it } from "vitest";
import type { VoiceIntegrityProduct } from "../../src/model/config.ts";
import { desiredProduct } from "../../src/plan/desired-product.ts";
import { evaluateProduct } from "../../src/plan/evaluate-product.ts";
import { business } from "./fixtures.ts";
import { a2p, cnam, shaken } from "./product-fixtures.ts";

const acme = business("acme");

describe("desiredProduct", () => {
  it("A2P: policy, end user, profile:<key> until the profile exists, no numbers", () => {
    const d = desiredProduct(a2p(acme), { phoneNumberSids: ["PN1"] });
    expect(d).toMatchObject({
      key: "acme/a2p-messaging",
      customerProfileSid: "profile:acme",
      phoneNumberSids: [],
      product: { policySid: "RNb0d4771c2c98518d916a3d4cd70a8f8b" },
      endUser: {
        type: "us_a2p_messaging_profile_information",
        attributes: { company_type: "private" },
      },
    });
  });

  it("SHAKEN/STIR: no end user; numbers sorted and unique", () => {
    const d = desiredProduct(shaken(acme, []), {
      profileSid: "BU1",
      phoneNumberSids: ["PN2", "PN1", "PN2"],
    });
    expect(d.endUser).toBeUndefined();
    expect([d.customerProfileSid, d.phoneNumberSids]).toEqual(["BU1", ["PN1", "PN2"]]);
    expect(d.product.policySid).toBe("RN7a97559effdf62d00f4298208492a5ea");
  });

  it("CNAM and Voice Integrity: their end users in Twilio's attribute names", () => {
    expect(
      desiredProduct(cnam(acme, { displayName: "ACME CO" }), { phoneNumberSids: [] }).endUser,
    ).toMatchObject({
      type: "cnam_information",
      attributes: { cnam_display_name: "ACME CO" },
    });
    const vi: VoiceIntegrityProduct = {
      ...shaken(acme, []),
      key: "acme/voice-integrity",
      kind: "voice-integrity",
      useCase: "appointment reminders",
      employeeCount: 25,
      averageDailyCallVolume: 400,
    };
    const d = desiredProduct(vi, { phoneNumberSids: [] });
    expect(d.product.policySid).toBe("RN5b3660f9598883b1df4e77f77acefba0");
    expect(d.endUser).toMatchObject({
      type: "voice_integrity_information",
      attributes: {
        use_case: "appointment reminders",
        business_employee_count: "25",
        average_business_day_call_volume: "400",
      },
    });
    expect(d.endUser!.attributes).not.toHaveProperty("notes");
  });
});

describe("evaluateProduct", () => {
  it("warns about a CNAM display name over 15 characters and an empty stock ticker", () => {
    const long = desiredProduct(cnam(acme, { displayName: "ACME CORPORATION" }), {
      phoneNumberSids: [],
    });
    expect(evaluateProduct(long).map((n) => n.code)).toEqual(["policy/cnam"]);
    const pub = desiredProduct(a2p(acme, { companyType: "public", stockExchange: "NYSE" }), {
      phoneNumberSids: [],
    });
    expect(evaluateProduct(pub)).toEqual([
      { code: "policy/required", severity: "warning", message: "endUser: stock_ticker is empty" },
    ]);
    expect(evaluateProduct(desiredProduct(a2p(acme), { phoneNumberSids: [] }))).toEqual([]);
  });
});

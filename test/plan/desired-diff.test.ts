import { describe, expect, it } from "vitest";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { diffBundle, KNOWN_AFTER_APPLY } from "../../src/plan/diff.ts";
import { indexAccount, observedBundle } from "../../src/plan/observed.ts";
import { business, emptyAccount, individual, primary, putLive, rep } from "./fixtures.ts";

describe("desiredBundle", () => {
  it("maps a secondary to Twilio names, policy and derived friendly names", () => {
    const p = business("acme", {
      representatives: [rep(1), rep(2)],
      statusCallback: "https://hooks.example/cb",
    });
    p.business.regionsOfOperation = ["USA_AND_CANADA", "EUROPE"];
    p.business.socialMediaProfileUrls = ["https://x.example/acme", "https://y.example/acme"];
    const b = desiredBundle(p, { primarySid: "BU1" });
    expect(b.profile).toEqual({
      friendlyName: "acme profile",
      email: "ops+acme@isv.example",
      statusCallback: "https://hooks.example/cb",
      policySid: POLICY_SIDS.secondary,
    });
    expect(b.primarySid).toBe("BU1");
    expect(b.endUsers.map((u) => [u.slot, u.type, u.friendlyName])).toEqual([
      ["business", "customer_profile_business_information", "acme profile - Business Information"],
      [
        "representative1",
        "authorized_representative_1",
        "acme profile - Authorized Representative 1",
      ],
      [
        "representative2",
        "authorized_representative_2",
        "acme profile - Authorized Representative 2",
      ],
    ]);
    expect(b.endUsers[0]!.attributes).toEqual({
      business_name: "acme Inc.",
      business_identity: "direct_customer",
      business_type: "Corporation",
      business_industry: "TECHNOLOGY",
      business_registration_identifier: "EIN",
      business_registration_number: "123456789",
      business_regions_of_operation: "USA_AND_CANADA,EUROPE",
      website_url: "https://acme.example",
      social_media_profile_urls: "https://x.example/acme,https://y.example/acme",
    });
    expect(Object.keys(b.endUsers[1]!.attributes)).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone_number",
      "business_title",
      "job_position",
    ]);
    expect(b.address.friendlyName).toBe("acme profile - Address");
    expect(b.document).toEqual({
      type: "customer_profile_address",
      friendlyName: "acme profile - Address Document",
    });
  });

  it("uses the primary policies and ignores primarySid for primaries", () => {
    expect(desiredBundle(primary(), { primarySid: "BU1" }).profile.policySid).toBe(
      POLICY_SIDS.primaryBusiness,
    );
    expect(desiredBundle(primary(), { primarySid: "BU1" }).primarySid).toBeUndefined();
    const ind = desiredBundle(individual(), {});
    expect(ind.profile.policySid).toBe(POLICY_SIDS.primaryIndividual);
    expect(ind.endUsers).toHaveLength(1);
    expect(ind.endUsers[0]!.type).toBe("individual_customer_profile_information");
    expect(ind.endUsers[0]!.attributes["birth_date"]).toBe("1980-02-03");
  });
});

describe("diffBundle", () => {
  it("lists every field as an addition for a new profile, marking personal ones", () => {
    const changes = diffBundle(desiredBundle(business("acme"), { primarySid: "BUp" }), undefined);
    expect(changes.every((c) => c.before === undefined)).toBe(true);
    const sensitive = changes.filter((c) => c.sensitive).map((c) => `${c.slot}.${c.field}`);
    expect(sensitive).toEqual([
      "profile.email",
      "business.business_registration_number",
      "representative1.first_name",
      "representative1.last_name",
      "representative1.email",
      "representative1.phone_number",
      "address.customer_name",
      "address.street",
      "address.postal_code",
    ]);
    expect(changes.find((c) => c.slot === "document" && c.field === "address_sids")?.after).toBe(
      KNOWN_AFTER_APPLY,
    );
    expect(changes.at(-1)).toEqual({
      slot: "assignments",
      field: "primary_customer_profile",
      after: "BUp",
      sensitive: false,
    });
    // the empty optional social URLs are not listed
    expect(changes.some((c) => c.field === "social_media_profile_urls")).toBe(false);
  });

  it("is empty when the live bundle holds what the YAML says, despite formatting", () => {
    const acc = emptyAccount();
    const p = business("acme");
    p.business.regionsOfOperation = ["USA_AND_CANADA", "EUROPE"];
    const sid = putLive(acc, p, {
      primarySid: "BUp",
      mutate: (b) => {
        const biz = b.endUsers[0]!.attributes;
        biz["business_regions_of_operation"] = ["EUROPE", " USA_AND_CANADA"];
        biz["business_name"] = "  acme Inc. ";
        b.endUsers[1]!.attributes["phone_number"] = "+1 (202) 555-0101";
        delete biz["social_media_profile_urls"];
        b.address.isoCountry = "us";
      },
    });
    const idx = indexAccount(acc);
    const live = observedBundle(idx, sid, acc.managed["acme"]);
    expect(diffBundle(desiredBundle(p, { primarySid: "BUp" }), live)).toEqual([]);
  });

  it("reports one changed field with before and after", () => {
    const acc = emptyAccount();
    const p = business("acme");
    const sid = putLive(acc, p, {
      primarySid: "BUp",
      mutate: (b) => void (b.endUsers[0]!.attributes["website_url"] = "https://old.example"),
    });
    const live = observedBundle(indexAccount(acc), sid, acc.managed["acme"]);
    expect(diffBundle(desiredBundle(p, { primarySid: "BUp" }), live)).toEqual([
      {
        slot: "business",
        field: "website_url",
        before: "https://old.example",
        after: "https://acme.example",
        sensitive: false,
      },
    ]);
  });

  it("adds a second representative, removes one no longer declared, and re-assigns the primary", () => {
    const acc = emptyAccount();
    const p = business("acme");
    const sid = putLive(acc, business("acme", { representatives: [rep(1), rep(2)] }), {
      primarySid: "BUold",
    });
    const live = observedBundle(indexAccount(acc), sid, acc.managed["acme"]);
    const changes = diffBundle(desiredBundle(p, { primarySid: "BUp" }), live);
    expect(
      changes
        .filter((c) => c.slot === "representative2")
        .every((c) => c.after === undefined && c.before !== undefined),
    ).toBe(true);
    expect(changes.find((c) => c.slot === "assignments")).toEqual({
      slot: "assignments",
      field: "primary_customer_profile",
      before: "BUold",
      after: "BUp",
      sensitive: false,
    });
    const acc2 = emptyAccount();
    const sid2 = putLive(acc2, p, { primarySid: "BUp" });
    const added = diffBundle(
      desiredBundle(business("acme", { representatives: [rep(1), rep(2)] }), { primarySid: "BUp" }),
      observedBundle(indexAccount(acc2), sid2, acc2.managed["acme"]),
    );
    expect(added.map((c) => `${c.slot}.${c.field}:${c.before === undefined}`)).toEqual([
      "representative2.friendly_name:true",
      "representative2.first_name:true",
      "representative2.last_name:true",
      "representative2.email:true",
      "representative2.phone_number:true",
      "representative2.business_title:true",
      "representative2.job_position:true",
    ]);
  });
});

describe("diffBundle on labels", () => {
  it("never compares the friendly names of existing objects (Console and adopted labels stay quiet)", () => {
    const acc = emptyAccount();
    const p = business("acme");
    const sid = putLive(acc, p, {
      mutate: (b) => {
        b.endUsers.forEach((u) => (u.friendlyName = "Business Information"));
        b.address.friendlyName = "HQ";
        b.document = { type: "customer_profile_address", friendlyName: "Business Address" };
      },
    });
    const live = observedBundle(indexAccount(acc), sid, acc.managed["acme"]);
    expect(diffBundle(desiredBundle(p, {}), live)).toEqual([]);
  });
});

/** Hand-built accounts for the import emitter tests (emit*.test.ts). */
import type { ProfileStatus } from "../../src/domain/twilio.ts";
import type { ObservedAccount, Attributes } from "../../src/model/trusthub.ts";
import { emptyAccount } from "../plan/fixtures.ts";

export const sid = (p: string, n: number) => `${p}${n.toString(16).padStart(32, "0")}`;
export const DATE = "2026-01-01T00:00:00Z";

/** One profile for `add`: its number (for SIDs), policy, name, status and end users. */
export interface NewProfile {
  n: number;
  policy: string;
  name: string;
  status?: ProfileStatus;
  users: [string, Attributes][];
}

/** A hand-built account; `add` appends one profile with its objects and assignments. */
export function account(): ObservedAccount & { add(o: NewProfile): string } {
  const a: ObservedAccount = {
    ...emptyAccount(),
    target: { kind: "emulator", url: "http://127.0.0.1:1", accountSid: sid("AC", 1) },
  };
  return Object.assign(a, {
    add(o: NewProfile) {
      const bu = sid("BU", o.n);
      a.profiles.push({
        sid: bu,
        policySid: o.policy,
        friendlyName: o.name,
        email: `contact${o.n}@example.com`,
        statusCallback: "",
        status: o.status ?? "draft",
        dateUpdated: DATE,
        validUntil: null,
        errors: [],
      });
      const objects: string[] = [];
      o.users.forEach(([type, attributes], i) => {
        const it = sid("IT", o.n * 10 + i);
        a.endUsers.push({ sid: it, type, friendlyName: `u${i}`, attributes, dateUpdated: DATE });
        objects.push(it);
      });
      const ad = sid("AD", o.n);
      a.addresses.push({
        sid: ad,
        friendlyName: "a",
        customerName: `${o.name} Inc.`,
        street: `${o.n} Main St`,
        streetSecondary: "",
        city: "Springfield",
        region: "IL",
        postalCode: "02110",
        isoCountry: "US",
      });
      const rd = sid("RD", o.n);
      a.documents.push({
        sid: rd,
        type: "customer_profile_address",
        friendlyName: "d",
        attributes: { address_sids: ad },
        status: "DRAFT",
        dateUpdated: DATE,
      });
      objects.push(rd);
      a.assignments[bu] = objects.map((objectSid, i) => ({
        sid: sid("BV", o.n * 10 + i),
        objectSid,
      }));
      return bu;
    },
  });
}

export const business = (over: Attributes = {}): [string, Attributes] => [
  "customer_profile_business_information",
  {
    business_name: "Acme, Inc.",
    business_identity: "isv_reseller_or_partner",
    business_type: "Corporation",
    business_industry: "TECHNOLOGY",
    business_registration_identifier: "EIN",
    business_registration_number: "123456789",
    business_regions_of_operation: ["USA_AND_CANADA", "EUROPE"],
    website_url: "https://acme.example",
    social_media_profile_urls: "https://social.example/a, https://social.example/b",
    ...over,
  },
];
export const rep = (n: number, over: Attributes = {}): [string, Attributes] => [
  `authorized_representative_${n}`,
  {
    first_name: `Ann${n}`,
    last_name: "O'Brien",
    email: `ann${n}@acme.example`,
    phone_number: `+1202555010${n}`,
    business_title: "Head of Ops",
    job_position: "Director",
    ...over,
  },
];
export const OPTS = {
  schemaRef: "schemas/trusthub.schema.json",
  yamlFile: "t.yaml",
  envFile: "t.env",
};

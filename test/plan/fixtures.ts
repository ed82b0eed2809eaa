/**
 * Builders for in-memory configs and observed accounts.
 *
 * What the fake leaves out: HTTP, paging, the SDK's date parsing, Twilio's own
 * validation and review; assignments are only what the builder is told; SIDs
 * are made up from a counter and a label (deterministic, not Twilio-shaped
 * past the two-letter prefix). Tests of the real read path live in test/state.
 */
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import type { ProfileStatus } from "../../src/domain/twilio.ts";
import type {
  BusinessProfile,
  Config,
  IndividualProfile,
  Representative,
} from "../../src/model/config.ts";
import type {
  DesiredBundle,
  ManagedRecord,
  ObservedAccount,
  TargetInfo,
} from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";

export const TARGET: TargetInfo = {
  kind: "emulator",
  url: "http://127.0.0.1:4010",
  accountSid: "AC00000000000000000000000000000001",
};

const src = { file: "trusthub.yaml", line: 1, column: 1 };

export function rep(n: 1 | 2, tag = ""): Representative {
  return {
    firstName: `Jane${tag}${n}`,
    lastName: `Doe${tag}${n}`,
    email: `jane${n}${tag.toLowerCase()}@acme.example`,
    phone: n === 1 ? "+12025550101" : "+12025550102",
    businessTitle: "Head of Operations",
    jobPosition: "Director",
  };
}

export function business(
  key: string,
  over: Partial<BusinessProfile> = {},
  kind: BusinessProfile["kind"] = "secondary",
): BusinessProfile {
  return {
    key,
    kind,
    friendlyName: `${key} profile`,
    email: `ops+${key}@isv.example`,
    statusCallback: "",
    submit: true,
    source: src,
    phoneNumbers: [],
    trustProducts: [],
    business: {
      name: `${key} Inc.`,
      identity: kind === "secondary" ? "direct_customer" : "isv_reseller_or_partner",
      type: "Corporation",
      industry: "TECHNOLOGY",
      registration: { type: "EIN", number: "123456789" },
      regionsOfOperation: ["USA_AND_CANADA"],
      websiteUrl: `https://${key}.example`,
      socialMediaProfileUrls: [],
    },
    address: {
      customerName: `${key} Inc.`,
      street: "1 Main St",
      street2: "",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      isoCountry: "US",
    },
    representatives: [rep(1)],
    ...over,
  };
}

export function primary(over: Partial<BusinessProfile> = {}): BusinessProfile {
  return business("isv", over, "primary-business");
}

export function individual(over: Partial<IndividualProfile> = {}): IndividualProfile {
  return {
    key: "me",
    kind: "primary-individual",
    friendlyName: "My profile",
    email: "me@example.org",
    statusCallback: "",
    submit: true,
    source: src,
    phoneNumbers: [],
    trustProducts: [],
    individual: {
      profileName: "Sam Sole",
      email: "sam@example.org",
      phone: "+12025550199",
      firstName: "Sam",
      lastName: "Sole",
      dateOfBirth: "1980-02-03",
    },
    address: {
      customerName: "Sam Sole",
      street: "2 Elm St",
      street2: "",
      city: "Springfield",
      region: "IL",
      postalCode: "62702",
      isoCountry: "US",
    },
    consoleOnly: { photoId: true, selfieVerification: true },
    ...over,
  };
}

export function config(p: Config["primary"], secondaries: BusinessProfile[] = []): Config {
  const c: Config = { secondaries, files: ["trusthub.yaml"] };
  if (p !== undefined) c.primary = p;
  return c;
}

export function emptyAccount(): ObservedAccount {
  return {
    target: TARGET,
    profiles: [],
    endUsers: [],
    documents: [],
    addresses: [],
    assignments: {},
    managed: {},
  };
}

export interface LiveOptions {
  status?: ProfileStatus;
  /** Record it as managed by apply (default true). */
  managed?: boolean;
  /** Also store the assignments as read from Trust Hub (default: when unmanaged). */
  readAssignments?: boolean;
  primarySid?: string;
  dateUpdated?: string;
  /** Edit the desired bundle before it is stored, to plant drift. */
  mutate?: (b: DesiredBundle) => void;
}

/**
 * Stores in `account` exactly what `profile` declares (then `mutate`), with
 * deterministic SIDs derived from the key. Returns the profile SID.
 */
export function putLive(
  account: ObservedAccount,
  profile: BusinessProfile | IndividualProfile,
  opts: LiveOptions = {},
): string {
  const id = (prefix: string, n: number): string =>
    `${prefix}${profile.key
      .replace(/[^a-z0-9]/gi, "")
      .padEnd(8, "0")
      .slice(0, 8)}${String(n).padStart(24, "0")}`;
  const desired = desiredBundle(profile, opts.primarySid ? { primarySid: opts.primarySid } : {});
  opts.mutate?.(desired);
  const sid = id("BU", 0);
  const date = opts.dateUpdated ?? "2026-01-01T00:00:00Z";
  account.profiles.push({
    sid,
    policySid: desired.profile.policySid,
    friendlyName: desired.profile.friendlyName,
    email: desired.profile.email,
    statusCallback: desired.profile.statusCallback,
    status: opts.status ?? "draft",
    dateUpdated: date,
    validUntil: null,
    errors: opts.status === "twilio-rejected" ? [{ code: 18601 }] : [],
  });
  const record: ManagedRecord = {
    key: profile.key,
    profileSid: sid,
    endUsers: {},
    assignments: {},
  };
  desired.endUsers.forEach((u, i) => {
    const s = id("IT", i + 1);
    account.endUsers.push({
      sid: s,
      type: u.type,
      friendlyName: u.friendlyName,
      attributes: { ...u.attributes },
      dateUpdated: date,
    });
    record.endUsers[u.slot] = s;
  });
  const ad = id("AD", 1);
  account.addresses.push({ sid: ad, ...desired.address });
  record.addressSid = ad;
  const rd = id("RD", 1);
  account.documents.push({
    sid: rd,
    type: "customer_profile_address",
    friendlyName: desired.document!.friendlyName,
    attributes: { address_sids: ad },
    status: "DRAFT",
    dateUpdated: date,
  });
  record.documentSid = rd;
  const objects = [
    ...Object.values(record.endUsers),
    rd,
    ...(desired.primarySid ? [desired.primarySid] : []),
  ];
  objects.forEach((o, i) => (record.assignments[o] = id("BV", i + 1)));
  if (opts.managed ?? true) account.managed[profile.key] = record;
  if (opts.readAssignments ?? !(opts.managed ?? true)) {
    account.assignments[sid] = objects.map((o, i) => ({ sid: id("BV", i + 1), objectSid: o }));
  }
  return sid;
}

export { POLICY_SIDS };

/**
 * Builders for declared trust products and live ones (issue 14), next to
 * fixtures.ts. What the fake leaves out: HTTP, Twilio's evaluation and
 * review; SIDs are made up from the key (deterministic, Twilio-shaped
 * prefixes only).
 */
import type {
  A2pMessagingProduct,
  BusinessProfile,
  CnamProduct,
  IndividualProfile,
  ShakenStirProduct,
  TrustProduct,
} from "../../src/model/config.ts";
import type {
  DesiredProduct,
  ManagedProductRecord,
  ObservedAccount,
} from "../../src/model/trusthub.ts";
import type { ProfileStatus } from "../../src/domain/twilio.ts";
import { desiredProduct } from "../../src/plan/desired-product.ts";

const src = { file: "trusthub.yaml", line: 9, column: 5 };

function base(
  profile: BusinessProfile | IndividualProfile,
  kind: TrustProduct["kind"],
  label: string,
) {
  return {
    key: `${profile.key}/${kind}`,
    profileKey: profile.key,
    friendlyName: `${profile.friendlyName} - ${label}`,
    email: profile.email,
    statusCallback: "",
    submit: true,
    phoneNumbers: [] as string[],
    source: src,
  };
}

export function a2p(
  profile: BusinessProfile | IndividualProfile,
  over: Partial<A2pMessagingProduct> = {},
): A2pMessagingProduct {
  return {
    ...base(profile, "a2p-messaging", "A2P Messaging"),
    kind: "a2p-messaging",
    companyType: "private",
    ...over,
  };
}

export function shaken(
  profile: BusinessProfile | IndividualProfile,
  phoneNumbers: string[],
  over: Partial<ShakenStirProduct> = {},
): ShakenStirProduct {
  return {
    ...base(profile, "shaken-stir", "SHAKEN/STIR"),
    kind: "shaken-stir",
    phoneNumbers,
    ...over,
  };
}

export function cnam(
  profile: BusinessProfile | IndividualProfile,
  over: Partial<CnamProduct> = {},
): CnamProduct {
  return { ...base(profile, "cnam", "CNAM"), kind: "cnam", displayName: "ACME", ...over };
}

/** The profile with these products declared. */
export function withProducts<P extends BusinessProfile | IndividualProfile>(
  profile: P,
  make: (p: P) => TrustProduct[],
  phoneNumbers: string[] = [],
): P {
  return { ...profile, trustProducts: make(profile), phoneNumbers };
}

/** Adds incoming phone numbers to the account: PN SIDs derived from the number. */
export function putNumbers(account: ObservedAccount, numbers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  account.phoneNumbers ??= [];
  for (const n of numbers) {
    const sid = `PN${n.replace(/\D/g, "").padStart(32, "0")}`;
    account.phoneNumbers.push({ sid, phoneNumber: n });
    out[n] = sid;
  }
  return out;
}

export interface LiveProductOptions {
  status?: ProfileStatus;
  managed?: boolean;
  /** Store the entity and channel endpoint assignments as read (default: when unmanaged). */
  readAssignments?: boolean;
  /** PN SIDs assigned (default: the desired ones). */
  numbers?: string[];
  mutate?: (d: DesiredProduct) => void;
}

/** Stores in `account` what `product` declares (then `mutate`), on the live profile `profileSid`. */
export function putLiveProduct(
  account: ObservedAccount,
  product: TrustProduct,
  profileSid: string,
  opts: LiveProductOptions = {},
): string {
  const tag = product.key
    .replace(/[^a-z0-9]/gi, "")
    .padEnd(10, "0")
    .slice(0, 10);
  const id = (prefix: string, n: number): string => `${prefix}${tag}${String(n).padStart(22, "0")}`;
  const numbers = Object.fromEntries(
    (account.phoneNumbers ?? []).map((n) => [n.phoneNumber, n.sid]),
  );
  const desired = desiredProduct(product, {
    profileSid,
    phoneNumberSids: product.phoneNumbers.map((n) => numbers[n]!).filter(Boolean),
  });
  opts.mutate?.(desired);
  const sid = id("BU", 0);
  account.trustProducts ??= [];
  account.trustProducts.push({
    sid,
    policySid: desired.product.policySid,
    friendlyName: desired.product.friendlyName,
    email: desired.product.email,
    statusCallback: desired.product.statusCallback,
    status: opts.status ?? "draft",
    dateUpdated: "2026-02-01T00:00:00Z",
    validUntil: null,
    errors: [],
  });
  const record: ManagedProductRecord = {
    key: product.key,
    productSid: sid,
    assignments: {},
    channelEndpoints: {},
  };
  const objects = [desired.customerProfileSid];
  if (desired.endUser !== undefined) {
    const eu = id("IT", 1);
    account.endUsers.push({
      sid: eu,
      type: desired.endUser.type,
      friendlyName: desired.endUser.friendlyName,
      attributes: { ...desired.endUser.attributes },
      dateUpdated: "2026-02-01T00:00:00Z",
    });
    record.endUserSid = eu;
    objects.push(eu);
  }
  objects.forEach((o, i) => (record.assignments[o] = id("BV", i + 1)));
  const assigned = opts.numbers ?? desired.phoneNumberSids;
  assigned.forEach((pn, i) => (record.channelEndpoints[pn] = id("RA", i + 1)));
  const managed = opts.managed ?? true;
  if (managed) (account.managedProducts ??= {})[product.key] = record;
  if (opts.readAssignments ?? !managed) {
    (account.productAssignments ??= {})[sid] = objects.map((o, i) => ({
      sid: id("BV", i + 1),
      objectSid: o,
    }));
    (account.channelEndpoints ??= {})[sid] = assigned.map((pn, i) => ({
      sid: id("RA", i + 1),
      channelEndpointSid: pn,
    }));
  }
  return sid;
}

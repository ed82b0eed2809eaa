/**
 * The two kinds of Trust Hub bundle: CustomerProfiles and TrustProducts share
 * one lifecycle (status machine, edit locks, callbacks, children); a kind
 * names what differs on the wire: path, child path parameter, parent field
 * and link names (twilio_trusthub_v1.json).
 */
import { isoDate, isoOrNull } from "./format.ts";
import type { AccountData } from "./store.ts";
import type { Table } from "./table.ts";
import type { Profile } from "./types.ts";

export interface BundleKind {
  /** `CustomerProfiles` or `TrustProducts`. */
  segment: string;
  /** The children's path parameter. */
  param: string;
  /** The children's field naming their bundle. */
  parentField: string;
  /** Prefix of the `links` keys (`customer_profiles` / `trust_products`). */
  linkPrefix: string;
  table(acct: AccountData): Table<Profile>;
}

export const PROFILE_KIND: BundleKind = {
  segment: "CustomerProfiles",
  param: "CustomerProfileSid",
  parentField: "customer_profile_sid",
  linkPrefix: "customer_profiles",
  table: (acct) => acct.profiles,
};

export const TRUST_PRODUCT_KIND: BundleKind = {
  segment: "TrustProducts",
  param: "TrustProductSid",
  parentField: "trust_product_sid",
  linkPrefix: "trust_products",
  table: (acct) => acct.trustProducts,
};

/** A bundle as the spec renders it (`trusthub.v1.customer_profile` / `trusthub.v1.trust_product`). */
export function renderBundle(kind: BundleKind, p: Profile, base: string): Record<string, unknown> {
  const url = `${base}/v1/${kind.segment}/${p.sid}`;
  return {
    sid: p.sid,
    account_sid: p.accountSid,
    policy_sid: p.policySid,
    friendly_name: p.friendlyName,
    status: p.status,
    valid_until: isoOrNull(p.validUntil),
    email: p.email,
    status_callback: p.statusCallback,
    date_created: isoDate(p.dateCreated),
    date_updated: isoDate(p.dateUpdated),
    url,
    links: {
      [`${kind.linkPrefix}_entity_assignments`]: `${url}/EntityAssignments`,
      [`${kind.linkPrefix}_evaluations`]: `${url}/Evaluations`,
      [`${kind.linkPrefix}_channel_endpoint_assignment`]: `${url}/ChannelEndpointAssignments`,
    },
    errors: p.errors,
  };
}

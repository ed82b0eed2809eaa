/**
 * Matching declared trust products to live ones (issue 14), as profiles are
 * matched (match.ts): a pinned `sid`, then apply's managed record, then
 * friendly name + policy among live trust products nobody else claimed (an
 * `adopt`; two are a duplicate). Also decides what the state reader must read
 * beyond the account-wide lists, so a no-change plan of managed products
 * costs no per-product request. Pure.
 */
import type { Config, Profile, TrustProduct } from "../model/config.ts";
import type { ManagedProductRecord, ObservedAccount } from "../model/trusthub.ts";
import { declaredProfiles, matchProfiles } from "./match.ts";
import { indexAccount } from "./observed.ts";
import { PRODUCT_FACTS } from "./product-facts.ts";

export interface ProductMatch {
  via: "pinned" | "managed" | "name" | "none";
  sid?: string;
  candidates: string[];
  /** Apply's record for this key, when it still describes the matched product. */
  record?: ManagedProductRecord;
  /** The pinned or managed SID no longer exists in Trust Hub. */
  missingSid?: string;
}

export function declaredProducts(config: Config): TrustProduct[] {
  return declaredProfiles(config).flatMap((p) => p.trustProducts);
}

/** Whether the config declares anything of issue 14 (only then is more than today read). */
export function declaresProducts(config: Config): boolean {
  return declaredProfiles(config).some(
    (p) => p.trustProducts.length > 0 || p.phoneNumbers.length > 0,
  );
}

/** Whether any profile or product declares a phone number (only then are numbers listed). */
export function declaresNumbers(config: Config): boolean {
  return declaredProfiles(config).some(
    (p) => p.phoneNumbers.length > 0 || p.trustProducts.some((t) => t.phoneNumbers.length > 0),
  );
}

export function matchProducts(
  products: TrustProduct[],
  account: ObservedAccount,
): Map<string, ProductMatch> {
  const live = new Map((account.trustProducts ?? []).map((p) => [p.sid, p]));
  const managed = account.managedProducts ?? {};
  const claimed = new Set<string>();
  const out = new Map<string, ProductMatch>();
  for (const p of products) {
    const record = managed[p.key];
    if (p.sid !== undefined) {
      claimed.add(p.sid);
      const m: ProductMatch = { via: "pinned", candidates: [] };
      if (live.has(p.sid)) {
        m.sid = p.sid;
        m.candidates = [p.sid];
        if (record?.productSid === p.sid) m.record = record;
      } else m.missingSid = p.sid;
      out.set(p.key, m);
    } else if (record !== undefined) {
      claimed.add(record.productSid);
      out.set(
        p.key,
        live.has(record.productSid)
          ? { via: "managed", sid: record.productSid, candidates: [record.productSid], record }
          : { via: "managed", candidates: [], missingSid: record.productSid },
      );
    }
  }
  // Records of undeclared products still claim their product (prune decides about it).
  for (const r of Object.values(managed)) claimed.add(r.productSid);
  const byName = new Map<string, string[]>();
  for (const lp of account.trustProducts ?? []) {
    if (claimed.has(lp.sid)) continue;
    const k = nameKey(lp.friendlyName, lp.policySid);
    byName.set(k, [...(byName.get(k) ?? []), lp.sid]);
  }
  for (const p of products) {
    if (out.has(p.key)) continue;
    const candidates = [
      ...(byName.get(nameKey(p.friendlyName, PRODUCT_FACTS[p.kind].policySid)) ?? []),
    ].sort();
    const m: ProductMatch = { via: candidates.length > 0 ? "name" : "none", candidates };
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) m.sid = only;
    out.set(p.key, m);
  }
  return out;
}

function nameKey(friendlyName: string, policySid: string): string {
  return `${policySid}\u0000${friendlyName.trim()}`;
}

/** Whether a record names every object the product needs and they still exist. */
export function isProductRecordComplete(
  record: ManagedProductRecord,
  product: TrustProduct,
  endUserSids: ReadonlySet<string>,
): boolean {
  if (PRODUCT_FACTS[product.kind].endUserType === undefined) return true;
  return record.endUserSid !== undefined && endUserSids.has(record.endUserSid);
}

/** What the state reader reads beyond the lists (see src/state/read.ts ProductReadOptions). */
export interface ProductReadNeeds {
  /** Trust products whose entity assignments to read. */
  productAssignments: string[];
  /** Customer profiles and trust products whose channel endpoint assignments to read. */
  channelEndpoints: string[];
}

/**
 * Per-bundle reads the plan needs: entity (and, for voice products, channel endpoint)
 * assignments of products apply has no complete record of (adoption, pins, incomplete
 * records); channel endpoint assignments of live profiles that declare phone numbers.
 */
export function productReadNeeds(config: Config, account: ObservedAccount): ProductReadNeeds {
  const endUsers = new Set(account.endUsers.map((e) => e.sid));
  const products = declaredProducts(config);
  const matches = matchProducts(products, account);
  const assignments = new Set<string>();
  const endpoints = new Set<string>();
  for (const p of products) {
    const m = matches.get(p.key);
    if (m?.sid === undefined || m.candidates.length > 1) continue;
    if (m.record === undefined || !isProductRecordComplete(m.record, p, endUsers)) {
      assignments.add(m.sid);
      if (PRODUCT_FACTS[p.kind].voice) endpoints.add(m.sid);
    }
  }
  const profiles: Profile[] = declaredProfiles(config);
  const numbered = profiles.filter((p) => p.phoneNumbers.length > 0);
  if (numbered.length > 0) {
    const profileMatches = matchProfiles(profiles, indexAccount(account));
    for (const p of numbered) {
      const sid = profileMatches.get(p.key)?.sid;
      if (sid !== undefined) endpoints.add(sid);
    }
  }
  return { productAssignments: [...assignments].sort(), channelEndpoints: [...endpoints].sort() };
}

/**
 * What the state reader needs for issue 14 (src/state/read.ts `products`), or undefined when
 * the config declares no trust product and no phone number: then nothing more is read.
 */
export function productReads(
  config: Config,
  managed: Record<string, ManagedProductRecord>,
):
  | {
      managed: Record<string, ManagedProductRecord>;
      phoneNumbers: boolean;
      need: (account: ObservedAccount) => ProductReadNeeds;
    }
  | undefined {
  if (!declaresProducts(config) && Object.keys(managed).length === 0) return undefined;
  return {
    managed,
    phoneNumbers: declaresNumbers(config),
    need: (account) => productReadNeeds(config, account),
  };
}

/**
 * Indexes an ObservedAccount by SID and assembles the live bundle of one
 * profile from it. The bundle's objects come from apply's managed record when
 * there is one (cheap: no per-profile request), completed or replaced by the
 * profile's entity assignments when those were read (adoption, incomplete
 * records). Pure.
 */
import { END_USER_TYPES, SUPPORTING_DOCUMENT_TYPES } from "../domain/twilio.ts";
import type {
  BundleEndUser,
  ManagedRecord,
  ObservedAccount,
  ObservedAddress,
  ObservedBundle,
  ObservedDocument,
  ObservedEndUser,
  ObservedProfile,
} from "../model/trusthub.ts";

type EndUserSlot = BundleEndUser["slot"];

export interface AccountIndex {
  account: ObservedAccount;
  profiles: Map<string, ObservedProfile>;
  endUsers: Map<string, ObservedEndUser>;
  documents: Map<string, ObservedDocument>;
  addresses: Map<string, ObservedAddress>;
}

export function indexAccount(account: ObservedAccount): AccountIndex {
  const bySid = <T extends { sid: string }>(items: T[]): Map<string, T> => {
    const m = new Map<string, T>();
    for (const i of items) m.set(i.sid, i);
    return m;
  };
  return {
    account,
    profiles: bySid(account.profiles),
    endUsers: bySid(account.endUsers),
    documents: bySid(account.documents),
    addresses: bySid(account.addresses),
  };
}

const SLOT_BY_TYPE = new Map<string, EndUserSlot>(
  (Object.entries(END_USER_TYPES) as [EndUserSlot, string][]).map(([slot, type]) => [type, slot]),
);

/** The first address SID a supporting document points at. */
export function documentAddressSid(doc: ObservedDocument): string | undefined {
  const raw = doc.attributes["address_sids"];
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  const first = list.map((s) => s.trim()).find((s) => s !== "");
  return first;
}

/** Whether a managed record names every object a bundle needs and all of them still exist. */
export function isManagedRecordComplete(index: AccountIndex, record: ManagedRecord): boolean {
  const sids = Object.values(record.endUsers);
  const hasMain =
    record.endUsers.business !== undefined || record.endUsers.individual !== undefined;
  if (!hasMain || record.addressSid === undefined || record.documentSid === undefined) return false;
  if (!sids.every((s) => s !== undefined && index.endUsers.has(s))) return false;
  return index.addresses.has(record.addressSid) && index.documents.has(record.documentSid);
}

export function observedBundle(
  index: AccountIndex,
  profileSid: string,
  record: ManagedRecord | undefined,
): ObservedBundle | undefined {
  const profile = index.profiles.get(profileSid);
  if (profile === undefined) return undefined;
  const endUsers: Partial<Record<EndUserSlot, ObservedEndUser>> = {};
  let document: ObservedDocument | undefined;
  let address: ObservedAddress | undefined;
  const read = index.account.assignments[profileSid];

  if (record !== undefined && record.profileSid === profileSid) {
    for (const [slot, sid] of Object.entries(record.endUsers) as [EndUserSlot, string][]) {
      const eu = index.endUsers.get(sid);
      if (eu !== undefined) endUsers[slot] = eu;
    }
    if (record.documentSid !== undefined) document = index.documents.get(record.documentSid);
    if (record.addressSid !== undefined) address = index.addresses.get(record.addressSid);
  }
  // Assignments, when read, fill whatever the record did not name.
  for (const a of read ?? []) {
    const eu = index.endUsers.get(a.objectSid);
    if (eu !== undefined) {
      const slot = SLOT_BY_TYPE.get(eu.type);
      if (slot !== undefined && endUsers[slot] === undefined) endUsers[slot] = eu;
      continue;
    }
    const doc = index.documents.get(a.objectSid);
    if (doc !== undefined && doc.type === SUPPORTING_DOCUMENT_TYPES.address && !document) {
      document = doc;
    }
  }
  if (address === undefined && document !== undefined) {
    const sid = documentAddressSid(document);
    if (sid !== undefined) address = index.addresses.get(sid);
  }

  const assigned =
    read !== undefined
      ? read.map((a) => a.objectSid)
      : record !== undefined
        ? Object.keys(record.assignments)
        : [];
  const bundle: ObservedBundle = {
    profile,
    endUsers,
    assignedObjectSids: [...new Set(assigned)].sort(),
  };
  if (address !== undefined) bundle.address = address;
  if (document !== undefined) bundle.document = document;
  // Issue 14: read only for profiles that declare phone numbers (src/plan/product-match.ts).
  const endpoints = index.account.channelEndpoints?.[profileSid];
  if (endpoints !== undefined) bundle.channelEndpoints = endpoints;
  return bundle;
}

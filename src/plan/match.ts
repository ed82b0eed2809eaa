/**
 * Matching declared profiles to live ones. Order of evidence: a pinned `sid`,
 * then apply's managed record, then friendly name + policy among live profiles
 * nobody else claimed. A name match is never used silently: it becomes an
 * `adopt` action; two name matches are a duplicate, reported with both SIDs.
 * Pure.
 */
import { POLICY_SIDS } from "../domain/twilio.ts";
import type { Config, Profile } from "../model/config.ts";
import type { ManagedRecord, ObservedAccount } from "../model/trusthub.ts";
import { policySidFor } from "./desired.ts";
import { indexAccount, isManagedRecordComplete, type AccountIndex } from "./observed.ts";

export interface Match {
  /** How the live profile was found. */
  via: "pinned" | "managed" | "name" | "none";
  /** The live profile, when exactly one was found. */
  sid?: string;
  /** Every live profile that matched (two or more: a duplicate). */
  candidates: string[];
  /** Apply's record for this key, when it still describes a live profile. */
  record?: ManagedRecord;
  /** The pinned or managed SID no longer exists in Trust Hub. */
  missingSid?: string;
  /** A declared primary matched nothing: the account's unclaimed live primaries (near misses). */
  livePrimaries?: LivePrimary[];
}

/** A live primary named in the plan (SID, friendly name, status: no personal data). */
export interface LivePrimary {
  sid: string;
  friendlyName: string;
  status: string;
  kind: "business" | "individual";
}

const PRIMARY_KINDS: Record<string, LivePrimary["kind"]> = {
  [POLICY_SIDS.primaryBusiness]: "business",
  [POLICY_SIDS.primaryIndividual]: "individual",
};

export function declaredProfiles(config: Config): Profile[] {
  return config.primary ? [config.primary, ...config.secondaries] : [...config.secondaries];
}

export function matchProfiles(profiles: Profile[], index: AccountIndex): Map<string, Match> {
  const managed = index.account.managed;
  const claimed = new Set<string>();
  const out = new Map<string, Match>();
  // Pins and records claim their profiles before any name matching.
  for (const p of profiles) {
    const record = managed[p.key];
    if (p.sid !== undefined) {
      claimed.add(p.sid);
      const m: Match = { via: "pinned", candidates: [] };
      if (index.profiles.has(p.sid)) {
        m.sid = p.sid;
        m.candidates = [p.sid];
        if (record?.profileSid === p.sid) m.record = record;
      } else {
        m.missingSid = p.sid;
      }
      out.set(p.key, m);
    } else if (record !== undefined) {
      claimed.add(record.profileSid);
      if (index.profiles.has(record.profileSid)) {
        out.set(p.key, {
          via: "managed",
          sid: record.profileSid,
          candidates: [record.profileSid],
          record,
        });
      } else {
        out.set(p.key, { via: "managed", candidates: [], missingSid: record.profileSid });
      }
    }
  }
  const byName = new Map<string, string[]>();
  for (const lp of index.account.profiles) {
    if (claimed.has(lp.sid)) continue;
    const k = nameKey(lp.friendlyName, lp.policySid);
    byName.set(k, [...(byName.get(k) ?? []), lp.sid]);
  }
  for (const p of profiles) {
    if (out.has(p.key)) continue;
    const candidates = [
      ...(byName.get(nameKey(p.friendlyName, policySidFor(p.kind))) ?? []),
    ].sort();
    const m: Match = { via: candidates.length > 0 ? "name" : "none", candidates };
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) m.sid = only;
    if (m.via === "none" && p.kind !== "secondary") m.livePrimaries = livePrimaries(index, claimed);
    out.set(p.key, m);
  }
  return out;
}

function livePrimaries(index: AccountIndex, claimed: ReadonlySet<string>): LivePrimary[] {
  const out: LivePrimary[] = [];
  for (const lp of index.account.profiles) {
    const kind = PRIMARY_KINDS[lp.policySid];
    if (kind === undefined || claimed.has(lp.sid)) continue;
    out.push({ sid: lp.sid, friendlyName: lp.friendlyName, status: lp.status, kind });
  }
  return out.sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
}

function nameKey(friendlyName: string, policySid: string): string {
  return `${policySid}\u0000${friendlyName.trim()}`;
}

/**
 * Live profiles whose entity assignments the planner needs: name matches it
 * would adopt, pinned profiles apply has no record of, managed profiles
 * whose record is incomplete or points at objects that are gone, and, when
 * secondaries are declared without their primary, the live business primary. Everything
 * else is read from the account-wide lists, so a no-change plan costs no
 * per-profile request.
 */
export function profilesNeedingAssignments(config: Config, account: ObservedAccount): string[] {
  const index = indexAccount(account);
  const need = new Set<string>();
  for (const [, m] of matchProfiles(declaredProfiles(config), index)) {
    if (m.sid === undefined) continue;
    if (m.record === undefined || !isManagedRecordComplete(index, m.record)) need.add(m.sid);
  }
  // Secondaries with no declared primary hang off the account's live business
  // primary: its business identity decides whether they can be created.
  if (config.primary === undefined && config.secondaries.length > 0) {
    for (const p of account.profiles) {
      if (p.policySid === POLICY_SIDS.primaryBusiness) need.add(p.sid);
    }
  }
  return [...need].sort();
}

/**
 * Which live profiles `trusthub import` writes out. The language holds one
 * primary and unique friendly names, so: the primary is the best-placed one
 * (approved, then in review, pending, rejected, draft; then by SID) and other
 * primaries are left out with a warning; among secondaries that share a
 * friendly name the best-placed one is written, pinned with `sid:`, and the
 * others are left out; profiles of other policies are left out. Pure.
 */
import { POLICY_SIDS, type ProfileStatus } from "../../domain/twilio.ts";
import type { ObservedAccount, ObservedProfile } from "../../model/trusthub.ts";

export interface Picked {
  profile: ObservedProfile;
  /** Written with `sid:` because another live profile has the same friendly name. */
  pinned: boolean;
}

export interface PickResult {
  primary?: Picked;
  secondaries: Picked[];
  warnings: string[];
}

const RANK: Record<ProfileStatus, number> = {
  "twilio-approved": 0,
  "in-review": 1,
  "pending-review": 2,
  "twilio-rejected": 3,
  draft: 4,
};

function byRank(a: ObservedProfile, b: ObservedProfile): number {
  return RANK[a.status] - RANK[b.status] || (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0);
}

function byName(a: ObservedProfile, b: ObservedProfile): number {
  const x = a.friendlyName.trim().toLowerCase();
  const y = b.friendlyName.trim().toLowerCase();
  return x < y ? -1 : x > y ? 1 : byRank(a, b);
}

export function pickProfiles(account: ObservedAccount): PickResult {
  const warnings: string[] = [];
  const primaries = account.profiles
    .filter(
      (p) =>
        p.policySid === POLICY_SIDS.primaryBusiness ||
        p.policySid === POLICY_SIDS.primaryIndividual,
    )
    .sort(byRank);
  const secondaries = account.profiles.filter((p) => p.policySid === POLICY_SIDS.secondary);
  for (const p of account.profiles) {
    if (!primaries.includes(p) && !secondaries.includes(p)) {
      warnings.push(
        `${p.sid} "${p.friendlyName}" has policy ${p.policySid}, which trusthub does not manage; left out`,
      );
    }
  }
  const result: PickResult = { secondaries: [], warnings };
  const [primary, ...extra] = primaries;
  if (primary !== undefined) result.primary = { profile: primary, pinned: false };
  for (const p of extra) {
    warnings.push(
      `${p.sid} "${p.friendlyName}" (${p.status}) is another primary profile; a configuration holds one, so it was left out (${primary?.sid} was written)`,
    );
  }
  const groups = new Map<string, ObservedProfile[]>();
  for (const p of secondaries) {
    const name = p.friendlyName.trim();
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  for (const [name, group] of groups) {
    const [best, ...rest] = group.sort(byRank);
    if (best === undefined) continue;
    result.secondaries.push({ profile: best, pinned: rest.length > 0 });
    for (const p of rest) {
      warnings.push(
        `${p.sid} (${p.status}) has the same friendly name "${name}" as ${best.sid}; friendly names are unique in a configuration, so it was left out (rename it in Trust Hub and import again)`,
      );
    }
  }
  result.secondaries.sort((a, b) => byName(a.profile, b.profile));
  return result;
}

/**
 * Reads one profile's live bundle straight from Trust Hub (the provider's view
 * right before it writes), assembled by the planner's own observedBundle so
 * apply and plan see a bundle the same way.
 */
import type { TwilioClient } from "../state/client.ts";
import type {
  ManagedRecord,
  ObservedAccount,
  ObservedAddress,
  ObservedAssignment,
  ObservedBundle,
  ObservedDocument,
  ObservedEndUser,
  ObservedProfile,
  TargetInfo,
} from "../model/trusthub.ts";
import { documentAddressSid, indexAccount, observedBundle } from "../plan/observed.ts";
import * as w from "./writer.ts";

export interface LiveBundle {
  bundle: ObservedBundle;
  assignments: ObservedAssignment[];
}

export async function readLiveBundle(
  c: TwilioClient,
  target: TargetInfo,
  profile: ObservedProfile,
  record: ManagedRecord | undefined,
): Promise<LiveBundle> {
  const assignments = await w.listAssignments(c, profile.sid);
  const endUsers: ObservedEndUser[] = [];
  const documents: ObservedDocument[] = [];
  const addresses: ObservedAddress[] = [];
  const wanted = new Set<string>(assignments.map((a) => a.objectSid));
  if (record && record.profileSid === profile.sid) {
    for (const sid of Object.values(record.endUsers)) if (sid) wanted.add(sid);
    if (record.documentSid) wanted.add(record.documentSid);
  }
  await Promise.all(
    [...wanted].map(async (sid) => {
      if (sid.startsWith("IT")) {
        const u = await w.fetchEndUser(c, sid);
        if (u) endUsers.push(u);
      } else if (sid.startsWith("RD")) {
        const d = await w.fetchDocument(c, sid);
        if (d) documents.push(d);
      }
    }),
  );
  const addressSids = new Set<string>();
  if (record?.addressSid) addressSids.add(record.addressSid);
  for (const d of documents) {
    const a = documentAddressSid(d);
    if (a) addressSids.add(a);
  }
  await Promise.all(
    [...addressSids].map(async (sid) => {
      const a = await w.fetchAddress(c, target.accountSid, sid);
      if (a) addresses.push(a);
    }),
  );
  const account: ObservedAccount = {
    target,
    profiles: [profile],
    endUsers,
    documents,
    addresses,
    assignments: { [profile.sid]: assignments },
    managed: record ? { [record.key]: record } : {},
  };
  const bundle = observedBundle(indexAccount(account), profile.sid, record);
  if (!bundle) throw new Error(`profile ${profile.sid} vanished while being read`);
  return { bundle, assignments };
}

/**
 * The provider's delete: what `trusthub apply --prune` does to a secondary the
 * YAML no longer declares (Pulumi deletes a resource the program stops
 * registering). Decisions:
 *  - the profile SID is the resource's `profileSid` output, not its id: a
 *    profile re-created after it was deleted outside the tool keeps the old id;
 *  - primaries are never deleted (only the Console can): the record is forgotten;
 *  - pending-review, in-review and twilio-approved profiles are refused
 *    (Twilio does not allow it; Twilio Support must do it); the status is re-read
 *    right before the delete;
 *  - a profile already gone (404) is fine: the objects are still cleaned up;
 *  - then the bundle's objects named in the record go: end users, the address
 *    document, then the Address. An object Twilio refuses to delete (a 4xx other
 *    than 404/429, e.g. an end user assigned to another bundle, or an Address a
 *    phone number depends on) is left in place: it belongs to no profile of
 *    ours any more and deleting it is not worth failing the prune.
 */
import { isImmutableStatus } from "../domain/twilio.ts";
import type { TargetInfo } from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import type { ProfileOutputs } from "./inputs.ts";
import * as w from "./writer.ts";

function refused(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 && status !== 429;
}

async function unlessRefused(p: Promise<unknown>, left: string[], what: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!refused(e)) throw e;
    left.push(what);
  }
}

/** Deletes one profile bundle; returns the objects Twilio refused to delete (left in place). */
export async function deleteBundle(
  c: TwilioClient,
  target: TargetInfo,
  id: string,
  props: ProfileOutputs,
): Promise<string[]> {
  if (props.kind !== "secondary") return []; // primaries belong to the Console: forget only
  const sid = props.profileSid || id;
  const live = await w.fetchProfile(c, sid);
  if (live && isImmutableStatus(live.status)) {
    throw new Error(
      `profile ${props.key} (${sid}) is ${live.status}: Twilio does not allow deleting it; Twilio Support must do it`,
    );
  }
  if (live) await w.deleteProfile(c, sid);
  const r = props.record;
  const left: string[] = [];
  for (const eu of Object.values(r?.endUsers ?? {})) {
    if (eu) await unlessRefused(w.deleteEndUser(c, eu), left, eu);
  }
  if (r?.documentSid) await unlessRefused(w.deleteDocument(c, r.documentSid), left, r.documentSid);
  if (r?.addressSid) {
    const address = r.addressSid;
    await unlessRefused(w.deleteAddress(c, target.accountSid, address), left, address);
  }
  return left;
}

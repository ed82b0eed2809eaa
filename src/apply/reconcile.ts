/**
 * Makes one profile bundle in Trust Hub equal to its desired bundle: the body
 * of the provider's create and update. Order of work:
 *   1. find the profile (record, pinned/adopted SID, then friendly name + policy,
 *      so a retried create never duplicates it), else create it (secondaries only);
 *   2. immutability guard on the status just read, before any write (and for
 *      an existing profile once more right before its first write);
 *   3. read the live bundle, diff it with the planner's diffBundle, write only
 *      the slots that differ. Objects missing from a pre-existing profile are
 *      looked up by their deterministic friendly name before being created
 *      (left over by a crash), so nothing is duplicated or leaked.
 * Any failure after the first write is rethrown as PartialApplyError carrying
 * the record of what exists, so the engine keeps it in state.
 */
import type { TwilioClient } from "../state/client.ts";
import type { ProfileStatus } from "../domain/twilio.ts";
import { isImmutableStatus } from "../domain/twilio.ts";
import type { FieldChange } from "../model/plan.ts";
import type {
  DesiredBundle,
  ManagedRecord,
  ObservedProfile,
  TargetInfo,
} from "../model/trusthub.ts";
import { diffBundle } from "../plan/diff.ts";
import { readLiveBundle } from "./live.ts";
import { applySlots, recordLive, type SlotContext } from "./slots.ts";
import * as w from "./writer.ts";

export interface ReconcileResult {
  record: ManagedRecord;
  status: ProfileStatus;
  /** Slots written, in order (empty when nothing differed). */
  wrote: string[];
  /** The profile existed before (adopted or updated) rather than created now. */
  existed: boolean;
}

/** Refused because Twilio makes the profile immutable in its current status. */
export class ImmutableProfileError extends Error {
  readonly code = "immutable-profile";
  constructor(key: string, sid: string, status: string) {
    super(
      `profile ${key} (${sid}) is ${status}: Twilio does not allow changes in this status; ` +
        `nothing was written to it (wait for the review outcome, then apply again)`,
    );
    this.name = "ImmutableProfileError";
  }
}

/** A failure after some objects were written; `record` names what exists. */
export class PartialApplyError extends Error {
  readonly code = "partial-apply";
  readonly record: ManagedRecord;
  readonly status: ProfileStatus;
  constructor(message: string, record: ManagedRecord, status: ProfileStatus, cause?: unknown) {
    super(message, { cause });
    this.name = "PartialApplyError";
    this.record = record;
    this.status = status;
  }
}

export interface ReconcileOptions {
  /** Live profile SID the plan chose (pinned `sid`, or a name match to adopt). */
  adoptSid?: string;
  /** The plan adopts an immutable profile: record what exists, write nothing. */
  recordOnly?: boolean;
}

async function locateProfile(
  c: TwilioClient,
  desired: DesiredBundle,
  prior: ManagedRecord | undefined,
  opts: ReconcileOptions,
): Promise<{ profile?: ObservedProfile }> {
  const sid = prior?.profileSid ?? opts.adoptSid;
  if (sid) {
    const p = await w.fetchProfile(c, sid);
    if (p) return { profile: p };
    if (!prior) throw new Error(`profile ${desired.key}: live profile ${sid} does not exist`);
  }
  const found = await w.findProfiles(c, desired.profile.friendlyName, desired.profile.policySid);
  if (found.length > 1) {
    const sids = found.map((p) => p.sid).join(", ");
    throw new Error(
      `profile ${desired.key}: several live profiles share its friendly name and policy (${sids}); ` +
        `pin one with \`sid:\` in the YAML`,
    );
  }
  return found[0] ? { profile: found[0] } : {};
}

export async function reconcile(
  c: TwilioClient,
  target: TargetInfo,
  desired: DesiredBundle,
  prior: ManagedRecord | undefined,
  opts: ReconcileOptions = {},
): Promise<ReconcileResult> {
  let { profile } = await locateProfile(c, desired, prior, opts);
  const existed = profile !== undefined;
  if (profile && isImmutableStatus(profile.status)) {
    if (!opts.recordOnly) throw new ImmutableProfileError(desired.key, profile.sid, profile.status);
    const record: ManagedRecord = {
      key: desired.key,
      profileSid: profile.sid,
      endUsers: {},
      assignments: {},
    };
    const live = await readLiveBundle(c, target, profile, prior);
    recordLive(record, live.bundle);
    for (const a of live.assignments) record.assignments[a.objectSid] = a.sid;
    return { record, status: profile.status, wrote: [], existed };
  }
  if (!profile) {
    if (desired.kind !== "secondary") {
      throw new Error(
        `profile ${desired.key}: primary profiles can only be created in the Twilio Console; ` +
          `create it there (or pin its SID with \`sid:\`), then apply again`,
      );
    }
    profile = await w.createProfile(c, desired.profile);
  }
  const record: ManagedRecord = {
    key: desired.key,
    profileSid: profile.sid,
    endUsers: {},
    assignments: {},
  };
  const ctx: SlotContext = { c, target, desired, record, fresh: !existed, wrote: [] };
  try {
    let changes: FieldChange[];
    if (existed) {
      const live = await readLiveBundle(c, target, profile, prior);
      ctx.live = live.bundle;
      for (const a of live.assignments) record.assignments[a.objectSid] = a.sid;
      changes = diffBundle(desired, live.bundle);
      // The guard again right before the first write: reading the bundle took several requests,
      // and Twilio may have taken the profile into review meanwhile.
      const now = changes.length > 0 ? await w.fetchProfile(c, profile.sid) : profile;
      if (now && isImmutableStatus(now.status)) {
        throw new ImmutableProfileError(desired.key, profile.sid, now.status);
      }
    } else {
      changes = diffBundle(desired, undefined);
    }
    await applySlots(ctx, changes);
  } catch (e) {
    if (e instanceof ImmutableProfileError) throw e; // refused before any write
    const why = e instanceof Error ? e.message : String(e);
    throw new PartialApplyError(
      `profile ${desired.key} (${profile.sid}): ${why}`,
      record,
      profile.status,
      e,
    );
  }
  return { record, status: profile.status, wrote: ctx.wrote, existed };
}

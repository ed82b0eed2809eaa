/**
 * Writes the slots of one bundle that differ (see reconcile.ts), filling the
 * managed record as it goes so a failure can report exactly what exists.
 */
import type { TwilioClient } from "../state/client.ts";
import type { FieldChange } from "../model/plan.ts";
import type {
  BundleEndUser,
  DesiredBundle,
  ManagedRecord,
  ObservedBundle,
  TargetInfo,
} from "../model/trusthub.ts";
import { documentAddressSid } from "../plan/observed.ts";
import { SUPPORTING_DOCUMENT_TYPES } from "../domain/twilio.ts";
import * as w from "./writer.ts";

export interface SlotContext {
  c: TwilioClient;
  target: TargetInfo;
  desired: DesiredBundle;
  record: ManagedRecord;
  /** The profile was created in this run: nothing else of it can exist yet. */
  fresh: boolean;
  live?: ObservedBundle;
  /** Human-readable log of the writes done, e.g. "business created". */
  wrote: string[];
}

const END_USER_SLOTS = ["business", "representative1", "representative2", "individual"] as const;

function documentName(d: DesiredBundle): string {
  return d.document?.friendlyName ?? `${d.profile.friendlyName} - Address Document`;
}

/** Names the live objects of a bundle in its record. */
export function recordLive(record: ManagedRecord, live: ObservedBundle | undefined): void {
  for (const slot of END_USER_SLOTS) {
    const sid = live?.endUsers[slot]?.sid;
    if (sid) record.endUsers[slot] = sid;
  }
  if (live?.address) record.addressSid = live.address.sid;
  if (live?.document) record.documentSid = live.document.sid;
}

export async function applySlots(ctx: SlotContext, changes: FieldChange[]): Promise<void> {
  const { c, desired, record } = ctx;
  const changed = new Set(changes.map((ch) => ch.slot));
  recordLive(record, ctx.live);

  if (changed.has("profile") && !ctx.fresh) {
    if (changes.some((ch) => ch.slot === "profile" && ch.field === "policy_sid")) {
      throw new Error(
        "its policy differs from the YAML kind; Twilio cannot change a profile's policy",
      );
    }
    await w.updateProfile(c, record.profileSid, desired.profile);
    ctx.wrote.push("profile updated");
  }
  for (const slot of END_USER_SLOTS) await endUserSlot(ctx, slot, changed.has(slot));
  await addressSlot(ctx, changed.has("address"));
  await documentSlot(ctx, changed.has("document"));
  await ensureAssignments(ctx);
}

async function endUserSlot(ctx: SlotContext, slot: BundleEndUser["slot"], differs: boolean) {
  const { c, desired, record, live } = ctx;
  const want = desired.endUsers.find((u) => u.slot === slot);
  const have = live?.endUsers[slot];
  if (want && !have) {
    const found = ctx.fresh ? undefined : await w.findEndUser(c, want);
    if (found) {
      await w.updateEndUser(c, found.sid, want);
      record.endUsers[slot] = found.sid;
      ctx.wrote.push(`${slot} adopted (${found.sid})`);
    } else {
      record.endUsers[slot] = await w.createEndUser(c, want);
      ctx.wrote.push(`${slot} created (${record.endUsers[slot]})`);
    }
  } else if (!want && have) {
    const bv = record.assignments[have.sid];
    if (bv) await w.unassign(c, record.profileSid, bv);
    delete record.assignments[have.sid];
    delete record.endUsers[slot];
    await w.deleteEndUser(c, have.sid);
    ctx.wrote.push(`${slot} removed (${have.sid})`);
  } else if (want && have && differs) {
    await w.updateEndUser(c, have.sid, want);
    ctx.wrote.push(`${slot} updated (${have.sid})`);
  }
}

async function addressSlot(ctx: SlotContext, differs: boolean) {
  const { c, desired, record, live, target } = ctx;
  const have = live?.address;
  if (!have) {
    const found = ctx.fresh
      ? undefined
      : await w.findAddress(c, target.accountSid, desired.address.friendlyName);
    if (found && found.isoCountry === desired.address.isoCountry) {
      await w.updateAddress(c, target.accountSid, found.sid, desired.address);
      record.addressSid = found.sid;
      ctx.wrote.push(`address adopted (${found.sid})`);
    } else {
      record.addressSid = await w.createAddress(c, target.accountSid, desired.address);
      ctx.wrote.push(`address created (${record.addressSid})`);
    }
  } else if (differs) {
    if (have.isoCountry !== desired.address.isoCountry) {
      // Twilio cannot change an address's country: a new address replaces it.
      record.addressSid = await w.createAddress(c, target.accountSid, desired.address);
      ctx.wrote.push(`address replaced (${record.addressSid})`);
    } else {
      await w.updateAddress(c, target.accountSid, have.sid, desired.address);
      ctx.wrote.push(`address updated (${have.sid})`);
    }
  }
}

async function documentSlot(ctx: SlotContext, differs: boolean) {
  const { c, desired, record, live } = ctx;
  const name = documentName(desired);
  const addressSid = record.addressSid;
  if (!addressSid) throw new Error("no address to attach to the supporting document");
  const have = live?.document;
  if (!have) {
    const found = ctx.fresh ? undefined : await w.findDocument(c, name);
    if (found) {
      await w.updateDocument(c, found.sid, name, addressSid);
      record.documentSid = found.sid;
      ctx.wrote.push(`document adopted (${found.sid})`);
    } else {
      record.documentSid = await w.createDocument(c, name, addressSid);
      ctx.wrote.push(`document created (${record.documentSid})`);
    }
  } else if (differs || documentAddressSid(have) !== addressSid || have.friendlyName !== name) {
    if (have.type !== (desired.document?.type ?? SUPPORTING_DOCUMENT_TYPES.address)) {
      throw new Error(
        `supporting document ${have.sid} has type ${have.type}, not an address document`,
      );
    }
    await w.updateDocument(c, have.sid, name, addressSid);
    ctx.wrote.push(`document updated (${have.sid})`);
  }
}

async function ensureAssignments(ctx: SlotContext) {
  const { c, desired, record } = ctx;
  const objects = [...Object.values(record.endUsers), record.documentSid].filter(
    (s): s is string => typeof s === "string",
  );
  if (desired.primarySid !== undefined) {
    if (!desired.primarySid.startsWith("BU")) {
      throw new Error(`its primary profile (${desired.primarySid}) has no live SID yet`);
    }
    objects.push(desired.primarySid);
  }
  for (const objectSid of objects) {
    if (record.assignments[objectSid]) continue;
    record.assignments[objectSid] = await w.assign(c, record.profileSid, objectSid);
    ctx.wrote.push(`assigned ${objectSid}`);
  }
}

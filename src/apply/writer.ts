/**
 * Trust Hub reads and writes apply needs, through the official twilio SDK
 * (createClient). Every fetch and delete treats 404 as "gone" (undefined /
 * no-op). Plain functions over a client: no state, so the dynamic provider can
 * load this module inside its methods.
 */
import type { TwilioClient } from "../state/client.ts";
import type {
  BundleAddress,
  BundleEndUser,
  BundleProfileFields,
  ObservedAssignment,
} from "../model/trusthub.ts";
import { toAddress, toDocument, toEndUser, toProfile } from "./writer-map.ts";
import { createChecked, idempotent } from "./retry.ts";
import { SUPPORTING_DOCUMENT_TYPES } from "../domain/twilio.ts";

export function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { status?: unknown }).status === 404;
}

async function orGone<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

// ------------------------------------------------------------------ profiles

export function fetchProfile(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    const p = await orGone(c.trusthub.v1.customerProfiles(sid).fetch());
    return p && toProfile(p);
  });
}

/** Profiles with exactly this friendly name and policy (server-side filters). */
export function findProfiles(c: TwilioClient, friendlyName: string, policySid: string) {
  return idempotent(async () => {
    const list = await c.trusthub.v1.customerProfiles.list({
      friendlyName,
      policySid,
      pageSize: 50,
    });
    return list.map(toProfile).filter((p) => p.friendlyName === friendlyName);
  });
}

export function createProfile(c: TwilioClient, f: BundleProfileFields) {
  return createChecked(
    async () => {
      const p = await c.trusthub.v1.customerProfiles.create({
        friendlyName: f.friendlyName,
        email: f.email,
        policySid: f.policySid,
        ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
      });
      return toProfile(p);
    },
    async () => (await findProfiles(c, f.friendlyName, f.policySid))[0],
  );
}

export function updateProfile(c: TwilioClient, sid: string, f: BundleProfileFields) {
  return idempotent(async () => {
    await c.trusthub.v1.customerProfiles(sid).update({
      friendlyName: f.friendlyName,
      email: f.email,
      ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
    });
  });
}

export async function submitProfile(c: TwilioClient, sid: string) {
  const p = await c.trusthub.v1.customerProfiles(sid).update({ status: "pending-review" });
  return toProfile(p);
}

export function deleteProfile(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    await orGone(c.trusthub.v1.customerProfiles(sid).remove());
  });
}

export interface EvaluationResult {
  sid: string;
  status: "compliant" | "noncompliant";
  /** Failing fields, free of personal data: requirement, field, reason. */
  failures: { requirement: string; field: string; reason: string; code: number | null }[];
}

function text(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

export function evaluate(c: TwilioClient, sid: string, policySid: string) {
  return idempotent(async () => {
    const e = await c.trusthub.v1
      .customerProfiles(sid)
      .customerProfilesEvaluations.create({ policySid });
    const failures: EvaluationResult["failures"] = [];
    for (const r of (e.results ?? []) as Record<string, unknown>[]) {
      if (r["passed"] === true) continue;
      const requirement = text(r["requirement_name"]) || text(r["object_type"]);
      const invalid = Array.isArray(r["invalid"])
        ? (r["invalid"] as Record<string, unknown>[])
        : [];
      if (invalid.length === 0) {
        const code = typeof r["error_code"] === "number" ? r["error_code"] : null;
        failures.push({ requirement, field: "", reason: text(r["failure_reason"]), code });
      }
      for (const i of invalid) {
        const code = typeof i["error_code"] === "number" ? i["error_code"] : null;
        const field = text(i["object_field"]);
        failures.push({ requirement, field, reason: text(i["failure_reason"]), code });
      }
    }
    const result: EvaluationResult = { sid: e.sid, status: e.status, failures };
    return result;
  });
}

// ------------------------------------------------------------------ assignments

export function listAssignments(c: TwilioClient, profileSid: string) {
  return idempotent(async () => {
    const list = await c.trusthub.v1
      .customerProfiles(profileSid)
      .customerProfilesEntityAssignments.list({ pageSize: 100 });
    return list.map((a): ObservedAssignment => ({ sid: a.sid, objectSid: a.objectSid }));
  });
}

export function assign(c: TwilioClient, profileSid: string, objectSid: string) {
  return createChecked(
    async () => {
      const a = await c.trusthub.v1
        .customerProfiles(profileSid)
        .customerProfilesEntityAssignments.create({ objectSid });
      return a.sid;
    },
    async () => (await listAssignments(c, profileSid)).find((a) => a.objectSid === objectSid)?.sid,
  );
}

export function unassign(c: TwilioClient, profileSid: string, assignmentSid: string) {
  return idempotent(async () => {
    await orGone(
      c.trusthub.v1
        .customerProfiles(profileSid)
        .customerProfilesEntityAssignments(assignmentSid)
        .remove(),
    );
  });
}

// ------------------------------------------------------------------ end users

export function fetchEndUser(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    const u = await orGone(c.trusthub.v1.endUsers(sid).fetch());
    return u && toEndUser(u);
  });
}

export function findEndUser(c: TwilioClient, want: BundleEndUser) {
  return idempotent(async () => {
    const all = await c.trusthub.v1.endUsers.list({ pageSize: 1000 });
    const hit = all.find((u) => u.friendlyName === want.friendlyName && u.type === want.type);
    return hit && toEndUser(hit);
  });
}

export function createEndUser(c: TwilioClient, eu: BundleEndUser) {
  return createChecked(
    async () => {
      const u = await c.trusthub.v1.endUsers.create({
        friendlyName: eu.friendlyName,
        type: eu.type,
        attributes: eu.attributes,
      });
      return u.sid;
    },
    async () => (await findEndUser(c, eu))?.sid,
  );
}

export function updateEndUser(c: TwilioClient, sid: string, eu: BundleEndUser) {
  return idempotent(async () => {
    await c.trusthub.v1
      .endUsers(sid)
      .update({ friendlyName: eu.friendlyName, attributes: eu.attributes });
  });
}

export function deleteEndUser(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    await orGone(c.trusthub.v1.endUsers(sid).remove());
  });
}

// ------------------------------------------------------------------ address (2010 API)

function addresses(c: TwilioClient, accountSid: string) {
  return c.api.v2010.accounts(accountSid).addresses;
}

export function fetchAddress(c: TwilioClient, accountSid: string, sid: string) {
  return idempotent(async () => {
    const a = await orGone(addresses(c, accountSid)(sid).fetch());
    return a && toAddress(a);
  });
}

export function findAddress(c: TwilioClient, accountSid: string, friendlyName: string) {
  return idempotent(async () => {
    const list = await addresses(c, accountSid).list({ friendlyName, pageSize: 50 });
    const hit = list.find((a) => a.friendlyName === friendlyName);
    return hit && toAddress(hit);
  });
}

function addressFields(a: BundleAddress) {
  return {
    friendlyName: a.friendlyName,
    customerName: a.customerName,
    street: a.street,
    streetSecondary: a.streetSecondary,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    autoCorrectAddress: false,
  };
}

export function createAddress(c: TwilioClient, accountSid: string, a: BundleAddress) {
  return createChecked(
    async () => {
      const r = await addresses(c, accountSid).create({
        ...addressFields(a),
        isoCountry: a.isoCountry,
      });
      return r.sid;
    },
    async () => (await findAddress(c, accountSid, a.friendlyName))?.sid,
  );
}

export function updateAddress(c: TwilioClient, accountSid: string, sid: string, a: BundleAddress) {
  return idempotent(async () => {
    await addresses(c, accountSid)(sid).update(addressFields(a));
  });
}

export function deleteAddress(c: TwilioClient, accountSid: string, sid: string) {
  return idempotent(async () => {
    await orGone(addresses(c, accountSid)(sid).remove());
  });
}

// ------------------------------------------------------------------ supporting document

export function fetchDocument(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    const d = await orGone(c.trusthub.v1.supportingDocuments(sid).fetch());
    return d && toDocument(d);
  });
}

export function findDocument(c: TwilioClient, friendlyName: string) {
  return idempotent(async () => {
    const all = await c.trusthub.v1.supportingDocuments.list({ pageSize: 1000 });
    const hit = all.find(
      (d) => d.friendlyName === friendlyName && d.type === SUPPORTING_DOCUMENT_TYPES.address,
    );
    return hit && toDocument(hit);
  });
}

export function createDocument(c: TwilioClient, friendlyName: string, addressSid: string) {
  return createChecked(
    async () => {
      const d = await c.trusthub.v1.supportingDocuments.create({
        friendlyName,
        type: SUPPORTING_DOCUMENT_TYPES.address,
        attributes: { address_sids: addressSid },
      });
      return d.sid;
    },
    async () => (await findDocument(c, friendlyName))?.sid,
  );
}

export function updateDocument(
  c: TwilioClient,
  sid: string,
  friendlyName: string,
  addressSid: string,
) {
  return idempotent(async () => {
    await c.trusthub.v1
      .supportingDocuments(sid)
      .update({ friendlyName, attributes: { address_sids: addressSid } });
  });
}

export function deleteDocument(c: TwilioClient, sid: string) {
  return idempotent(async () => {
    await orGone(c.trusthub.v1.supportingDocuments(sid).remove());
  });
}

/**
 * Trust Hub reads and writes apply needs, through the official twilio SDK
 * (createClient): profiles, evaluations and entity assignments here; end
 * users, the address and its document in writer-objects.ts. Every fetch and
 * delete treats 404 as "gone" (undefined / no-op). Replies go through the one
 * strict converter reading uses (src/state/convert.ts): a malformed reply is
 * an error naming the request. Retries belong to the HTTP layer
 * (src/state/http.ts); a create is sent again only after a look for what it
 * may have made (retry.ts `sendChecked`). Plain functions over a client: no
 * state, so the dynamic provider can load this module inside its methods.
 */
import type { TwilioClient } from "../state/client.ts";
import type { BundleProfileFields, ObservedAssignment } from "../model/trusthub.ts";
import { toAssignment, toProfile } from "../state/convert.ts";
import { sendChecked } from "./retry.ts";
import { call, orGone } from "./sdk-call.ts";

export { isNotFound } from "./sdk-call.ts";
export * from "./writer-objects.ts";

// ------------------------------------------------------------------ profiles

export async function fetchProfile(c: TwilioClient, sid: string) {
  const where = `GET /v1/CustomerProfiles/${sid}`;
  const p = await orGone(where, c.trusthub.v1.customerProfiles(sid).fetch());
  return p && toProfile(p, where);
}

/** Profiles with exactly this friendly name and policy (server-side filters). */
export async function findProfiles(c: TwilioClient, friendlyName: string, policySid: string) {
  const where = "GET /v1/CustomerProfiles (by friendly name and policy)";
  const list = await call(
    where,
    c.trusthub.v1.customerProfiles.list({ friendlyName, policySid, pageSize: 50 }),
  );
  return list
    .map((p, i) => toProfile(p, `${where}: item ${i}`))
    .filter((p) => p.friendlyName === friendlyName);
}

export function createProfile(c: TwilioClient, f: BundleProfileFields) {
  const where = "POST /v1/CustomerProfiles";
  return sendChecked(
    async () => {
      const p = await call(
        where,
        c.trusthub.v1.customerProfiles.create({
          friendlyName: f.friendlyName,
          email: f.email,
          policySid: f.policySid,
          ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
        }),
      );
      return toProfile(p, where);
    },
    async () => (await findProfiles(c, f.friendlyName, f.policySid))[0],
  );
}

export async function updateProfile(c: TwilioClient, sid: string, f: BundleProfileFields) {
  await call(
    `POST /v1/CustomerProfiles/${sid}`,
    c.trusthub.v1.customerProfiles(sid).update({
      friendlyName: f.friendlyName,
      email: f.email,
      ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
    }),
  );
}

/**
 * Submits a profile for review. A submit that failed transiently may have landed: the status is
 * read again before it is sent again (a landed submit shows pending-review or later).
 */
export function submitProfile(c: TwilioClient, sid: string) {
  const where = `POST /v1/CustomerProfiles/${sid} (submit)`;
  return sendChecked(
    async () => {
      const p = await call(
        where,
        c.trusthub.v1.customerProfiles(sid).update({ status: "pending-review" }),
      );
      return toProfile(p, where);
    },
    async () => {
      const now = await fetchProfile(c, sid);
      return now && now.status !== "draft" && now.status !== "twilio-rejected" ? now : undefined;
    },
  );
}

export async function deleteProfile(c: TwilioClient, sid: string) {
  await orGone(`DELETE /v1/CustomerProfiles/${sid}`, c.trusthub.v1.customerProfiles(sid).remove());
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

/** An evaluation (safe to send again: the HTTP layer does, see http.ts isIdempotent). */
export async function evaluate(c: TwilioClient, sid: string, policySid: string) {
  const e = await call(
    `POST /v1/CustomerProfiles/${sid}/Evaluations`,
    c.trusthub.v1.customerProfiles(sid).customerProfilesEvaluations.create({ policySid }),
  );
  return evaluationResult(e);
}

/** An evaluation reply (customer profile or trust product) as its status and failing fields. */
export function evaluationResult(e: {
  sid: string;
  status: EvaluationResult["status"];
  results?: unknown;
}): EvaluationResult {
  const failures: EvaluationResult["failures"] = [];
  for (const r of (e.results ?? []) as Record<string, unknown>[]) {
    if (r["passed"] === true) continue;
    const requirement = text(r["requirement_name"]) || text(r["object_type"]);
    const invalid = Array.isArray(r["invalid"]) ? (r["invalid"] as Record<string, unknown>[]) : [];
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
}

// ------------------------------------------------------------------ assignments

export async function listAssignments(c: TwilioClient, profileSid: string) {
  const where = `GET /v1/CustomerProfiles/${profileSid}/EntityAssignments`;
  const list = await call(
    where,
    c.trusthub.v1
      .customerProfiles(profileSid)
      .customerProfilesEntityAssignments.list({ pageSize: 100 }),
  );
  return list.map((a, i): ObservedAssignment => toAssignment(a, `${where}: item ${i}`));
}

export function assign(c: TwilioClient, profileSid: string, objectSid: string) {
  const where = `POST /v1/CustomerProfiles/${profileSid}/EntityAssignments`;
  return sendChecked(
    async () => {
      const a = await call(
        where,
        c.trusthub.v1
          .customerProfiles(profileSid)
          .customerProfilesEntityAssignments.create({ objectSid }),
      );
      return toAssignment(a, where).sid;
    },
    async () => (await listAssignments(c, profileSid)).find((a) => a.objectSid === objectSid)?.sid,
  );
}

export async function unassign(c: TwilioClient, profileSid: string, assignmentSid: string) {
  await orGone(
    `DELETE /v1/CustomerProfiles/${profileSid}/EntityAssignments/${assignmentSid}`,
    c.trusthub.v1
      .customerProfiles(profileSid)
      .customerProfilesEntityAssignments(assignmentSid)
      .remove(),
  );
}

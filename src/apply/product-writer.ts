/**
 * Trust Hub reads and writes of a trust product (issue 14), through the
 * official SDK (client.trusthub.v1.trustProducts): the TrustProduct itself,
 * its entity assignments and evaluations. Same rules as writer.ts: 404 is
 * "gone", replies through src/state/convert.ts, a create or submit sent again
 * only after a look for what it may have made. Its end user goes through the
 * end-user functions of writer-objects.ts, its phone numbers through channels.ts.
 */
import type { BundleProfileFields, ObservedAssignment } from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { toAssignment, toProfile } from "../state/convert.ts";
import { sendChecked } from "./retry.ts";
import { call, orGone } from "./sdk-call.ts";
import { evaluationResult, type EvaluationResult } from "./writer.ts";

const tp = (c: TwilioClient) => c.trusthub.v1.trustProducts;

export async function fetchProduct(c: TwilioClient, sid: string) {
  const where = `GET /v1/TrustProducts/${sid}`;
  const p = await orGone(where, tp(c)(sid).fetch());
  return p && toProfile(p, where);
}

/** Trust products with exactly this friendly name and policy (server-side filters). */
export async function findProducts(c: TwilioClient, friendlyName: string, policySid: string) {
  const where = "GET /v1/TrustProducts (by friendly name and policy)";
  const list = await call(where, tp(c).list({ friendlyName, policySid, pageSize: 50 }));
  return list
    .map((p, i) => toProfile(p, `${where}: item ${i}`))
    .filter((p) => p.friendlyName === friendlyName && p.policySid === policySid);
}

export function createProduct(c: TwilioClient, f: BundleProfileFields) {
  const where = "POST /v1/TrustProducts";
  return sendChecked(
    async () => {
      const p = await call(
        where,
        tp(c).create({
          friendlyName: f.friendlyName,
          email: f.email,
          policySid: f.policySid,
          ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
        }),
      );
      return toProfile(p, where);
    },
    async () => (await findProducts(c, f.friendlyName, f.policySid))[0],
  );
}

export async function updateProduct(c: TwilioClient, sid: string, f: BundleProfileFields) {
  await call(
    `POST /v1/TrustProducts/${sid}`,
    tp(c)(sid).update({
      friendlyName: f.friendlyName,
      email: f.email,
      ...(f.statusCallback ? { statusCallback: f.statusCallback } : {}),
    }),
  );
}

/** Submits for review; a submit that failed transiently is looked for (status re-read) first. */
export function submitProduct(c: TwilioClient, sid: string) {
  const where = `POST /v1/TrustProducts/${sid} (submit)`;
  return sendChecked(
    async () =>
      toProfile(await call(where, tp(c)(sid).update({ status: "pending-review" })), where),
    async () => {
      const now = await fetchProduct(c, sid);
      return now && now.status !== "draft" && now.status !== "twilio-rejected" ? now : undefined;
    },
  );
}

export async function deleteProduct(c: TwilioClient, sid: string) {
  await orGone(`DELETE /v1/TrustProducts/${sid}`, tp(c)(sid).remove());
}

/** An evaluation against the product's policy (safe to send again). */
export async function evaluateProduct(
  c: TwilioClient,
  sid: string,
  policySid: string,
): Promise<EvaluationResult> {
  const e = await call(
    `POST /v1/TrustProducts/${sid}/Evaluations`,
    tp(c)(sid).trustProductsEvaluations.create({ policySid }),
  );
  return evaluationResult(e);
}

export async function listProductAssignments(c: TwilioClient, sid: string) {
  const where = `GET /v1/TrustProducts/${sid}/EntityAssignments`;
  const list = await call(where, tp(c)(sid).trustProductsEntityAssignments.list({ pageSize: 100 }));
  return list.map((a, i): ObservedAssignment => toAssignment(a, `${where}: item ${i}`));
}

export function assignToProduct(c: TwilioClient, sid: string, objectSid: string) {
  const where = `POST /v1/TrustProducts/${sid}/EntityAssignments`;
  return sendChecked(
    async () => {
      const a = await call(where, tp(c)(sid).trustProductsEntityAssignments.create({ objectSid }));
      return toAssignment(a, where).sid;
    },
    async () => (await listProductAssignments(c, sid)).find((a) => a.objectSid === objectSid)?.sid,
  );
}

export async function unassignFromProduct(c: TwilioClient, sid: string, assignmentSid: string) {
  await orGone(
    `DELETE /v1/TrustProducts/${sid}/EntityAssignments/${assignmentSid}`,
    tp(c)(sid).trustProductsEntityAssignments(assignmentSid).remove(),
  );
}

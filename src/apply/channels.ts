/**
 * Phone numbers of a bundle (issue 14): ChannelEndpointAssignments (RA...) of a
 * customer profile or a trust product, type `phone-number`, through the
 * official SDK. Twilio allows them in any status of the bundle
 * (src/domain/trust-products.ts CHANNEL_ENDPOINTS_ANY_STATUS), so they are
 * reconciled apart from the bundle's edit lock. One list per bundle; an add
 * that failed transiently is looked for (by its PN SID) before it is sent again.
 */
import type { ObservedChannelEndpoint } from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { UserError } from "../errors.ts";
import { sendChecked } from "./retry.ts";
import { call, orGone } from "./sdk-call.ts";

export type BundleType = "profile" | "product";

const segment = (t: BundleType) => (t === "profile" ? "CustomerProfiles" : "TrustProducts");

function create(c: TwilioClient, t: BundleType, bundleSid: string, pn: string): Promise<unknown> {
  const opts = { channelEndpointType: "phone-number", channelEndpointSid: pn };
  return t === "profile"
    ? c.trusthub.v1
        .customerProfiles(bundleSid)
        .customerProfilesChannelEndpointAssignment.create(opts)
    : c.trusthub.v1.trustProducts(bundleSid).trustProductsChannelEndpointAssignment.create(opts);
}

function toChannel(item: unknown, where: string): ObservedChannelEndpoint {
  const o = (item ?? {}) as Record<string, unknown>;
  const sid = o["sid"];
  const pn = o["channelEndpointSid"];
  if (typeof sid !== "string" || !sid.startsWith("RA") || typeof pn !== "string") {
    throw new UserError(
      "read/malformed",
      `${where} has no RA sid or channel_endpoint_sid (malformed reply)`,
    );
  }
  return { sid, channelEndpointSid: pn };
}

export async function listChannels(
  c: TwilioClient,
  t: BundleType,
  bundleSid: string,
): Promise<ObservedChannelEndpoint[]> {
  const where = `GET /v1/${segment(t)}/${bundleSid}/ChannelEndpointAssignments`;
  const list = await call<unknown[]>(
    where,
    t === "profile"
      ? c.trusthub.v1
          .customerProfiles(bundleSid)
          .customerProfilesChannelEndpointAssignment.list({ pageSize: 1000 })
      : c.trusthub.v1
          .trustProducts(bundleSid)
          .trustProductsChannelEndpointAssignment.list({ pageSize: 1000 }),
  );
  return list.map((a, i) => toChannel(a, `${where}: item ${i}`));
}

export function addChannel(
  c: TwilioClient,
  t: BundleType,
  bundleSid: string,
  phoneNumberSid: string,
): Promise<string> {
  const where = `POST /v1/${segment(t)}/${bundleSid}/ChannelEndpointAssignments`;
  return sendChecked(
    async () => {
      const a = await call(where, create(c, t, bundleSid, phoneNumberSid));
      return toChannel(a, where).sid;
    },
    async () =>
      (await listChannels(c, t, bundleSid)).find((a) => a.channelEndpointSid === phoneNumberSid)
        ?.sid,
  );
}

export async function removeChannel(
  c: TwilioClient,
  t: BundleType,
  bundleSid: string,
  assignmentSid: string,
): Promise<void> {
  const where = `DELETE /v1/${segment(t)}/${bundleSid}/ChannelEndpointAssignments/${assignmentSid}`;
  await orGone(
    where,
    t === "profile"
      ? c.trusthub.v1
          .customerProfiles(bundleSid)
          .customerProfilesChannelEndpointAssignment(assignmentSid)
          .remove()
      : c.trusthub.v1
          .trustProducts(bundleSid)
          .trustProductsChannelEndpointAssignment(assignmentSid)
          .remove(),
  );
}

/**
 * Makes the bundle's phone numbers exactly `want` (PN SIDs): one list, then adds and removals.
 * `record` (PN -> RA) is filled as it goes, so a failure leaves what exists in it.
 */
export async function reconcileChannels(
  c: TwilioClient,
  t: BundleType,
  bundleSid: string,
  want: string[],
  record: Record<string, string>,
  wrote: string[],
): Promise<void> {
  const live = await listChannels(c, t, bundleSid);
  for (const k of Object.keys(record)) delete record[k];
  for (const a of live) record[a.channelEndpointSid] = a.sid;
  const wanted = new Set(want);
  for (const pn of [...wanted].sort()) {
    if (record[pn]) continue;
    record[pn] = await addChannel(c, t, bundleSid, pn);
    wrote.push(`phone number ${pn} assigned (${record[pn]})`);
  }
  for (const a of live) {
    if (wanted.has(a.channelEndpointSid)) continue;
    await removeChannel(c, t, bundleSid, a.sid);
    delete record[a.channelEndpointSid];
    wrote.push(`phone number ${a.channelEndpointSid} removed (${a.sid})`);
  }
}

/** Whether the numbers `want` differ from a set of assigned PN SIDs. */
export function numbersDiffer(want: string[] | undefined, have: Iterable<string>): boolean {
  if (want === undefined) return false;
  const h = new Set(have);
  return h.size !== new Set(want).size || want.some((pn) => !h.has(pn));
}

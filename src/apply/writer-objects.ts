/**
 * The objects of a bundle, for apply (see writer.ts): end users, the address
 * (2010 API) and the supporting document that carries it. Same rules: 404 is
 * "gone", replies through src/state/convert.ts, a create sent again only
 * after a look by its deterministic friendly name.
 */
import { SUPPORTING_DOCUMENT_TYPES } from "../domain/twilio.ts";
import type { BundleAddress, BundleEndUser } from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { toAddress, toDocument, toEndUser } from "../state/convert.ts";
import { sendChecked } from "./retry.ts";
import { call, orGone } from "./sdk-call.ts";

// ------------------------------------------------------------------ end users

export async function fetchEndUser(c: TwilioClient, sid: string) {
  const where = `GET /v1/EndUsers/${sid}`;
  const u = await orGone(where, c.trusthub.v1.endUsers(sid).fetch());
  return u && toEndUser(u, where);
}

export async function findEndUser(c: TwilioClient, want: BundleEndUser) {
  const where = "GET /v1/EndUsers";
  const all = await call(where, c.trusthub.v1.endUsers.list({ pageSize: 1000 }));
  const i = all.findIndex((u) => u.friendlyName === want.friendlyName && u.type === want.type);
  return i < 0 ? undefined : toEndUser(all[i], `${where}: item ${i}`);
}

export function createEndUser(c: TwilioClient, eu: BundleEndUser) {
  const where = "POST /v1/EndUsers";
  return sendChecked(
    async () => {
      const u = await call(
        where,
        c.trusthub.v1.endUsers.create({
          friendlyName: eu.friendlyName,
          type: eu.type,
          attributes: eu.attributes,
        }),
      );
      return toEndUser(u, where).sid;
    },
    async () => (await findEndUser(c, eu))?.sid,
  );
}

export async function updateEndUser(c: TwilioClient, sid: string, eu: BundleEndUser) {
  await call(
    `POST /v1/EndUsers/${sid}`,
    c.trusthub.v1
      .endUsers(sid)
      .update({ friendlyName: eu.friendlyName, attributes: eu.attributes }),
  );
}

export async function deleteEndUser(c: TwilioClient, sid: string) {
  await orGone(`DELETE /v1/EndUsers/${sid}`, c.trusthub.v1.endUsers(sid).remove());
}

// ------------------------------------------------------------------ address (2010 API)

function addresses(c: TwilioClient, accountSid: string) {
  return c.api.v2010.accounts(accountSid).addresses;
}

const addressPath = (accountSid: string, sid?: string) =>
  `/2010-04-01/Accounts/${accountSid}/Addresses${sid ? `/${sid}` : ""}.json`;

export async function fetchAddress(c: TwilioClient, accountSid: string, sid: string) {
  const where = `GET ${addressPath(accountSid, sid)}`;
  const a = await orGone(where, addresses(c, accountSid)(sid).fetch());
  return a && toAddress(a, where);
}

export async function findAddress(c: TwilioClient, accountSid: string, friendlyName: string) {
  const where = `GET ${addressPath(accountSid)}`;
  const list = await call(where, addresses(c, accountSid).list({ friendlyName, pageSize: 50 }));
  const i = list.findIndex((a) => a.friendlyName === friendlyName);
  return i < 0 ? undefined : toAddress(list[i], `${where}: item ${i}`);
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
  const where = `POST ${addressPath(accountSid)}`;
  return sendChecked(
    async () => {
      const r = await call(
        where,
        addresses(c, accountSid).create({ ...addressFields(a), isoCountry: a.isoCountry }),
      );
      return toAddress(r, where).sid;
    },
    async () => (await findAddress(c, accountSid, a.friendlyName))?.sid,
  );
}

export async function updateAddress(
  c: TwilioClient,
  accountSid: string,
  sid: string,
  a: BundleAddress,
) {
  await call(
    `POST ${addressPath(accountSid, sid)}`,
    addresses(c, accountSid)(sid).update(addressFields(a)),
  );
}

export async function deleteAddress(c: TwilioClient, accountSid: string, sid: string) {
  await orGone(`DELETE ${addressPath(accountSid, sid)}`, addresses(c, accountSid)(sid).remove());
}

// ------------------------------------------------------------------ supporting document

export async function fetchDocument(c: TwilioClient, sid: string) {
  const where = `GET /v1/SupportingDocuments/${sid}`;
  const d = await orGone(where, c.trusthub.v1.supportingDocuments(sid).fetch());
  return d && toDocument(d, where);
}

export async function findDocument(c: TwilioClient, friendlyName: string) {
  const where = "GET /v1/SupportingDocuments";
  const all = await call(where, c.trusthub.v1.supportingDocuments.list({ pageSize: 1000 }));
  const i = all.findIndex(
    (d) => d.friendlyName === friendlyName && d.type === SUPPORTING_DOCUMENT_TYPES.address,
  );
  return i < 0 ? undefined : toDocument(all[i], `${where}: item ${i}`);
}

export function createDocument(c: TwilioClient, friendlyName: string, addressSid: string) {
  const where = "POST /v1/SupportingDocuments";
  return sendChecked(
    async () => {
      const d = await call(
        where,
        c.trusthub.v1.supportingDocuments.create({
          friendlyName,
          type: SUPPORTING_DOCUMENT_TYPES.address,
          attributes: { address_sids: addressSid },
        }),
      );
      return toDocument(d, where).sid;
    },
    async () => (await findDocument(c, friendlyName))?.sid,
  );
}

export async function updateDocument(
  c: TwilioClient,
  sid: string,
  friendlyName: string,
  addressSid: string,
) {
  await call(
    `POST /v1/SupportingDocuments/${sid}`,
    c.trusthub.v1
      .supportingDocuments(sid)
      .update({ friendlyName, attributes: { address_sids: addressSid } }),
  );
}

export async function deleteDocument(c: TwilioClient, sid: string) {
  await orGone(
    `DELETE /v1/SupportingDocuments/${sid}`,
    c.trusthub.v1.supportingDocuments(sid).remove(),
  );
}

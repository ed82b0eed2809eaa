/**
 * SDK instances -> Observed* records, checking every field the planner uses.
 * The SDK turns dates into Date objects (or leaves the raw string when it
 * cannot parse them); attributes arrive as objects, or as JSON strings from
 * some servers. Anything else is a malformed reply: UserError naming where.
 */
import { PROFILE_STATUSES, type ProfileStatus } from "../domain/twilio.ts";
import { UserError } from "../errors.ts";
import type {
  Attributes,
  ObservedAddress,
  ObservedAssignment,
  ObservedChannelEndpoint,
  ObservedDocument,
  ObservedEndUser,
  ObservedPhoneNumber,
  ObservedProduct,
  ObservedProfile,
} from "../model/trusthub.ts";

type Item = Record<string, unknown>;

function asItem(item: unknown, where: string): Item {
  if (typeof item !== "object" || item === null) throw malformed(where, "is not an object");
  return item as Item;
}

function malformed(where: string, what: string): UserError {
  return new UserError("read/malformed", `${where} ${what} (malformed reply)`);
}

function str(o: Item, key: string, where: string, opts: { optional?: boolean } = {}): string {
  const v = o[key];
  if (typeof v === "string") return v;
  if ((v === null || v === undefined) && opts.optional) return "";
  throw malformed(where, `has no string ${key}`);
}

function sid(o: Item, prefix: string, where: string): string {
  const v = str(o, "sid", where);
  if (!v.startsWith(prefix))
    throw malformed(where, `has sid ${JSON.stringify(v.slice(0, 40))}, not ${prefix}…`);
  return v;
}

/** Twilio's own date format, second precision: 2026-01-01T00:00:00Z. */
export function formatDate(v: unknown, where: string, key: string): string {
  if (v instanceof Date && !Number.isNaN(v.getTime()))
    return v.toISOString().replace(/\.\d{3}Z$/, "Z");
  if (typeof v === "string" && v !== "") return v;
  throw malformed(where, `has no valid ${key}`);
}

function attributes(o: Item, where: string): Attributes {
  let v = o["attributes"];
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      throw malformed(where, "has attributes that are not JSON");
    }
  }
  if (v === null || v === undefined) return {};
  if (typeof v !== "object" || Array.isArray(v))
    throw malformed(where, "has attributes that are not an object");
  const out: Attributes = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === "string") out[k] = x;
    else if (Array.isArray(x))
      out[k] = x.map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
    else if (x === null || x === undefined) out[k] = "";
    else out[k] = JSON.stringify(x) ?? "";
  }
  return out;
}

export function toProfile(item: unknown, where: string): ObservedProfile {
  const o = asItem(item, where);
  const status = str(o, "status", where);
  if (!(PROFILE_STATUSES as readonly string[]).includes(status)) {
    throw malformed(where, `has unknown status ${JSON.stringify(status.slice(0, 40))}`);
  }
  const errors = o["errors"];
  const validUntil = o["validUntil"];
  return {
    sid: sid(o, "BU", where),
    policySid: str(o, "policySid", where),
    friendlyName: str(o, "friendlyName", where, { optional: true }),
    email: str(o, "email", where, { optional: true }),
    statusCallback: str(o, "statusCallback", where, { optional: true }),
    status: status as ProfileStatus,
    dateUpdated: formatDate(o["dateUpdated"], where, "date_updated"),
    validUntil:
      validUntil === null || validUntil === undefined
        ? null
        : formatDate(validUntil, where, "valid_until"),
    errors: Array.isArray(errors) ? (errors as unknown[]) : [],
  };
}

export function toEndUser(item: unknown, where: string): ObservedEndUser {
  const o = asItem(item, where);
  return {
    sid: sid(o, "IT", where),
    type: str(o, "type", where),
    friendlyName: str(o, "friendlyName", where, { optional: true }),
    attributes: attributes(o, where),
    dateUpdated: formatDate(o["dateUpdated"], where, "date_updated"),
  };
}

export function toDocument(item: unknown, where: string): ObservedDocument {
  const o = asItem(item, where);
  return {
    sid: sid(o, "RD", where),
    type: str(o, "type", where),
    friendlyName: str(o, "friendlyName", where, { optional: true }),
    attributes: attributes(o, where),
    status: str(o, "status", where, { optional: true }),
    dateUpdated: formatDate(o["dateUpdated"], where, "date_updated"),
  };
}

export function toAddress(item: unknown, where: string): ObservedAddress {
  const o = asItem(item, where);
  const opt = (k: string): string => str(o, k, where, { optional: true });
  return {
    sid: sid(o, "AD", where),
    friendlyName: opt("friendlyName"),
    customerName: opt("customerName"),
    street: opt("street"),
    streetSecondary: opt("streetSecondary"),
    city: opt("city"),
    region: opt("region"),
    postalCode: opt("postalCode"),
    isoCountry: opt("isoCountry"),
  };
}

export function toAssignment(item: unknown, where: string): ObservedAssignment {
  const o = asItem(item, where);
  return { sid: sid(o, "BV", where), objectSid: str(o, "objectSid", where) };
}

/** A trust product (GET /v1/TrustProducts): the fields of a customer profile (issue 14). */
export function toTrustProduct(item: unknown, where: string): ObservedProduct {
  return toProfile(item, where);
}

/** A channel endpoint assignment (RA...) of a customer profile or trust product. */
export function toChannelEndpoint(item: unknown, where: string): ObservedChannelEndpoint {
  const o = asItem(item, where);
  return { sid: sid(o, "RA", where), channelEndpointSid: str(o, "channelEndpointSid", where) };
}

/** One of the account's incoming phone numbers (2010 API): its PN... SID and E.164 number. */
export function toPhoneNumber(item: unknown, where: string): ObservedPhoneNumber {
  const o = asItem(item, where);
  return { sid: sid(o, "PN", where), phoneNumber: str(o, "phoneNumber", where) };
}

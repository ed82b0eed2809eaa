/**
 * SDK instances -> the Observed* model (the fields apply uses). Structural
 * input types, so any twilio SDK instance fits.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type {
  Attributes,
  ObservedAddress,
  ObservedDocument,
  ObservedEndUser,
  ObservedProfile,
} from "../model/trusthub.ts";

/** The fields we use of the SDK's instances (structural, so any SDK instance fits). */
interface RawProfile {
  sid: string;
  policySid: string;
  friendlyName: string;
  email: string;
  statusCallback: string;
  status: string;
  dateUpdated: Date;
  validUntil: Date;
  errors: unknown;
}
interface RawObject {
  sid: string;
  type: string;
  friendlyName: string;
  attributes: unknown;
  dateUpdated: Date;
}
interface RawAddress {
  sid: string;
  friendlyName: string;
  customerName: string;
  street: string;
  streetSecondary: string;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
}

function attrs(value: unknown): Attributes {
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as Attributes;
    } catch {
      return {};
    }
  }
  return (value ?? {}) as Attributes;
}

function iso(d: unknown): string {
  return d instanceof Date ? d.toISOString() : typeof d === "string" ? d : "";
}

export function toProfile(p: RawProfile): ObservedProfile {
  return {
    sid: p.sid,
    policySid: p.policySid,
    friendlyName: p.friendlyName ?? "",
    email: p.email ?? "",
    statusCallback: p.statusCallback ?? "",
    status: p.status as ProfileStatus,
    dateUpdated: iso(p.dateUpdated),
    validUntil: p.validUntil ? iso(p.validUntil) : null,
    errors: Array.isArray(p.errors) ? (p.errors as unknown[]) : [],
  };
}

export function toEndUser(u: RawObject): ObservedEndUser {
  return {
    sid: u.sid,
    type: u.type,
    friendlyName: u.friendlyName ?? "",
    attributes: attrs(u.attributes),
    dateUpdated: iso(u.dateUpdated),
  };
}

export function toDocument(d: RawObject & { status: string }): ObservedDocument {
  return {
    sid: d.sid,
    type: d.type,
    friendlyName: d.friendlyName ?? "",
    attributes: attrs(d.attributes),
    status: d.status ?? "",
    dateUpdated: iso(d.dateUpdated),
  };
}

export function toAddress(a: RawAddress): ObservedAddress {
  return {
    sid: a.sid,
    friendlyName: a.friendlyName ?? "",
    customerName: a.customerName ?? "",
    street: a.street ?? "",
    streetSecondary: a.streetSecondary ?? "",
    city: a.city ?? "",
    region: a.region ?? "",
    postalCode: a.postalCode ?? "",
    isoCountry: a.isoCountry ?? "",
  };
}

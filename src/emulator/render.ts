/** Records -> Twilio's JSON, field names and order as in the spec. */
import { PROFILE_KIND, renderBundle, type BundleKind } from "./bundles.ts";
import { isoDate, rfc2822Date } from "./format.ts";
import type {
  Address,
  ChannelAssignment,
  EndUser,
  EntityAssignment,
  Evaluation,
  Profile,
  SupportingDocument,
} from "./types.ts";

export function renderProfile(p: Profile, base: string): Record<string, unknown> {
  return renderBundle(PROFILE_KIND, p, base);
}

export function renderAssignment(
  a: EntityAssignment,
  base: string,
  kind: BundleKind = PROFILE_KIND,
): Record<string, unknown> {
  return {
    sid: a.sid,
    [kind.parentField]: a.profileSid,
    account_sid: a.accountSid,
    object_sid: a.objectSid,
    date_created: isoDate(a.dateCreated),
    url: `${base}/v1/${kind.segment}/${a.profileSid}/EntityAssignments/${a.sid}`,
  };
}

export function renderChannel(
  a: ChannelAssignment,
  base: string,
  kind: BundleKind = PROFILE_KIND,
): Record<string, unknown> {
  return {
    sid: a.sid,
    [kind.parentField]: a.profileSid,
    account_sid: a.accountSid,
    channel_endpoint_type: a.channelEndpointType,
    channel_endpoint_sid: a.channelEndpointSid,
    date_created: isoDate(a.dateCreated),
    url: `${base}/v1/${kind.segment}/${a.profileSid}/ChannelEndpointAssignments/${a.sid}`,
  };
}

export function renderEvaluation(
  e: Evaluation,
  base: string,
  kind: BundleKind = PROFILE_KIND,
): Record<string, unknown> {
  return {
    sid: e.sid,
    account_sid: e.accountSid,
    policy_sid: e.policySid,
    [kind.parentField]: e.profileSid,
    status: e.status,
    results: e.results,
    date_created: isoDate(e.dateCreated),
    url: `${base}/v1/${kind.segment}/${e.profileSid}/Evaluations/${e.sid}`,
  };
}

export function renderEndUser(u: EndUser, base: string): Record<string, unknown> {
  return {
    sid: u.sid,
    account_sid: u.accountSid,
    friendly_name: u.friendlyName,
    type: u.type,
    attributes: u.attributes,
    date_created: isoDate(u.dateCreated),
    date_updated: isoDate(u.dateUpdated),
    url: `${base}/v1/EndUsers/${u.sid}`,
  };
}

export function renderDocument(d: SupportingDocument, base: string): Record<string, unknown> {
  return {
    sid: d.sid,
    account_sid: d.accountSid,
    friendly_name: d.friendlyName,
    mime_type: null,
    status: d.status,
    type: d.type,
    attributes: d.attributes,
    date_created: isoDate(d.dateCreated),
    date_updated: isoDate(d.dateUpdated),
    url: `${base}/v1/SupportingDocuments/${d.sid}`,
  };
}

export function renderAddress(a: Address): Record<string, unknown> {
  return {
    account_sid: a.accountSid,
    city: a.city,
    customer_name: a.customerName,
    date_created: rfc2822Date(a.dateCreated),
    date_updated: rfc2822Date(a.dateUpdated),
    emergency_enabled: a.emergencyEnabled,
    friendly_name: a.friendlyName,
    iso_country: a.isoCountry,
    postal_code: a.postalCode,
    region: a.region,
    sid: a.sid,
    street: a.street,
    street_secondary: a.streetSecondary,
    validated: false,
    verified: false,
    uri: `/2010-04-01/Accounts/${a.accountSid}/Addresses/${a.sid}.json`,
  };
}

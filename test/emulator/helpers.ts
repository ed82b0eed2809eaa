/** Shared setup: an in-process emulator, the official SDK pointed at it, the sandbox controls. */
import twilio from "twilio";
import type { EmulatorHandle, EmulatorOptions } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { startAccount } from "../helpers/emulator.ts";

export type Client = ReturnType<typeof twilio>;

export interface Harness {
  em: EmulatorHandle;
  sid: string;
  token: string;
  client: Client;
  controls: SandboxControls;
}

export function sdk(
  url: string,
  sid: string,
  token: string,
  opts: Parameters<typeof twilio>[2] = {},
): Client {
  const client = twilio(sid, token, opts);
  client.trusthub.baseUrl = url;
  client.api.baseUrl = url;
  return client;
}

export async function harness(opts: EmulatorOptions = {}): Promise<Harness> {
  const { emu: em, sid, token, controls } = await startAccount(opts);
  return { em, sid, token, client: sdk(em.url, sid, token), controls };
}

export const BUSINESS = {
  business_name: "Acme, Inc.",
  social_media_profile_urls: "https://example.com/acme-social-media-profile",
  website_url: "https://www.example.com",
  business_regions_of_operation: "USA_AND_CANADA",
  business_type: "Partnership",
  business_registration_identifier: "EIN",
  business_identity: "direct_customer",
  business_industry: "EDUCATION",
  business_registration_number: "123456789",
};

export const REP = {
  job_position: "CEO",
  last_name: "Doe",
  phone_number: "+12225557890",
  first_name: "Jane",
  email: "jdoe@example.com",
  business_title: "CEO",
};

export const SECONDARY = "RNdfbf3fae0e1107f8aded0e7cead80bf5";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are asserted field by field
export type RawReply = { status: number; body: any; headers: Headers };

/** Raw HTTP with Basic auth, for what the SDK cannot send. */
export async function raw(
  url: string,
  auth: { sid: string; token: string } | null,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<RawReply> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(auth && {
        Authorization: `Basic ${Buffer.from(`${auth.sid}:${auth.token}`).toString("base64")}`,
      }),
      ...(body !== undefined && { "Content-Type": "application/x-www-form-urlencoded" }),
      ...headers,
    },
    ...(body !== undefined && { body }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A profile with the data a secondary needs, built through the SDK; `attachPrimary` adds the primary. */
export async function secondaryBundle(
  h: Harness,
  opts: { attachPrimary?: string; business?: Record<string, unknown>; callback?: string } = {},
): Promise<{ sid: string; business: string; rep: string; address: string; document: string }> {
  const th = h.client.trusthub.v1;
  const profile = await th.customerProfiles.create({
    policySid: SECONDARY,
    friendlyName: "Secondary",
    email: "ops@isv.example.com",
    ...(opts.callback !== undefined && { statusCallback: opts.callback }),
  });
  const cp = th.customerProfiles(profile.sid);
  const business = await th.endUsers.create({
    type: "customer_profile_business_information",
    friendlyName: "biz",
    attributes: { ...BUSINESS, ...opts.business },
  });
  const rep = await th.endUsers.create({
    type: "authorized_representative_1",
    friendlyName: "rep",
    attributes: REP,
  });
  const address = await h.client.addresses.create({
    customerName: "Acme",
    street: "1 Main St",
    city: "Town",
    region: "CA",
    postalCode: "94105",
    isoCountry: "US",
  });
  const document = await th.supportingDocuments.create({
    type: "customer_profile_address",
    friendlyName: "addr",
    attributes: { address_sids: address.sid },
  });
  for (const objectSid of [
    business.sid,
    rep.sid,
    document.sid,
    ...(opts.attachPrimary ? [opts.attachPrimary] : []),
  ]) {
    await cp.customerProfilesEntityAssignments.create({ objectSid });
  }
  return {
    sid: profile.sid,
    business: business.sid,
    rep: rep.sid,
    address: address.sid,
    document: document.sid,
  };
}

/** A submitted-and-approved ISV primary so secondaries can be created. */
export async function isvPrimary(h: Harness): Promise<string> {
  const p = await h.controls.createPrimary({ status: "twilio-approved" });
  return p.sid;
}

/** The RestException fields of a rejected SDK promise. */
export async function sdkError(
  p: Promise<unknown>,
): Promise<{ status: number; code: number; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; code: number; message: string };
    return { status: err.status, code: err.code, message: err.message };
  }
  throw new Error("expected the SDK call to fail");
}

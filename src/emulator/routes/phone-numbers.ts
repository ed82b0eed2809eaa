/**
 * 2010-04-01 IncomingPhoneNumbers, read-only: list (filters PhoneNumber,
 * FriendlyName, Beta, Origin) and fetch, enough for a client to resolve an
 * E.164 number to its PN SID. Numbers are made by the sandbox controls.
 */
import { ApiError, notFound } from "../errors.ts";
import { rfc2822Date } from "../format.ts";
import { page2010, pageRequest, slicePage } from "../paging.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { PhoneNumber } from "../types.ts";

/** The spec's `api.v2010.account.incoming_phone_number`, every field, in its order. */
export function renderPhoneNumber(n: PhoneNumber): Record<string, unknown> {
  return {
    account_sid: n.accountSid,
    address_sid: null,
    address_requirements: "none",
    api_version: "2010-04-01",
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822Date(n.dateCreated),
    date_updated: rfc2822Date(n.dateUpdated),
    friendly_name: n.friendlyName,
    identity_sid: null,
    phone_number: n.phoneNumber,
    origin: "twilio",
    sid: n.sid,
    sms_application_sid: null,
    sms_fallback_method: "POST",
    sms_fallback_url: null,
    sms_method: "POST",
    sms_url: null,
    status_callback: null,
    status_callback_method: "POST",
    trunk_sid: null,
    uri: `/2010-04-01/Accounts/${n.accountSid}/IncomingPhoneNumbers/${n.sid}.json`,
    voice_receive_mode: "voice",
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: "POST",
    voice_fallback_url: null,
    voice_method: "POST",
    voice_url: null,
    emergency_status: "Inactive",
    emergency_address_sid: null,
    emergency_address_status: "unregistered",
    bundle_sid: null,
    status: "in-use",
  };
}

function checkAccount(ctx: Ctx): void {
  if (ctx.params["AccountSid"] !== ctx.acct.account.sid) {
    throw new ApiError(403, 20003, "Authentication Error - the account in the path is not yours");
  }
}

function list(ctx: Ctx): Reply {
  checkAccount(ctx);
  const req = pageRequest(ctx.query);
  const filters: [string, string | undefined][] = [
    ["Beta", ctx.query.get("Beta")],
    ["FriendlyName", ctx.query.get("FriendlyName")],
    ["PhoneNumber", ctx.query.get("PhoneNumber")],
    ["Origin", ctx.query.get("Origin")],
  ];
  const [beta, fn, pn, origin] = filters.map((f) => f[1]);
  const table = ctx.acct.phoneNumbers;
  const all = filters.every((f) => f[1] === undefined)
    ? table.items
    : table.items.filter(
        (n) =>
          (beta === undefined || beta.toLowerCase() === "false") &&
          (fn === undefined || n.friendlyName === fn) &&
          (pn === undefined || n.phoneNumber.includes(pn.trim())) &&
          (origin === undefined || origin === "twilio"),
      );
  const slice = slicePage(all, req, (sid) => ctx.engine.store.seqOf(sid, [table]));
  const uri = `/2010-04-01/Accounts/${ctx.acct.account.sid}/IncomingPhoneNumbers.json`;
  return {
    status: 200,
    body: page2010(uri, "incoming_phone_numbers", filters, req, slice, renderPhoneNumber),
  };
}

function fetch(ctx: Ctx): Reply {
  checkAccount(ctx);
  const n = ctx.acct.phoneNumbers.get(ctx.params["Sid"]!);
  if (!n) throw notFound(ctx.path);
  return { status: 200, body: renderPhoneNumber(n) };
}

export function phoneNumberRoutes(r: Router): void {
  const base = "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers";
  r.on("GET", `${base}.json`, list).on("GET", `${base}/{Sid}.json`, fetch);
}

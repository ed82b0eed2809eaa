/** 2010-04-01 Addresses: /2010-04-01/Accounts/{AccountSid}/Addresses.json and /Addresses/{Sid}.json. */
import { ApiError, notFound } from "../errors.ts";
import { page2010, pageRequest, slicePage } from "../paging.ts";
import { renderAddress } from "../render.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Address } from "../types.ts";
import { required } from "./common.ts";

const REQUIRED = ["CustomerName", "Street", "City", "Region", "PostalCode", "IsoCountry"] as const;

function checkAccount(ctx: Ctx): void {
  if (ctx.params["AccountSid"] !== ctx.acct.account.sid) {
    throw new ApiError(403, 20003, "Authentication Error - the account in the path is not yours");
  }
}

function bool(ctx: Ctx, name: string): boolean | undefined {
  const v = ctx.form.get(name);
  if (v === undefined || v === "") return undefined;
  if (v === "true" || v === "True") return true;
  if (v === "false" || v === "False") return false;
  throw new ApiError(400, 20001, `Invalid parameter ${name}: ${v} is not a boolean`);
}

function create(ctx: Ctx): Reply {
  checkAccount(ctx);
  const v = Object.fromEntries(REQUIRED.map((k) => [k, required(ctx.form, k)])) as Record<
    (typeof REQUIRED)[number],
    string
  >;
  if (!/^[A-Za-z]{2}$/.test(v.IsoCountry)) {
    throw new ApiError(400, 20001, `Invalid parameter IsoCountry: ${v.IsoCountry}`);
  }
  const now = ctx.engine.now();
  const a: Address = {
    ...ctx.engine.rec(ctx.acct, "AD"),
    customerName: v.CustomerName,
    friendlyName: ctx.form.get("FriendlyName") ?? null,
    street: v.Street,
    streetSecondary: ctx.form.get("StreetSecondary") ?? null,
    city: v.City,
    region: v.Region,
    postalCode: v.PostalCode,
    isoCountry: v.IsoCountry.toUpperCase(),
    emergencyEnabled: bool(ctx, "EmergencyEnabled") ?? false,
    dateCreated: now,
    dateUpdated: now,
  };
  bool(ctx, "AutoCorrectAddress");
  ctx.acct.addresses.add(a);
  ctx.engine.store.touch();
  return { status: 201, body: renderAddress(a) };
}

function list(ctx: Ctx): Reply {
  checkAccount(ctx);
  const req = pageRequest(ctx.query);
  const filters: [string, string | undefined][] = [
    ["FriendlyName", ctx.query.get("FriendlyName")],
    ["IsoCountry", ctx.query.get("IsoCountry")],
    ["CustomerName", ctx.query.get("CustomerName")],
    ["EmergencyEnabled", ctx.query.get("EmergencyEnabled")],
  ];
  const [fn, iso, cn, ee] = filters.map((f) => f[1]);
  const table = ctx.acct.addresses;
  const all = filters.every((f) => f[1] === undefined)
    ? table.items
    : table.items.filter(
        (a) =>
          (fn === undefined || a.friendlyName === fn) &&
          (iso === undefined || a.isoCountry === iso) &&
          (cn === undefined || a.customerName === cn) &&
          (ee === undefined || String(a.emergencyEnabled) === ee.toLowerCase()),
      );
  const slice = slicePage(all, req, (sid) => ctx.engine.store.seqOf(sid, [table]));
  const uri = `/2010-04-01/Accounts/${ctx.acct.account.sid}/Addresses.json`;
  return { status: 200, body: page2010(uri, "addresses", filters, req, slice, renderAddress) };
}

function get(ctx: Ctx): Address {
  checkAccount(ctx);
  const a = ctx.acct.addresses.get(ctx.params["Sid"]!);
  if (!a) throw notFound(ctx.path);
  return a;
}

function update(ctx: Ctx): Reply {
  const a = get(ctx);
  const set = (name: string, apply: (v: string) => void): void => {
    const v = ctx.form.get(name);
    if (v !== undefined && v !== "") apply(v);
  };
  const emergency = bool(ctx, "EmergencyEnabled");
  bool(ctx, "AutoCorrectAddress");
  set("CustomerName", (v) => (a.customerName = v));
  set("FriendlyName", (v) => (a.friendlyName = v));
  set("Street", (v) => (a.street = v));
  set("StreetSecondary", (v) => (a.streetSecondary = v));
  set("City", (v) => (a.city = v));
  set("Region", (v) => (a.region = v));
  set("PostalCode", (v) => (a.postalCode = v));
  if (emergency !== undefined) a.emergencyEnabled = emergency;
  a.dateUpdated = ctx.engine.now();
  ctx.engine.store.touch();
  return { status: 200, body: renderAddress(a) };
}

function remove(ctx: Ctx): Reply {
  const a = get(ctx);
  ctx.acct.addresses.remove(a.sid);
  ctx.engine.store.forget(a);
  ctx.engine.store.touch();
  return { status: 204 };
}

export function addressRoutes(r: Router): void {
  const base = "/2010-04-01/Accounts/{AccountSid}/Addresses";
  r.on("POST", `${base}.json`, create)
    .on("GET", `${base}.json`, list)
    .on("GET", `${base}/{Sid}.json`, (ctx) => ({ status: 200, body: renderAddress(get(ctx)) }))
    .on("POST", `${base}/{Sid}.json`, update)
    .on("DELETE", `${base}/{Sid}.json`, remove);
}

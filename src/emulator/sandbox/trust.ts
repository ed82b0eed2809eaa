/**
 * Sandbox controls for trust products (review decisions, as for customer
 * profiles) and for the account's phone numbers (test IncomingPhoneNumbers,
 * one at a time or seeded idempotently from a list of E.164 numbers).
 */
import { PROFILE_STATUSES, type ProfileStatus } from "../../domain/twilio.ts";
import { PROFILE_KIND, renderBundle, TRUST_PRODUCT_KIND, type BundleKind } from "../bundles.ts";
import { ApiError, notFound } from "../errors.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import { bundleOr404 } from "../routes/common.ts";
import { renderPhoneNumber } from "../routes/phone-numbers.ts";
import type { PhoneNumber, Profile } from "../types.ts";

/** E.164: `+`, a non-zero digit, at most 15 digits in all. */
export const E164_RE = /^\+[1-9]\d{1,14}$/;

type Json = Record<string, unknown>;

function product(ctx: Ctx): Profile {
  return bundleOr404(ctx, TRUST_PRODUCT_KIND, ctx.params["Sid"]!);
}

/** A customer profile or a trust product of the caller, with its kind (or a 404). */
export function anyBundle(ctx: Ctx, sid: string): { kind: BundleKind; p: Profile } {
  const profile = ctx.acct.profiles.get(sid);
  if (profile) return { kind: PROFILE_KIND, p: profile };
  const tp = ctx.acct.trustProducts.get(sid);
  if (tp) return { kind: TRUST_PRODUCT_KIND, p: tp };
  throw notFound(`/CustomerProfiles/${sid}`);
}

function reply(ctx: Ctx, p: Profile): Reply {
  return { status: 200, body: renderBundle(TRUST_PRODUCT_KIND, p, ctx.base) };
}

function codesOf(b: Json): number[] | undefined {
  if (b["codes"] === undefined) return undefined;
  const codes = b["codes"];
  if (!Array.isArray(codes) || !codes.every((c) => Number.isInteger(c)))
    throw new ApiError(400, 20001, "codes must be integers");
  return codes as number[];
}

/** The next free test number +1 500 555 NNNN (Twilio's magic test range) of the account. */
function nextTestNumber(ctx: Ctx): string {
  const used = new Set(ctx.acct.phoneNumbers.items.map((n) => n.phoneNumber));
  for (let i = 1; i < 10000; i++) {
    const candidate = `+1500555${String(i).padStart(4, "0")}`;
    if (!used.has(candidate)) return candidate;
  }
  throw new ApiError(400, 20001, "no free test number left");
}

function addNumber(ctx: Ctx, phoneNumber: string, fn: unknown): PhoneNumber {
  const now = ctx.engine.now();
  const n: PhoneNumber = {
    ...ctx.engine.rec(ctx.acct, "PN"),
    phoneNumber,
    friendlyName: typeof fn === "string" && fn !== "" ? fn : phoneNumber,
    dateCreated: now,
    dateUpdated: now,
  };
  ctx.acct.phoneNumbers.add(n);
  ctx.engine.store.touch();
  return n;
}

function createPhoneNumber(ctx: Ctx, b: Json): Reply {
  const given = b["phoneNumber"];
  if (given !== undefined && (typeof given !== "string" || !E164_RE.test(given)))
    throw new ApiError(400, 20001, "phoneNumber must be E.164 (+ and up to 15 digits)");
  const phoneNumber = given ?? nextTestNumber(ctx);
  if (ctx.acct.phoneNumbers.items.some((n) => n.phoneNumber === phoneNumber))
    throw new ApiError(409, 20409, `Phone number ${phoneNumber} exists in this account`);
  return { status: 201, body: renderPhoneNumber(addNumber(ctx, phoneNumber, b["friendlyName"])) };
}

/** Seed: makes the numbers the account lacks; answers every number's PN SID (idempotent). */
function seedPhoneNumbers(ctx: Ctx, b: Json): Reply {
  const list = b["phoneNumbers"];
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && E164_RE.test(x)))
    throw new ApiError(400, 20001, "phoneNumbers must be a list of E.164 numbers");
  const bySid = new Map(ctx.acct.phoneNumbers.items.map((n) => [n.phoneNumber, n.sid]));
  const out: Record<string, string> = {};
  let created = 0;
  for (const e164 of list as string[]) {
    let sid = bySid.get(e164);
    if (sid === undefined) {
      sid = addNumber(ctx, e164, undefined).sid;
      bySid.set(e164, sid);
      created++;
    }
    out[e164] = sid;
  }
  return { status: 200, body: { phoneNumbers: out, created } };
}

export function trustSandboxRoutes(r: Router, json: (ctx: Ctx) => Json): void {
  const T = "/__sandbox/TrustProducts/{Sid}";
  r.on("POST", `${T}/Approve`, (ctx) => {
    const p = product(ctx);
    ctx.engine.approve(ctx.acct, p);
    return reply(ctx, p);
  })
    .on("POST", `${T}/Reject`, (ctx) => {
      const p = product(ctx);
      ctx.engine.reject(ctx.acct, p, codesOf(json(ctx)) ?? [18601]);
      return reply(ctx, p);
    })
    .on("POST", `${T}/Status`, (ctx) => {
      const b = json(ctx);
      const status = b["status"];
      if (typeof status !== "string" || !(PROFILE_STATUSES as readonly string[]).includes(status))
        throw new ApiError(400, 20001, `status must be one of ${PROFILE_STATUSES.join(", ")}`);
      const p = product(ctx);
      const codes = codesOf(b)?.map((code) => ({ code }));
      ctx.engine.setStatus(ctx.acct, p, status as ProfileStatus, codes);
      return reply(ctx, p);
    })
    .on("POST", "/__sandbox/IncomingPhoneNumbers", (ctx) => createPhoneNumber(ctx, json(ctx)))
    .on("POST", "/__sandbox/IncomingPhoneNumbers/Seed", (ctx) => seedPhoneNumbers(ctx, json(ctx)));
}

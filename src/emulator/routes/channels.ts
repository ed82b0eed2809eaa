/**
 * ChannelEndpointAssignments (phone numbers) of /v1/CustomerProfiles/{Sid}
 * and /v1/TrustProducts/{Sid}. Rules (facts: src/domain/facts-products.ts):
 * - [DOC, medium] any bundle status (CHANNEL_ENDPOINTS_ANY_STATUS): the
 *   direct-customer guides add numbers to a submitted primary, the CNAM guide
 *   to an approved product; removal is allowed the same way [GUESS].
 * - [DOC] a trust product takes only numbers already assigned to its customer
 *   profile (CHANNEL_ENDPOINTS_PROFILE_FIRST).
 * - [DOC] the number is an IncomingPhoneNumber of the account; a parent's
 *   profile also takes its subaccounts' numbers (direct customers using
 *   subaccounts add them to the parent's primary).
 * - [DOC] a CNAM product takes US numbers only, not toll-free ones (a
 *   Canadian +1 number passes: numbers carry no country here).
 * [GUESS] the refusals' codes and texts: Twilio does not document them.
 */
import {
  CHANNEL_ENDPOINTS_ANY_STATUS,
  CHANNEL_ENDPOINTS_PROFILE_FIRST,
  cnamNumberIssue,
  TRUST_POLICY_SIDS,
} from "../../domain/trust-products.ts";
import { PROFILE_KIND, TRUST_PRODUCT_KIND, type BundleKind } from "../bundles.ts";
import { invalidParam, refused } from "../errors.ts";
import { renderChannel } from "../render.ts";
import type { Ctx, Reply } from "../router.ts";
import type { AccountData } from "../store.ts";
import type { ChannelAssignment, PhoneNumber, Profile } from "../types.ts";
import {
  assertEditable,
  bundleOr404,
  childList,
  childOr404,
  required,
  sidParam,
} from "./common.ts";

export const CHANNEL_MESSAGES = {
  notANumber: (sid: string) => `${sid} is not a phone number of this account`,
  noProfile: (sid: string) =>
    `Trust product ${sid} has no customer profile assigned; assign it before phone numbers`,
  notOnProfile: (pn: string, profiles: string[]) =>
    `Phone number ${pn} is not assigned to the customer profile ${profiles.join(", ")}; assign it there first`,
  duplicate: (pn: string, sid: string) => `Phone number ${pn} is already assigned to ${sid}`,
} as const;

/** The account's number, or (for a parent's profiles) one of its subaccounts'. */
function numberOf(ctx: Ctx, pn: string): PhoneNumber | undefined {
  const own = ctx.acct.phoneNumbers.get(pn);
  if (own) return own;
  for (const a of ctx.engine.store.accounts.values()) {
    const theirs = a.parent === ctx.acct ? a.phoneNumbers.get(pn) : undefined;
    if (theirs) return theirs;
  }
  return undefined;
}

function ownerOf(acct: AccountData, p: Profile): AccountData {
  return p.accountSid === acct.account.sid || acct.parent === undefined ? acct : acct.parent;
}

/** The customer profiles assigned to a trust product (own, or a subaccount's parent primary). */
function productProfiles(acct: AccountData, product: Profile): Profile[] {
  const out: Profile[] = [];
  for (const a of acct.assignmentsOf(product.sid).items) {
    const p = acct.referableProfile(a.objectSid);
    if (p) out.push(p);
  }
  return out;
}

function assertProfileFirst(ctx: Ctx, product: Profile, pn: string): void {
  const profiles = productProfiles(ctx.acct, product);
  if (profiles.length === 0) throw refused(CHANNEL_MESSAGES.noProfile(product.sid));
  const onProfile = profiles.some((p) =>
    ownerOf(ctx.acct, p)
      .channelsOf(p.sid)
      .items.some((c) => c.channelEndpointSid === pn),
  );
  if (!onProfile) {
    throw refused(
      CHANNEL_MESSAGES.notOnProfile(
        pn,
        profiles.map((p) => p.sid),
      ),
    );
  }
}

export function createChannel(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const type = required(ctx.form, "ChannelEndpointType");
  const sid = required(ctx.form, "ChannelEndpointSid");
  if (type !== "phone-number") throw invalidParam("ChannelEndpointType", "must be phone-number");
  sidParam(sid, "ChannelEndpointSid", "PN");
  const number = numberOf(ctx, sid);
  if (!number) throw invalidParam("ChannelEndpointSid", CHANNEL_MESSAGES.notANumber(sid));
  const cnamIssue =
    p.policySid === TRUST_POLICY_SIDS.cnam ? cnamNumberIssue(number.phoneNumber) : null;
  if (cnamIssue) throw refused(cnamIssue);
  if (!CHANNEL_ENDPOINTS_ANY_STATUS) assertEditable(p);
  const table = ctx.acct.channelsOf(p.sid);
  if (table.items.some((c) => c.channelEndpointSid === sid)) {
    throw refused(CHANNEL_MESSAGES.duplicate(sid, p.sid));
  }
  if (kind === TRUST_PRODUCT_KIND && CHANNEL_ENDPOINTS_PROFILE_FIRST)
    assertProfileFirst(ctx, p, sid);
  const a: ChannelAssignment = {
    ...ctx.engine.rec(ctx.acct, "RA"),
    profileSid: p.sid,
    channelEndpointType: type,
    channelEndpointSid: sid,
    dateCreated: ctx.engine.now(),
  };
  table.add(a);
  ctx.engine.store.touch();
  return { status: 201, body: renderChannel(a, ctx.base, kind) };
}

export function listChannels(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const one = ctx.query.get("ChannelEndpointSid");
  const many = ctx.query.get("ChannelEndpointSids");
  const wanted = new Set([
    ...(one ? [one] : []),
    ...(many ? many.split(",").map((s) => s.trim()) : []),
  ]);
  const table = ctx.acct.channelsOf(p.sid);
  const all =
    wanted.size === 0 ? table.items : table.items.filter((a) => wanted.has(a.channelEndpointSid));
  return childList(
    ctx,
    {
      profile: p,
      segment: "ChannelEndpointAssignments",
      table,
      items: all,
      filters: [
        ["ChannelEndpointSid", one],
        ["ChannelEndpointSids", many],
      ],
      render: (a) => renderChannel(a, ctx.base, kind),
    },
    kind,
  );
}

export function channelOr404(ctx: Ctx, kind: BundleKind = PROFILE_KIND): ChannelAssignment {
  return childOr404(ctx, "ChannelEndpointAssignments", (sid) => ctx.acct.channelsOf(sid), kind);
}

export function deleteChannel(ctx: Ctx, kind: BundleKind): Reply {
  const a = channelOr404(ctx, kind);
  if (!CHANNEL_ENDPOINTS_ANY_STATUS) assertEditable(bundleOr404(ctx, kind, a.profileSid));
  ctx.acct.channelsOf(a.profileSid).remove(a.sid);
  ctx.engine.store.forget(a);
  ctx.engine.store.touch();
  return { status: 204 };
}

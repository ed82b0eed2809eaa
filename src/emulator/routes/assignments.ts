/** EntityAssignments (and the routes of ChannelEndpointAssignments, routes/channels.ts) of /v1/CustomerProfiles/{Sid} and /v1/TrustProducts/{Sid}. */
import { PROFILE_KIND, type BundleKind } from "../bundles.ts";
import { ApiError, invalidParam } from "../errors.ts";
import { renderAssignment, renderChannel } from "../render.ts";
import { channelOr404, createChannel, deleteChannel, listChannels } from "./channels.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import { SID_RE } from "../sids.ts";
import type { EntityAssignment } from "../types.ts";
import { assertEditable, childList, childOr404, bundleOr404, required } from "./common.ts";

function objectExists(ctx: Ctx, sid: string, profileSid: string): boolean {
  switch (sid.slice(0, 2)) {
    case "IT":
      return ctx.acct.endUsers.get(sid) !== undefined;
    case "RD":
      return ctx.acct.documents.get(sid) !== undefined;
    case "BU":
      return sid !== profileSid && ctx.acct.referableProfile(sid) !== undefined;
    default:
      throw new ApiError(400, 22206, `Invalid object type assigned to a bundle: ${sid}`);
  }
}

function objectType(ctx: Ctx, sid: string): string | undefined {
  return ctx.acct.endUsers.get(sid)?.type ?? ctx.acct.documents.get(sid)?.type;
}

function createEntity(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const objectSid = required(ctx.form, "ObjectSid");
  if (!SID_RE.test(objectSid)) throw invalidParam("ObjectSid", `${objectSid} is not a valid SID`);
  if (!objectExists(ctx, objectSid, p.sid)) {
    throw new ApiError(
      400,
      22205,
      `Invalid object_sid: ${objectSid} does not exist in this account`,
    );
  }
  assertEditable(p);
  const a: EntityAssignment = {
    ...ctx.engine.rec(ctx.acct, "BV"),
    profileSid: p.sid,
    objectSid,
    dateCreated: ctx.engine.now(),
  };
  ctx.acct.addAssignment(a);
  ctx.engine.store.touch();
  return { status: 201, body: renderAssignment(a, ctx.base, kind) };
}

function listEntities(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const type = ctx.query.get("ObjectType");
  const table = ctx.acct.assignmentsOf(p.sid);
  const all =
    type === undefined
      ? table.items
      : table.items.filter((a) => objectType(ctx, a.objectSid) === type);
  return childList(
    ctx,
    {
      profile: p,
      segment: "EntityAssignments",
      table,
      items: all,
      filters: [["ObjectType", type]],
      render: (a) => renderAssignment(a, ctx.base, kind),
    },
    kind,
  );
}

function entityOr404(ctx: Ctx, kind: BundleKind): EntityAssignment {
  return childOr404(ctx, "EntityAssignments", (sid) => ctx.acct.assignmentsOf(sid), kind);
}

function fetchEntity(ctx: Ctx, kind: BundleKind): Reply {
  return { status: 200, body: renderAssignment(entityOr404(ctx, kind), ctx.base, kind) };
}

function deleteEntity(ctx: Ctx, kind: BundleKind): Reply {
  const a = entityOr404(ctx, kind);
  assertEditable(bundleOr404(ctx, kind, a.profileSid));
  ctx.acct.removeAssignment(a);
  ctx.engine.store.forget(a);
  ctx.engine.store.touch();
  return { status: 204 };
}

/** The assignment routes of one bundle kind (CustomerProfiles or TrustProducts). */
export function assignmentRoutes(r: Router, kind: BundleKind = PROFILE_KIND): void {
  const ea = `/v1/${kind.segment}/{${kind.param}}/EntityAssignments`;
  const ca = `/v1/${kind.segment}/{${kind.param}}/ChannelEndpointAssignments`;
  const k =
    (h: (ctx: Ctx, kind: BundleKind) => Reply) =>
    (ctx: Ctx): Reply =>
      h(ctx, kind);
  r.on("POST", ea, k(createEntity))
    .on("GET", ea, k(listEntities))
    .on("GET", `${ea}/{Sid}`, k(fetchEntity))
    .on("DELETE", `${ea}/{Sid}`, k(deleteEntity))
    .on("POST", ca, k(createChannel))
    .on("GET", ca, k(listChannels))
    .on(
      "GET",
      `${ca}/{Sid}`,
      k((ctx) => ({ status: 200, body: renderChannel(channelOr404(ctx, kind), ctx.base, kind) })),
    )
    .on("DELETE", `${ca}/{Sid}`, k(deleteChannel));
}

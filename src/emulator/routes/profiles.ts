/**
 * /v1/CustomerProfiles: create, fetch, list (Status/FriendlyName/PolicySid), update, delete.
 * List, fetch, update and delete serve TrustProducts too (routes/trust-products.ts).
 */
import { POLICY_SIDS, PROFILE_STATUSES, type ProfileStatus } from "../../domain/twilio.ts";
import { PROFILE_KIND, renderBundle, type BundleKind } from "../bundles.ts";
import { policyBySid } from "../catalog.ts";
import { isEditable, isPrimary, PRIMARY_POLICIES } from "../engine.ts";
import { ApiError, invalidParam, refused, MESSAGES } from "../errors.ts";
import { pageRequest, slicePage, v1Page } from "../paging.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Profile } from "../types.ts";
import { bundleOr404, optionalUri, required, sidParam } from "./common.ts";

/**
 * Creates a draft bundle of `kind` from the form; `checkPolicy` refuses a
 * policy the kind cannot use (it runs after the fields are read, as before).
 */
export function createBundle(
  ctx: Ctx,
  kind: BundleKind,
  checkPolicy: (policySid: string) => void,
): Reply {
  const friendlyName = required(ctx.form, "FriendlyName");
  const email = required(ctx.form, "Email");
  const policySid = sidParam(required(ctx.form, "PolicySid"), "PolicySid", "RN");
  const statusCallback = optionalUri(ctx.form, "StatusCallback") ?? null;
  checkPolicy(policySid);
  const now = ctx.engine.now();
  const p: Profile = {
    ...ctx.engine.rec(ctx.acct, "BU"),
    policySid,
    friendlyName,
    email,
    statusCallback,
    status: "draft",
    validUntil: null,
    errors: null,
    dateCreated: now,
    dateUpdated: now,
  };
  kind.table(ctx.acct).add(p);
  ctx.engine.store.touch();
  return { status: 201, body: renderBundle(kind, p, ctx.base) };
}

function create(ctx: Ctx): Reply {
  return createBundle(ctx, PROFILE_KIND, (policySid) => {
    const policy = policyBySid(policySid);
    if (!policy || !policy.customerProfile) {
      throw invalidParam("PolicySid", `${policySid} is not a Customer Profile policy`);
    }
    if (PRIMARY_POLICIES.has(policySid)) throw refused(MESSAGES.primaryRestricted);
    if (policySid === POLICY_SIDS.secondary && !ctx.engine.hasIsvPrimary(ctx.acct)) {
      throw refused(MESSAGES.secondaryNeedsIsv);
    }
  });
}

export function list(ctx: Ctx, kind: BundleKind = PROFILE_KIND): Reply {
  const req = pageRequest(ctx.query);
  const status = ctx.query.get("Status");
  const friendlyName = ctx.query.get("FriendlyName");
  const policySid = ctx.query.get("PolicySid");
  if (status !== undefined && !(PROFILE_STATUSES as readonly string[]).includes(status)) {
    throw invalidParam("Status", `${status} is not a valid status`);
  }
  const table = kind.table(ctx.acct);
  const all =
    status === undefined && friendlyName === undefined && policySid === undefined
      ? table.items
      : table.items.filter(
          (p) =>
            (status === undefined || p.status === status) &&
            (friendlyName === undefined || p.friendlyName === friendlyName) &&
            (policySid === undefined || p.policySid === policySid),
        );
  const slice = slicePage(all, req, (sid) => ctx.engine.store.seqOf(sid, [table]));
  const filters: [string, string | undefined][] = [
    ["Status", status],
    ["FriendlyName", friendlyName],
    ["PolicySid", policySid],
  ];
  const body = v1Page(`${ctx.base}/v1/${kind.segment}`, "results", filters, req, slice, (p) =>
    renderBundle(kind, p, ctx.base),
  );
  return { status: 200, body };
}

export function fetch(ctx: Ctx, kind: BundleKind = PROFILE_KIND): Reply {
  const p = bundleOr404(ctx, kind, ctx.params["Sid"]!);
  return { status: 200, body: renderBundle(kind, p, ctx.base) };
}

export function update(ctx: Ctx, kind: BundleKind = PROFILE_KIND): Reply {
  const p = bundleOr404(ctx, kind, ctx.params["Sid"]!);
  const status = ctx.form.get("Status");
  const friendlyName = ctx.form.get("FriendlyName");
  const email = ctx.form.get("Email");
  const callbackGiven = ctx.form.has("StatusCallback");
  const statusCallback = optionalUri(ctx.form, "StatusCallback");
  const editsFields = friendlyName !== undefined || email !== undefined || callbackGiven;
  if (status !== undefined && status !== "") {
    if (!(PROFILE_STATUSES as readonly string[]).includes(status)) {
      throw new ApiError(400, 22203, `Unable to parse bundle status: ${status}`);
    }
    if (isPrimary(p)) throw refused(MESSAGES.primaryRestricted);
    if ((status as ProfileStatus) !== "pending-review" || !isEditable(p)) {
      throw refused(MESSAGES.statusUpdate);
    }
  }
  if (editsFields && !isEditable(p)) {
    throw refused(`${MESSAGES.bundleImmutable}: ${p.sid} is ${p.status}`);
  }
  if (friendlyName !== undefined && friendlyName !== "") p.friendlyName = friendlyName;
  if (email !== undefined && email !== "") p.email = email;
  if (callbackGiven) p.statusCallback = statusCallback ?? null;
  if (editsFields) {
    p.dateUpdated = ctx.engine.now();
    ctx.engine.store.touch();
  }
  if (status === "pending-review") ctx.engine.submit(ctx.acct, p);
  return { status: 200, body: renderBundle(kind, p, ctx.base) };
}

export function remove(ctx: Ctx, kind: BundleKind = PROFILE_KIND): Reply {
  const p = bundleOr404(ctx, kind, ctx.params["Sid"]!);
  if (isPrimary(p)) throw refused(MESSAGES.primaryRestricted);
  if (!isEditable(p)) throw refused(`${MESSAGES.bundleImmutable}: ${p.sid} is ${p.status}`);
  ctx.acct.removeProfile(p.sid);
  ctx.engine.store.forget(p);
  ctx.engine.store.touch();
  return { status: 204 };
}

export function profileRoutes(r: Router): void {
  r.on("POST", "/v1/CustomerProfiles", create)
    .on("GET", "/v1/CustomerProfiles", list)
    .on("GET", "/v1/CustomerProfiles/{Sid}", fetch)
    .on("POST", "/v1/CustomerProfiles/{Sid}", update)
    .on("DELETE", "/v1/CustomerProfiles/{Sid}", remove);
}

/**
 * /v1/TrustProducts and their EntityAssignments, Evaluations and
 * ChannelEndpointAssignments: the customer-profile routes over the
 * TrustProducts bundle kind; only create differs (a trust-product policy).
 */
import { TRUST_PRODUCT_KIND, renderBundle } from "../bundles.ts";
import { policyBySid } from "../catalog.ts";
import { invalidParam } from "../errors.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Profile } from "../types.ts";
import { assignmentRoutes } from "./assignments.ts";
import { optionalUri, required, sidParam } from "./common.ts";
import { evaluationRoutes } from "./evaluations.ts";
import { fetch, list, remove, update } from "./profiles.ts";

function create(ctx: Ctx): Reply {
  const friendlyName = required(ctx.form, "FriendlyName");
  const email = required(ctx.form, "Email");
  const policySid = sidParam(required(ctx.form, "PolicySid"), "PolicySid", "RN");
  const statusCallback = optionalUri(ctx.form, "StatusCallback") ?? null;
  const policy = policyBySid(policySid);
  if (!policy || policy.customerProfile) {
    throw invalidParam("PolicySid", `${policySid} is not a Trust Product policy`);
  }
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
  ctx.acct.trustProducts.add(p);
  ctx.engine.store.touch();
  return { status: 201, body: renderBundle(TRUST_PRODUCT_KIND, p, ctx.base) };
}

export function trustProductRoutes(r: Router): void {
  const k = TRUST_PRODUCT_KIND;
  r.on("POST", "/v1/TrustProducts", create)
    .on("GET", "/v1/TrustProducts", (ctx) => list(ctx, k))
    .on("GET", "/v1/TrustProducts/{Sid}", (ctx) => fetch(ctx, k))
    .on("POST", "/v1/TrustProducts/{Sid}", (ctx) => update(ctx, k))
    .on("DELETE", "/v1/TrustProducts/{Sid}", (ctx) => remove(ctx, k));
  assignmentRoutes(r, k);
  evaluationRoutes(r, k);
}

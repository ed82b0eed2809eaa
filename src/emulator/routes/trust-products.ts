/**
 * /v1/TrustProducts and their EntityAssignments, Evaluations and
 * ChannelEndpointAssignments: the customer-profile routes over the
 * TrustProducts bundle kind; only create differs (a trust-product policy).
 */
import { TRUST_PRODUCT_KIND } from "../bundles.ts";
import { policyBySid } from "../catalog.ts";
import { invalidParam } from "../errors.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import { assignmentRoutes } from "./assignments.ts";
import { evaluationRoutes } from "./evaluations.ts";
import { createBundle, fetch, list, remove, update } from "./profiles.ts";

function create(ctx: Ctx): Reply {
  return createBundle(ctx, TRUST_PRODUCT_KIND, (policySid) => {
    const policy = policyBySid(policySid);
    if (!policy || policy.customerProfile) {
      throw invalidParam("PolicySid", `${policySid} is not a Trust Product policy`);
    }
  });
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

/** /v1/CustomerProfiles/{Sid}/Evaluations: synchronous evaluation against a policy. */
import { policyBySid } from "../catalog.ts";
import { invalidParam } from "../errors.ts";
import { evaluate } from "../evaluate.ts";
import { renderEvaluation } from "../render.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Evaluation } from "../types.ts";
import { childList, childOr404, profileOr404, required, sidParam } from "./common.ts";

function create(ctx: Ctx): Reply {
  const p = profileOr404(ctx, ctx.params["CustomerProfileSid"]!);
  const policySid = sidParam(required(ctx.form, "PolicySid"), "PolicySid", "RN");
  const policy = policyBySid(policySid);
  if (!policy) throw invalidParam("PolicySid", `${policySid} is not a known policy`);
  const ev = evaluate(ctx.acct, p, policy);
  const e: Evaluation = {
    ...ctx.engine.rec(ctx.acct, "EL"),
    profileSid: p.sid,
    policySid,
    status: ev.status,
    results: ev.results,
    dateCreated: ctx.engine.now(),
  };
  ctx.acct.evaluationsOf(p.sid).add(e);
  ctx.engine.store.touch();
  return { status: 201, body: renderEvaluation(e, ctx.base) };
}

function list(ctx: Ctx): Reply {
  const p = profileOr404(ctx, ctx.params["CustomerProfileSid"]!);
  const table = ctx.acct.evaluationsOf(p.sid);
  return childList(ctx, {
    profile: p,
    segment: "Evaluations",
    table,
    items: table.items,
    filters: [],
    render: (e) => renderEvaluation(e, ctx.base),
  });
}

function fetch(ctx: Ctx): Reply {
  const e = childOr404(ctx, "Evaluations", (sid) => ctx.acct.evaluationsOf(sid));
  return { status: 200, body: renderEvaluation(e, ctx.base) };
}

export function evaluationRoutes(r: Router): void {
  const base = "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations";
  r.on("POST", base, create).on("GET", base, list).on("GET", `${base}/{Sid}`, fetch);
}

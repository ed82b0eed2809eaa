/** /v1/{CustomerProfiles|TrustProducts}/{Sid}/Evaluations: synchronous evaluation against a policy. */
import { PROFILE_KIND, type BundleKind } from "../bundles.ts";
import { policyBySid } from "../catalog.ts";
import { invalidParam } from "../errors.ts";
import { evaluate } from "../evaluate.ts";
import { renderEvaluation } from "../render.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Evaluation } from "../types.ts";
import { childList, childOr404, bundleOr404, required, sidParam } from "./common.ts";

function create(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
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
  return { status: 201, body: renderEvaluation(e, ctx.base, kind) };
}

function list(ctx: Ctx, kind: BundleKind): Reply {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const table = ctx.acct.evaluationsOf(p.sid);
  return childList(
    ctx,
    {
      profile: p,
      segment: "Evaluations",
      table,
      items: table.items,
      filters: [],
      render: (e) => renderEvaluation(e, ctx.base, kind),
    },
    kind,
  );
}

function fetch(ctx: Ctx, kind: BundleKind): Reply {
  const e = childOr404(ctx, "Evaluations", (sid) => ctx.acct.evaluationsOf(sid), kind);
  return { status: 200, body: renderEvaluation(e, ctx.base, kind) };
}

export function evaluationRoutes(r: Router, kind: BundleKind = PROFILE_KIND): void {
  const base = `/v1/${kind.segment}/{${kind.param}}/Evaluations`;
  r.on("POST", base, (ctx) => create(ctx, kind))
    .on("GET", base, (ctx) => list(ctx, kind))
    .on("GET", `${base}/{Sid}`, (ctx) => fetch(ctx, kind));
}

/**
 * The sandbox controls under /__sandbox (JSON in, JSON out), authenticated
 * with the account's own credentials. Documented in docs/emulator.md.
 */
import { PROFILE_STATUSES, type ProfileStatus } from "../../domain/twilio.ts";
import { ApiError } from "../errors.ts";
import { renderBundle } from "../bundles.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import { isSid } from "../sids.ts";
import { createPrimary } from "./primary.ts";
import { anyBundle, trustSandboxRoutes } from "./trust.ts";
import { randomBytes } from "node:crypto";

function json(ctx: Ctx): Record<string, unknown> {
  if (ctx.raw.trim() === "") return {};
  let v: unknown;
  try {
    v = JSON.parse(ctx.raw);
  } catch {
    throw new ApiError(400, 20001, "Sandbox controls take a JSON body");
  }
  if (v === null || typeof v !== "object" || Array.isArray(v))
    throw new ApiError(400, 20001, "JSON body must be an object");
  return v as Record<string, unknown>;
}

function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** The bundle's reply (a customer profile, or a trust product: these controls take both). */
function bundleReply(ctx: Ctx, sid: string): Reply {
  const { kind, p } = anyBundle(ctx, sid);
  return ok(renderBundle(kind, p, ctx.base));
}

function requestLog(ctx: Ctx): Reply {
  const requests = ctx.engine.requestLog.query({
    method: ctx.query.get("method"),
    path: ctx.query.get("path"),
    pathPrefix: ctx.query.get("pathPrefix"),
  });
  return ok({ count: requests.length, requests });
}

export function sandboxRoutes(r: Router): void {
  trustSandboxRoutes(r, json);
  const S = "/__sandbox";
  r.on("GET", `${S}/Account`, (ctx) =>
    ok({ sid: ctx.acct.account.sid, keys: ctx.acct.account.keys.map((k) => k.sid) }),
  )
    .on("POST", `${S}/Accounts`, (ctx) => {
      const b = json(ctx);
      const sid = typeof b["sid"] === "string" ? b["sid"] : ctx.engine.sids.next("AC");
      if (!isSid(sid, "AC")) throw new ApiError(400, 20001, "sid must be AC + 32 hex digits");
      if (ctx.engine.store.accounts.has(sid))
        throw new ApiError(409, 20409, `Account ${sid} exists`);
      const token =
        typeof b["token"] === "string" && b["token"] !== ""
          ? b["token"]
          : randomBytes(16).toString("hex");
      ctx.engine.store.addAccount({ sid, token, keys: [] });
      ctx.engine.store.touch();
      return ok({ sid, token }, 201);
    })
    .on("POST", `${S}/Keys`, (ctx) => {
      const b = json(ctx);
      const key = {
        sid: ctx.engine.sids.next("SK"),
        secret: randomBytes(16).toString("hex"),
        friendlyName: typeof b["friendlyName"] === "string" ? b["friendlyName"] : "sandbox key",
      };
      ctx.acct.account.keys.push(key);
      ctx.engine.store.keys.set(key.sid, ctx.acct.account.sid);
      ctx.engine.store.touch();
      return ok({ sid: key.sid, secret: key.secret, accountSid: ctx.acct.account.sid }, 201);
    })
    .on("POST", `${S}/PrimaryProfiles`, (ctx) =>
      ok(createPrimary(ctx.engine, ctx.acct, json(ctx), ctx.base), 201),
    )
    .on("POST", `${S}/CustomerProfiles/{Sid}/Approve`, (ctx) => {
      ctx.engine.approve(ctx.acct, anyBundle(ctx, ctx.params["Sid"]!).p);
      return bundleReply(ctx, ctx.params["Sid"]!);
    })
    .on("POST", `${S}/CustomerProfiles/{Sid}/Reject`, (ctx) => {
      const b = json(ctx);
      const codes = Array.isArray(b["codes"]) ? b["codes"] : [18601];
      if (!codes.every((c) => Number.isInteger(c)))
        throw new ApiError(400, 20001, "codes must be integers");
      ctx.engine.reject(ctx.acct, anyBundle(ctx, ctx.params["Sid"]!).p, codes as number[]);
      return bundleReply(ctx, ctx.params["Sid"]!);
    })
    .on("POST", `${S}/CustomerProfiles/{Sid}/Status`, (ctx) => {
      const b = json(ctx);
      const status = b["status"];
      if (typeof status !== "string" || !(PROFILE_STATUSES as readonly string[]).includes(status)) {
        throw new ApiError(400, 20001, `status must be one of ${PROFILE_STATUSES.join(", ")}`);
      }
      const codes = Array.isArray(b["codes"])
        ? (b["codes"] as number[]).map((code) => ({ code }))
        : undefined;
      ctx.engine.setStatus(
        ctx.acct,
        anyBundle(ctx, ctx.params["Sid"]!).p,
        status as ProfileStatus,
        codes,
      );
      return bundleReply(ctx, ctx.params["Sid"]!);
    })
    .on("GET", `${S}/Review`, (ctx) => ok(ctx.engine.review))
    .on("POST", `${S}/Review`, (ctx) => {
      const b = json(ctx);
      if (b["delayMs"] !== undefined) {
        if (!Number.isInteger(b["delayMs"]) || (b["delayMs"] as number) < 0) {
          throw new ApiError(400, 20001, "delayMs must be a non-negative integer");
        }
        ctx.engine.review.delayMs = b["delayMs"] as number;
      }
      if (b["auto"] !== undefined) ctx.engine.review.auto = b["auto"] === true;
      if (ctx.engine.review.auto) ctx.engine.resumeReviews();
      return ok(ctx.engine.review);
    })
    .on("GET", `${S}/RequestLog`, requestLog)
    .on("DELETE", `${S}/RequestLog`, (ctx) => {
      ctx.engine.requestLog.reset();
      return ok({ count: 0, requests: [] });
    })
    .on("GET", `${S}/Faults`, (ctx) => ok(ctx.engine.faults.config))
    .on("POST", `${S}/Faults`, (ctx) => ok(ctx.engine.faults.set(json(ctx))))
    .on("DELETE", `${S}/Faults`, (ctx) => ok(ctx.engine.faults.reset()))
    .on("GET", `${S}/Callbacks`, (ctx) => ok({ deliveries: ctx.engine.callbacks.deliveries }))
    .on("GET", `${S}/Stats`, (ctx) =>
      ok({
        persist: ctx.engine.persistStats,
        internalErrors: ctx.engine.internalErrors,
        profiles: ctx.acct.profiles.size,
        endUsers: ctx.acct.endUsers.size,
        documents: ctx.acct.documents.size,
        addresses: ctx.acct.addresses.size,
        trustProducts: ctx.acct.trustProducts.size,
        phoneNumbers: ctx.acct.phoneNumbers.size,
      }),
    );
}

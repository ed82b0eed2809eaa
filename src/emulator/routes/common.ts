/** Parameter checks and lookups the Trust Hub routes share. */
import { ApiError, invalidParam, missingParam, notFound, refused, MESSAGES } from "../errors.ts";
import { PROFILE_KIND, type BundleKind } from "../bundles.ts";
import { isEditable } from "../engine.ts";
import { pageRequest, slicePage, v1Page } from "../paging.ts";
import type { Params } from "../params.ts";
import { isSid } from "../sids.ts";
import type { Ctx, Reply } from "../router.ts";
import type { Table } from "../table.ts";
import type { Profile, Rec } from "../types.ts";

export const MAX_ATTRIBUTES_BYTES = 64 * 1024;

export function required(form: Params, name: string): string {
  const v = form.get(name);
  if (v === undefined || v === "") throw missingParam(name);
  return v;
}

export function sidParam(value: string, name: string, prefix: string): string {
  if (!isSid(value, prefix)) throw invalidParam(name, `${value} is not a valid ${prefix} SID`);
  return value;
}

export function optionalUri(form: Params, name: string): string | undefined {
  const v = form.get(name);
  if (v === undefined || v === "") return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw invalidParam(name, `${v} is not a valid URL`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw invalidParam(name, "must be http(s)");
  return v;
}

/** `Attributes`: a JSON object in a form field (reference 2.5). */
export function parseAttributes(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > MAX_ATTRIBUTES_BYTES) {
    throw new ApiError(400, 22207, "Attributes are too large");
  }
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 22207, "Unable to parse attributes JSON");
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new ApiError(400, 22207, "Attributes must be a JSON object");
  }
  return v as Record<string, unknown>;
}

/** The path as Twilio names it in 404s: without the `/v1` prefix. */
export function v1Path(path: string): string {
  return path.replace(/^\/v1/, "");
}

export function profileOr404(ctx: Ctx, sid: string): Profile {
  return bundleOr404(ctx, PROFILE_KIND, sid);
}

/** A customer profile or trust product of the kind, or a 404 naming its path. */
export function bundleOr404(ctx: Ctx, kind: BundleKind, sid: string): Profile {
  const p = kind.table(ctx.acct).get(sid);
  if (!p) throw notFound(`/${kind.segment}/${sid}`);
  return p;
}

/** Assignment changes are allowed only while the bundle is editable. */
export function assertEditable(p: Profile): void {
  if (!isEditable(p)) throw refused(`${MESSAGES.bundleImmutable}: ${p.sid} is ${p.status}`);
}

/** The profile's child (Evaluation, EntityAssignment, ...) the path's `Sid` names, or a 404 naming its path. */
export function childOr404<T extends Rec>(
  ctx: Ctx,
  segment: string,
  tableOf: (profileSid: string) => Table<T>,
  kind: BundleKind = PROFILE_KIND,
): T {
  const p = bundleOr404(ctx, kind, ctx.params[kind.param]!);
  const c = tableOf(p.sid).get(ctx.params["Sid"]!);
  if (!c) throw notFound(`/${kind.segment}/${p.sid}/${segment}/${ctx.params["Sid"]!}`);
  return c;
}

/** One page of a profile's child table as the v1 list reply; `items` is all of it or a filtered part. */
export function childList<T extends Rec>(
  ctx: Ctx,
  list: {
    profile: Profile;
    segment: string;
    table: Table<T>;
    items: readonly T[];
    filters: [string, string | undefined][];
    render: (item: T) => unknown;
  },
  kind: BundleKind = PROFILE_KIND,
): Reply {
  const req = pageRequest(ctx.query);
  const slice = slicePage(list.items, req, (sid) => ctx.engine.store.seqOf(sid, [list.table]));
  const url = `${ctx.base}/v1/${kind.segment}/${list.profile.sid}/${list.segment}`;
  return {
    status: 200,
    body: v1Page(url, "results", list.filters, req, slice, list.render),
  };
}

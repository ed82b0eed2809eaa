/**
 * /v1/EndUsers and /v1/SupportingDocuments. Edits and deletes are refused
 * (70002) while any bundle the object is assigned to is immutable; deleting
 * an object still assigned to a bundle is refused (21644).
 */
import { DOCUMENT_TYPE_CATALOG, END_USER_TYPE_CATALOG, findType } from "../catalog.ts";
import { isEditable } from "../engine.ts";
import { ApiError, invalidParam, notFound, MESSAGES } from "../errors.ts";
import { pageRequest, slicePage, v1Page } from "../paging.ts";
import { renderDocument, renderEndUser } from "../render.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Table } from "../table.ts";
import type { EndUser, SupportingDocument } from "../types.ts";
import { parseAttributes, required } from "./common.ts";

interface Kind<T extends EndUser | SupportingDocument> {
  path: string;
  prefix: string;
  catalog: typeof END_USER_TYPE_CATALOG;
  table: (ctx: Ctx) => Table<T>;
  render: (rec: T, base: string) => Record<string, unknown>;
  immutable: string;
  make: (base: Omit<EndUser, "friendlyName" | "type" | "attributes">, f: Fields) => T;
}

interface Fields {
  friendlyName: string;
  type: string;
  attributes: Record<string, unknown>;
}

const endUsers: Kind<EndUser> = {
  path: "/v1/EndUsers",
  prefix: "IT",
  catalog: END_USER_TYPE_CATALOG,
  table: (ctx) => ctx.acct.endUsers,
  render: renderEndUser,
  immutable: MESSAGES.endUserImmutable,
  make: (b, f) => ({ ...b, ...f }),
};

const documents: Kind<SupportingDocument> = {
  path: "/v1/SupportingDocuments",
  prefix: "RD",
  catalog: DOCUMENT_TYPE_CATALOG,
  table: (ctx) => ctx.acct.documents,
  render: renderDocument,
  immutable: MESSAGES.documentImmutable,
  make: (b, f) => ({ ...b, ...f, status: "DRAFT" }),
};

function routes<T extends EndUser | SupportingDocument>(r: Router, k: Kind<T>): void {
  const get = (ctx: Ctx): T => {
    const rec = k.table(ctx).get(ctx.params["Sid"]!);
    if (!rec) throw notFound(`${k.path.slice(3)}/${ctx.params["Sid"]!}`);
    return rec;
  };
  const assertMutable = (ctx: Ctx, rec: T): void => {
    if (ctx.acct.bundlesOf(rec.sid).some((p) => !isEditable(p)))
      throw new ApiError(400, 70002, k.immutable);
  };
  r.on("POST", k.path, (ctx) => {
    const friendlyName = required(ctx.form, "FriendlyName");
    const type = required(ctx.form, "Type");
    if (!findType(k.catalog, type)) throw invalidParam("Type", `${type} is not a known type`);
    const attributes = parseAttributes(ctx.form.get("Attributes")) ?? {};
    const now = ctx.engine.now();
    const rec = k.make(
      { ...ctx.engine.rec(ctx.acct, k.prefix), dateCreated: now, dateUpdated: now },
      { friendlyName, type, attributes },
    );
    k.table(ctx).add(rec);
    ctx.engine.store.touch();
    return { status: 201, body: k.render(rec, ctx.base) };
  })
    .on("GET", k.path, (ctx) => {
      const req = pageRequest(ctx.query);
      const table = k.table(ctx);
      const slice = slicePage(table.items, req, (sid) => ctx.engine.store.seqOf(sid, [table]));
      const body = v1Page(`${ctx.base}${k.path}`, "results", [], req, slice, (x) =>
        k.render(x, ctx.base),
      );
      return { status: 200, body };
    })
    .on("GET", `${k.path}/{Sid}`, (ctx) => ({ status: 200, body: k.render(get(ctx), ctx.base) }))
    .on("POST", `${k.path}/{Sid}`, (ctx): Reply => {
      const rec = get(ctx);
      const friendlyName = ctx.form.get("FriendlyName");
      const attributes = parseAttributes(ctx.form.get("Attributes"));
      if (friendlyName === undefined && attributes === undefined) {
        return { status: 200, body: k.render(rec, ctx.base) };
      }
      assertMutable(ctx, rec);
      if (friendlyName !== undefined && friendlyName !== "") rec.friendlyName = friendlyName;
      if (attributes !== undefined) rec.attributes = attributes;
      rec.dateUpdated = ctx.engine.now();
      ctx.engine.store.touch();
      return { status: 200, body: k.render(rec, ctx.base) };
    })
    .on("DELETE", `${k.path}/{Sid}`, (ctx) => {
      const rec = get(ctx);
      assertMutable(ctx, rec);
      if (ctx.acct.bundlesOf(rec.sid).length > 0) {
        throw new ApiError(
          400,
          21644,
          "Object cannot be deleted due to an active assignment to a Bundle",
        );
      }
      k.table(ctx).remove(rec.sid);
      ctx.acct.assignedIn.delete(rec.sid);
      ctx.engine.store.forget(rec);
      ctx.engine.store.touch();
      return { status: 204 };
    });
}

export function objectRoutes(r: Router): void {
  routes(r, endUsers);
  routes(r, documents);
}

/** Read-only catalogue: /v1/Policies, /v1/EndUserTypes, /v1/SupportingDocumentTypes. */
import {
  DOCUMENT_TYPE_CATALOG,
  END_USER_TYPE_CATALOG,
  findType,
  POLICIES,
  policyBySid,
  type CatalogType,
  type Policy,
} from "../catalog.ts";
import { notFound } from "../errors.ts";
import { pageRequest, slicePage, v1Page } from "../paging.ts";
import type { Ctx, Reply, Router } from "../router.ts";
import type { Rec } from "../types.ts";

type Seqd<T> = T & Rec;

/** Give catalogue entries a stable order for paging. */
function seqd<T extends { sid: string }>(list: T[]): Seqd<T>[] {
  return list.map((x, i) => ({ ...x, seq: i + 1, accountSid: "" }));
}

const policies = seqd(POLICIES);
const endUserTypes = seqd(END_USER_TYPE_CATALOG);
const documentTypes = seqd(DOCUMENT_TYPE_CATALOG);

function renderPolicy(p: Policy, base: string): Record<string, unknown> {
  return {
    sid: p.sid,
    friendly_name: p.friendly_name,
    requirements: p.requirements,
    url: `${base}/v1/Policies/${p.sid}`,
  };
}

function renderType(path: string) {
  return (t: CatalogType, base: string): Record<string, unknown> => ({
    sid: t.sid,
    friendly_name: t.friendly_name,
    machine_name: t.machine_name,
    fields: t.fields,
    url: `${base}/v1/${path}/${t.sid}`,
  });
}

function lister<T extends Rec>(
  path: string,
  key: string,
  items: T[],
  render: (x: T, base: string) => unknown,
) {
  return (ctx: Ctx): Reply => {
    const req = pageRequest(ctx.query);
    const slice = slicePage(items, req, (sid) => items.find((x) => x.sid === sid)?.seq);
    return {
      status: 200,
      body: v1Page(`${ctx.base}/v1/${path}`, key, [], req, slice, (x) => render(x, ctx.base)),
    };
  };
}

export function catalogRoutes(r: Router): void {
  const eut = renderType("EndUserTypes");
  const sdt = renderType("SupportingDocumentTypes");
  r.on("GET", "/v1/Policies", lister("Policies", "results", policies, renderPolicy))
    .on("GET", "/v1/Policies/{Sid}", (ctx) => {
      const p = policyBySid(ctx.params["Sid"]!);
      if (!p) throw notFound(`/Policies/${ctx.params["Sid"]!}`);
      return { status: 200, body: renderPolicy(p, ctx.base) };
    })
    .on("GET", "/v1/EndUserTypes", lister("EndUserTypes", "end_user_types", endUserTypes, eut))
    .on("GET", "/v1/EndUserTypes/{Sid}", (ctx) => {
      const t = findType(END_USER_TYPE_CATALOG, ctx.params["Sid"]!);
      if (!t) throw notFound(`/EndUserTypes/${ctx.params["Sid"]!}`);
      return { status: 200, body: eut(t, ctx.base) };
    })
    .on(
      "GET",
      "/v1/SupportingDocumentTypes",
      lister("SupportingDocumentTypes", "supporting_document_types", documentTypes, sdt),
    )
    .on("GET", "/v1/SupportingDocumentTypes/{Sid}", (ctx) => {
      const t = findType(DOCUMENT_TYPE_CATALOG, ctx.params["Sid"]!);
      if (!t) throw notFound(`/SupportingDocumentTypes/${ctx.params["Sid"]!}`);
      return { status: 200, body: sdt(t, ctx.base) };
    });
}

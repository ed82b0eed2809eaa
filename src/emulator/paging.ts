/**
 * List paging as Twilio does it: PageSize (1..1000, default 50), Page, and
 * PageToken `PA<sid>` (after that record) / `PB<sid>` (before it). v1 lists
 * answer `meta` with absolute URLs built from the request's host; the 2010
 * API answers its own shape with relative URIs.
 */
import { ApiError } from "./errors.ts";
import type { Params } from "./params.ts";
import { firstAfter } from "./table.ts";
import type { Rec } from "./types.ts";

export interface PageRequest {
  pageSize: number;
  page: number;
  token: string | undefined;
}

export function pageRequest(q: Params): PageRequest {
  const pageSize = intParam(q, "PageSize", 50);
  const page = intParam(q, "Page", 0);
  if (pageSize < 1 || pageSize > 1000) {
    throw new ApiError(400, 20001, "Invalid parameter PageSize: must be between 1 and 1000");
  }
  if (page < 0) throw new ApiError(400, 20001, "Invalid parameter Page: must be 0 or more");
  return { pageSize, page, token: q.get("PageToken") };
}

function intParam(q: Params, name: string, dflt: number): number {
  const raw = q.get(name);
  if (raw === undefined || raw === "") return dflt;
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(400, 20001, `Invalid parameter ${name}: ${raw}`);
  return Number(raw);
}

export interface PageSlice<T> {
  items: T[];
  hasNext: boolean;
  hasPrevious: boolean;
}

/** Slice a seq-ordered list. `seqOf` resolves a token's SID (live or deleted). */
export function slicePage<T extends Rec>(
  all: readonly T[],
  req: PageRequest,
  seqOf: (sid: string) => number | undefined,
): PageSlice<T> {
  let start: number;
  let end: number;
  if (req.token !== undefined && req.token !== "") {
    const kind = req.token.slice(0, 2);
    const seq = seqOf(req.token.slice(2));
    if ((kind !== "PA" && kind !== "PB") || seq === undefined) {
      throw new ApiError(400, 20001, `Invalid parameter PageToken: ${req.token}`);
    }
    if (kind === "PA") {
      start = firstAfter(all, seq);
      end = Math.min(all.length, start + req.pageSize);
    } else {
      end = firstAfter(all, seq - 1);
      start = Math.max(0, end - req.pageSize);
    }
  } else {
    start = Math.min(all.length, req.page * req.pageSize);
    end = Math.min(all.length, start + req.pageSize);
  }
  return { items: all.slice(start, end), hasNext: end < all.length, hasPrevious: start > 0 };
}

function query(filters: [string, string | undefined][], extra: string): string {
  const parts = filters
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  parts.push(extra);
  return parts.join("&");
}

function pageUrls<T extends Rec>(
  prefix: string,
  filters: [string, string | undefined][],
  req: PageRequest,
  slice: PageSlice<T>,
): { first: string; self: string; next: string | null; previous: string | null } {
  const size = `PageSize=${req.pageSize}`;
  const tok = req.token ? `&PageToken=${encodeURIComponent(req.token)}` : "";
  const firstItem = slice.items[0];
  const lastItem = slice.items[slice.items.length - 1];
  return {
    first: `${prefix}?${query(filters, `${size}&Page=0`)}`,
    self: `${prefix}?${query(filters, `${size}&Page=${req.page}${tok}`)}`,
    next:
      slice.hasNext && lastItem
        ? `${prefix}?${query(filters, `${size}&Page=${req.page + 1}&PageToken=PA${lastItem.sid}`)}`
        : null,
    previous:
      slice.hasPrevious && firstItem && req.page > 0
        ? `${prefix}?${query(filters, `${size}&Page=${req.page - 1}&PageToken=PB${firstItem.sid}`)}`
        : null,
  };
}

/** The v1 list body: `{ [key]: [...], meta: {...} }`. */
export function v1Page<T extends Rec>(
  url: string,
  key: string,
  filters: [string, string | undefined][],
  req: PageRequest,
  slice: PageSlice<T>,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const u = pageUrls(url, filters, req, slice);
  return {
    [key]: slice.items.map(render),
    meta: {
      page: req.page,
      page_size: req.pageSize,
      first_page_url: u.first,
      previous_page_url: u.previous,
      url: u.self,
      next_page_url: u.next,
      key,
    },
  };
}

/** The 2010 list body with relative URIs. */
export function page2010<T extends Rec>(
  uri: string,
  key: string,
  filters: [string, string | undefined][],
  req: PageRequest,
  slice: PageSlice<T>,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const u = pageUrls(uri, filters, req, slice);
  const start = req.page * req.pageSize;
  return {
    [key]: slice.items.map(render),
    end: slice.items.length === 0 ? 0 : start + slice.items.length - 1,
    first_page_uri: u.first,
    next_page_uri: u.next,
    page: req.page,
    page_size: req.pageSize,
    previous_page_uri: u.previous,
    start,
    uri: u.self,
  };
}

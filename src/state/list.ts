/**
 * One list request of the official SDK, every page converted and checked
 * (src/state/convert.ts); a failed or malformed reply is a UserError naming
 * the request.
 */
import { UserError } from "../errors.ts";
import { describeFailure } from "./failure.ts";
import { collectIfGrown } from "./heap-pace.ts";

/** The part of the SDK's Page that list() uses. */
interface PageLike {
  instances: unknown;
  nextPage(): Promise<PageLike | undefined> | undefined;
}

/**
 * Converts one page's items into `out` and returns the request for the next
 * page. The next page is asked for before this one is converted: the
 * request's round trip overlaps the conversion (a list's pages are read one
 * after another, by page token).
 */
function convertPage<T>(
  request: string,
  page: PageLike,
  out: T[],
  convert: (item: unknown, where: string) => T,
): Promise<PageLike | undefined> | undefined {
  const items = page.instances;
  // The SDK's nextPage() keeps this page (bound `this`) until the next reply is in: its
  // items must not stay reachable through it (the parsed reply of RawPage is dropped too).
  page.instances = undefined;
  if (!Array.isArray(items))
    throw new UserError("read/malformed", `${request}: the reply is not a list`);
  let next: Promise<PageLike | undefined> | undefined;
  try {
    next = page.nextPage();
  } catch (e) {
    throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
  }
  next?.catch(() => undefined); // awaited by the caller, unless a conversion fails first
  for (const item of items) out.push(convert(item, `${request}: item ${out.length}`));
  return next;
}

/**
 * Every item of a list, converted page by page: only one page of SDK objects
 * (two while the next one arrives) is held at a time (the SDK's list() keeps
 * every page's instances until the end, about 140 MB at 10,000 profiles).
 */
export async function list<T>(
  request: string,
  firstPage: () => Promise<PageLike>,
  convert: (item: unknown, where: string) => T,
): Promise<T[]> {
  const out: T[] = [];
  let page: PageLike | undefined;
  try {
    page = await firstPage();
  } catch (e) {
    throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
  }
  while (page) {
    const next: Promise<PageLike | undefined> | undefined = convertPage(
      request,
      page,
      out,
      convert,
    );
    // This page (its parsed reply) is not referenced while the next one is awaited: held
    // across the round trip it outlived young-generation collections and was promoted to
    // the old generation, whose growth is the plan's peak RSS (issue 15).
    page = undefined;
    collectIfGrown();
    try {
      page = await next;
    } catch (e) {
      throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
    }
  }
  return out;
}

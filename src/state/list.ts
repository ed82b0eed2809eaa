/**
 * One list request of the official SDK, every page converted and checked
 * (src/state/convert.ts); a failed or malformed reply is a UserError naming
 * the request.
 */
import { UserError } from "../errors.ts";
import { describeFailure } from "./failure.ts";

/** The part of the SDK's Page that list() uses. */
interface PageLike {
  instances: unknown;
  nextPage(): Promise<PageLike | undefined> | undefined;
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
    const items = page.instances;
    if (!Array.isArray(items))
      throw new UserError("read/malformed", `${request}: the reply is not a list`);
    // The next page is asked for before this one is converted: the request's round trip
    // overlaps the conversion (a list's pages are read one after another, by page token).
    let next: Promise<PageLike | undefined> | undefined;
    try {
      next = page.nextPage();
    } catch (e) {
      throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
    }
    next?.catch(() => undefined); // awaited below, unless a conversion fails first
    for (const item of items) out.push(convert(item, `${request}: item ${out.length}`));
    try {
      page = await next;
    } catch (e) {
      throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
    }
  }
  return out;
}

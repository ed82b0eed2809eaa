/**
 * One SDK request of apply, named: a reply that is not JSON (the SDK's
 * JSON.parse fails) or not the shape the SDK walks becomes a UserError naming
 * the request; an HTTP error (404, 5xx, ...) gets the request in its message
 * and keeps its `status` and `code`, so callers still tell "gone" and
 * "transient" apart. Replies are converted by
 * src/state/convert.ts, the converter reading uses too.
 */
import { UserError } from "../errors.ts";
import { describeFailure } from "../state/failure.ts";

export async function call<T>(where: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof TypeError) {
      throw new UserError("apply/malformed", `${where}: ${describeFailure(e)}`);
    }
    const status = (e as { status?: unknown } | null)?.status;
    if (typeof status !== "number") throw e;
    const named = new Error(`${where}: ${describeFailure(e)}`, { cause: e });
    throw Object.assign(named, { status, code: (e as { code?: unknown }).code });
  }
}

export function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { status?: unknown }).status === 404;
}

/** `call`, with 404 meaning "gone" (undefined). */
export async function orGone<T>(where: string, p: Promise<T>): Promise<T | undefined> {
  try {
    return await call(where, p);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

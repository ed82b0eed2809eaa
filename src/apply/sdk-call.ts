/**
 * One SDK request of apply, named: a reply that is not JSON (the SDK's
 * JSON.parse fails) or not the shape the SDK walks becomes a UserError naming
 * the request; HTTP errors (404, 5xx, ...) pass through as the SDK threw them,
 * so callers can tell "gone" and "transient" apart. Replies are converted by
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
    throw e;
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

/**
 * Twilio's length limits on the values clients send (src/domain/limits.ts):
 * a FriendlyName over the limit is refused with error 20002, as Twilio does.
 */
import {
  ADDRESS_FRIENDLY_NAME_MAX_LENGTH,
  FRIENDLY_NAME_MAX_LENGTH,
  INVALID_FRIENDLY_NAME_ERROR,
} from "../domain/limits.ts";
import { ApiError } from "./errors.ts";
import type { Params } from "./params.ts";

/** Characters as Twilio counts them (code points, not UTF-16 units). */
export function charLength(s: string): number {
  return [...s].length;
}

/** Throws Twilio's 20002 when a POSTed FriendlyName is longer than the resource allows. */
export function checkLimits(path: string, form: Params): void {
  const name = form.get("FriendlyName");
  if (name === undefined) return;
  const max = path.startsWith("/2010-04-01/")
    ? ADDRESS_FRIENDLY_NAME_MAX_LENGTH
    : FRIENDLY_NAME_MAX_LENGTH;
  if (charLength(name) <= max) return;
  const { status, code, message } = INVALID_FRIENDLY_NAME_ERROR;
  throw new ApiError(status, code, message);
}

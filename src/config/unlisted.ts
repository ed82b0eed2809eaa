/**
 * Values outside what src/domain/twilio.ts lists: written as `{unlisted: X}`
 * (by `import`, or by hand for a value Twilio added), sent to Twilio as X.
 */
import type { Open, OrUnlisted } from "../model/config.ts";

export function plain<T extends string>(v: OrUnlisted<T>): Open<T> {
  return typeof v === "string" ? v : v.unlisted;
}

export function isUnlisted(v: unknown): v is { unlisted: string } {
  return typeof v === "object" && v !== null && "unlisted" in v;
}

/** `{unlisted: X}` for a value not in `known`, else the value itself. */
export function listedOrNot(
  value: string,
  known: readonly string[],
): string | { unlisted: string } {
  return value === "" || known.includes(value) ? value : { unlisted: value };
}

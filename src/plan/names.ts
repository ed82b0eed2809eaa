/**
 * Names the tool derives must fit Twilio's limits (src/domain/limits.ts).
 * A derived name too long is shortened deterministically: the base is cut
 * and tagged with 6 hex digits of its SHA-256, the suffix is kept whole, so
 * the result is stable across runs, distinct per slot within a bundle, and
 * distinct for different long bases. Lengths count code points. Pure.
 */
import { sha256Hex } from "./sha256.ts";

export function charLength(s: string): number {
  return [...s].length;
}

/** `base + suffix` when it fits `max`, else `<base cut>~<hash6><suffix>`. */
export function fitName(base: string, suffix: string, max: number): string {
  const full = base + suffix;
  if (charLength(full) <= max) return full;
  const tag = `~${sha256Hex(base).slice(0, 6)}`;
  const room = Math.max(0, max - charLength(suffix) - charLength(tag));
  return [...base].slice(0, room).join("").trimEnd() + tag + suffix;
}

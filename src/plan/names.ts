/**
 * Names the tool derives must fit Twilio's limits (src/domain/limits.ts).
 * A derived name too long is shortened deterministically: the base is cut
 * and tagged with 6 hex digits of its SHA-256, the suffix is kept whole, so
 * the result is stable across runs, distinct per slot within a bundle, and
 * distinct for different long bases. Lengths count code points. Pure.
 */
import { sha256Hex } from "./sha256.ts";

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code points, as [...s].length counts them (a lone surrogate is one), without the array. */
export function charLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** `base + suffix` when it fits `max`, else `<base cut>~<hash6><suffix>`. */
export function fitName(base: string, suffix: string, max: number): string {
  const full = base + suffix;
  if (charLength(full) <= max) return full;
  const tag = `~${sha256Hex(base).slice(0, 6)}`;
  const room = Math.max(0, max - charLength(suffix) - charLength(tag));
  return [...base].slice(0, room).join("").trimEnd() + tag + suffix;
}

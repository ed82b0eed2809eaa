/**
 * JSON with object keys sorted at every level: the same data always gives the
 * same text. Both functions give exactly JSON.stringify(sortKeys(value)),
 * where sortKeys copies every plain object with its keys inserted in sorted
 * order (so, as in any object, integer-like keys come first, ascending).
 *
 * JSON.stringify does the work, with a replacer that hands it a sorted copy
 * of each object whose keys are not in sorted order already (issue 15: the
 * checksum of a 10,000-profile plan took 0.2 s of CPU in a hand-written
 * emitter, plus its garbage).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, sorted);
}

/** JSON.stringify's replacer: `this` is the holder, `v` the value after its toJSON. */
function sorted(this: unknown, k: string, v: unknown): unknown {
  const raw = (this as Record<string, unknown>)[k];
  // toJSON ran (a Date, say): sortKeys copies the object's own keys instead.
  if (raw !== v && raw !== null && typeof raw === "object") return sortKeys(raw);
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return sortKeys(v);
  return v; // already in order: the copy would enumerate the same
}

/** A copy with the keys inserted in sorted order (arrays: their elements, one level). */
function sortKeys(value: object): unknown {
  if (Array.isArray(value)) return value.slice();
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Text already rendered by stableStringify (issue 15: the plan checksum's
 * config, rendered while the account is read): stableStringifyTo writes it
 * as it is. Only stableStringifyTo knows it; stableStringify does not.
 */
export interface StableText {
  /** The text, in pieces (written one after another). */
  readonly stableText: readonly string[];
}

const RENDERED = new WeakSet<object>();

export function stableText(pieces: readonly string[]): StableText {
  const t = { stableText: pieces };
  RENDERED.add(t);
  return t;
}

/** Text pieces of about this many characters go to `write`. */
const PIECE = 1 << 16;
/** Objects with more keys than this are written key by key (the plan's fingerprints). */
const WIDE = 64;

/**
 * The text of stableStringify(value), handed to `write` in pieces of about
 * 64 K characters, without the whole text in memory at once: the plan
 * checksum of 10,000 profiles hashes it as it goes. The top two levels of
 * objects, every array met there and wide objects are walked here; each of
 * their elements or values is one stableStringify. A StableText is written
 * as it is.
 */
export function stableStringifyTo(value: unknown, write: (piece: string) => void): void {
  let buf = "";
  const put = (s: string) => {
    buf += s;
    if (buf.length >= PIECE) {
      write(buf);
      buf = "";
    }
  };
  if (skipped(value)) put(JSON.stringify(value) ?? "");
  else emit(value, put, 0);
  if (buf.length > 0) write(buf);
}

/** Writes `value` (not a skipped one) as stableStringify would. */
function emit(value: unknown, put: (s: string) => void, depth: number): void {
  if (value !== null && typeof value === "object" && RENDERED.has(value)) {
    for (const piece of (value as StableText).stableText) put(piece);
    return;
  }
  const walk =
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function" &&
    (Array.isArray(value) || depth < 2 || Object.keys(value).length > WIDE);
  if (!walk) {
    put(stableStringify(value));
    return;
  }
  if (Array.isArray(value)) {
    put("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) put(",");
      const v: unknown = value[i];
      if (skipped(v)) put("null");
      else emit(v, put, depth + 1);
    }
    put("]");
    return;
  }
  // The copy's own order: what JSON.stringify(sortKeys(value)) enumerates.
  const copy = sortKeys(value) as Record<string, unknown>;
  put("{");
  let first = true;
  for (const k of Object.keys(copy)) {
    const v = copy[k];
    if (skipped(v)) continue;
    put(first ? `${JSON.stringify(k)}:` : `,${JSON.stringify(k)}:`);
    first = false;
    emit(v, put, depth + 1);
  }
  put("}");
}

/** Values JSON.stringify leaves out of objects and writes as null in arrays. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

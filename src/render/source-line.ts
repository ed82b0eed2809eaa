/**
 * A line of a user's file made safe to print under a diagnostic, with the
 * caret's column carried through every step. Pure.
 *
 * 1. Personal values are masked with a fixed-width MASK (never their length).
 *    A file that parsed: the values of personal keys, and the value at the
 *    column when asked (`maskAt`: an unknown field's value). A file that did not
 *    parse (syntax errors, not YAML at all, e.g. a `.env` file): every
 *    value-looking token; only indentation, list dashes and keys stay.
 * 2. Control characters (C0 but tab, DEL, C1, bidi overrides) are escaped:
 *    a file cannot clear or retitle the terminal through a diagnostic.
 * 3. The line is cut to WIDTH characters around the column, with ellipses.
 */

export const MASK = "********";
/** Printed source lines are at most this wide (plus ellipses). */
export const WIDTH = 120;

/** YAML keys whose values are personal data (docs/config.md). */
export const PERSONAL_KEYS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "dateOfBirth",
  "customerName",
  "street",
  "street2",
  "postalCode",
  "number",
];
const PERSONAL_PAIR = new RegExp(
  `((?:^|[\\s{,-])(?:${PERSONAL_KEYS.join("|")})["']?\\s*:[ \\t]*)(\\$\\{env:[^}]*\\}|"[^"]*"?|'[^']*'?|[^,}\\]#]*)`,
  "g",
);
const ENV_REF = /^["']?\$\{env:[A-Za-z_][A-Za-z0-9_]*\}["']?\s*$/;
/** Characters never printed raw: C0 (but tab), DEL, C1, line/paragraph separators, bidi controls. */
const CONTROL =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A replacement of the line's characters [from, to) by `text`. */
export interface Piece {
  from: number;
  to: number;
  text: string;
}

/** Text with control characters escaped (`\x1b`, `\u202e`): for messages that quote a value. */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** The masks of a whole line that do not depend on the diagnostic (cache them per line). */
export function lineMasks(line: string, parsed: boolean): Piece[] {
  if (!parsed) return maskUnparsed(line);
  const pieces: Piece[] = [];
  for (const m of line.matchAll(PERSONAL_PAIR)) {
    const key = m[1] ?? "";
    const value = m[2] ?? "";
    const from = (m.index ?? 0) + key.length;
    if (!ENV_REF.test(value) && value.trim() !== "") {
      pieces.push({ from, to: from + value.trimEnd().length, text: MASK });
    }
  }
  return pieces;
}

/** The mask of the value at the column: a personal key's, or any when `maskAt`. */
function columnMask(line: string, col0: number, path?: string, maskAt = false): Piece | undefined {
  const last = path
    ?.split("/")
    .filter((s) => !/^\d+$/.test(s))
    .pop();
  if (!maskAt && !(last !== undefined && PERSONAL_KEYS.includes(last))) return undefined;
  const rest = line.slice(col0, col0 + 200);
  const keyEnd = /^\s*["']?[A-Za-z0-9_]+["']?\s*:\s*/.exec(rest)?.[0].length ?? 0;
  const from = col0 + keyEnd;
  const value = line.slice(from);
  if (ENV_REF.test(value) || value.trim() === "") return undefined;
  return { from, to: from + value.trimEnd().length, text: MASK };
}

/**
 * A line of a file that did not parse: keep indentation, list dashes and a
 * leading `key:` / `KEY=` (with `export`); mask whatever follows, unless it
 * is only an `${env:NAME}` reference or structure (`---`, brackets).
 */
function maskUnparsed(line: string): Piece[] {
  const head =
    /^[\s-]*(?:export\s+)?(?:(?:"[A-Za-z_][\w.-]*"|'[A-Za-z_][\w.-]*'|[A-Za-z_][\w.-]*)\s*[:=](?=\s|$|[^:=])\s*)?/.exec(
      line,
    )?.[0] ?? "";
  const rest = line.slice(head.length).trimEnd();
  if (rest === "" || ENV_REF.test(rest) || /^[-{}[\]|>.:,\s]*$/.test(rest)) return [];
  return [{ from: head.length, to: head.length + rest.length, text: MASK }];
}

/**
 * The line as printed and the 1-based column of the caret in it. `parsed`:
 * whether the file parsed as YAML (else every value is masked); `masks`:
 * lineMasks(line, parsed), when the caller caches them. Work is bounded by
 * the printed width, whatever the line's length.
 */
export function sourceLine(
  line: string,
  column: number,
  opts: { parsed: boolean; path?: string; width?: number; maskAt?: boolean; masks?: Piece[] },
): { text: string; column: number } {
  const width = opts.width ?? WIDTH;
  const col0 = Math.max(0, Math.min(column - 1, line.length));
  const at = columnMask(line, col0, opts.path, opts.maskAt);
  const base = opts.masks ?? lineMasks(line, opts.parsed);
  // A mask at the column wins over the line's masks it overlaps.
  const pieces = at ? [...base.filter((p) => p.to <= at.from || p.from >= at.to), at] : base;
  pieces.sort((a, b) => a.from - b.from);
  // Raw characters further than `width` from the column are never printed.
  const lo = Math.max(0, col0 - width);
  const hi = Math.min(line.length, col0 + width);
  let text = "";
  let caret = -1;
  let i = lo;
  const emit = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (k === col0) caret = text.length;
      text += printable(line[k] ?? "");
    }
  };
  for (const p of pieces) {
    if (p.to <= lo || p.from >= hi) continue;
    emit(i, Math.max(i, p.from));
    if (col0 >= p.from && col0 < p.to && caret < 0) caret = text.length;
    text += p.text;
    i = Math.max(i, p.to);
  }
  emit(i, hi);
  if (caret < 0) caret = text.length + Math.max(0, col0 - Math.max(i, hi));
  const cutLeft = lo > 0;
  const cutRight = hi < line.length;
  // Cut to `width` around the caret.
  const start =
    text.length <= width
      ? 0
      : Math.max(0, Math.min(caret - Math.floor(width / 2), text.length - width));
  const end = Math.min(text.length, start + width);
  const before = start > 0 || cutLeft ? "…" : "";
  const after = end < text.length || cutRight ? "…" : "";
  return {
    text: `${before}${text.slice(start, end)}${after}`,
    column: caret - start + before.length + 1,
  };
}

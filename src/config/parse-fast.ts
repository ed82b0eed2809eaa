/**
 * The fast path for a plain, clean file: js-yaml's loader builds the plain
 * values directly, without yaml's syntax tree and document of every node
 * (yaml took about 3.4 s and 500 MB for 10,000 secondaries in one 9 MB file;
 * js-yaml about 0.5 s and 40 MB). A valid config needs only its values and the
 * positions of `/primary`, `/account`, each `/secondaries/<i>` and each trust
 * product (`<profile>/trustProducts/<field>`), which come
 * from js-yaml's node events; any other position (a diagnostic) re-parses the
 * file with yaml (kept-positions.ts), so every diagnostic is placed as before.
 *
 * Scalars resolve by YAML 1.2's core schema exactly as yaml resolves them
 * (its regular expressions, below), not by js-yaml's own core schema (which
 * also reads `1_000` and `0b1` as numbers). Only a plain file takes this path:
 * one document, no directive, tab, anchor, alias, tag, explicit key, merge
 * key, block scalar or flow collection over several lines. Anything js-yaml
 * rejects (a syntax error, a duplicate key) returns undefined and the caller
 * parses with yaml, so YAML diagnostics still come from yaml.
 */
import { FAILSAFE_SCHEMA, load, Type, type State } from "js-yaml";
import type { SourceRef } from "../model/config.ts";
import { joinPointer } from "./diagnostic.ts";
import { ProductEvents } from "./parse-fast-products.ts";

export interface FastParse {
  value: unknown;
  /** Positions a valid config needs, by pointer (anchor "value"). */
  kept: Map<string, SourceRef>;
}

type Form = [RegExp, (s: string) => unknown];

/**
 * One js-yaml type per tag (js-yaml keeps only the last type of a tag), tried
 * form by form; `first` lists the characters a form can start with, so most
 * strings skip the regular expressions.
 */
const scalar = (tag: string, first: string, forms: Form[]) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (s: unknown) =>
      typeof s === "string" &&
      (s === "" || first.includes(s[0]!)) &&
      forms.some(([re]) => re.test(s)),
    construct: (s: string) => forms.find(([re]) => re.test(s))![1](s),
  });

/** yaml 2's core schema (yaml/dist/schema/core/*.js, common/null.js), in its order. */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", "~nN", [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar("bool", "tTfF", [
      [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"],
    ]),
    scalar("int", "+-0123456789", [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    scalar("float", "+-.0123456789", [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) => (s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/**
 * Anything the fast path leaves to yaml (false positives only cost speed):
 * directives and several documents, tabs, merge keys, `__proto__` (resolveEnv
 * writes into the tree this returns), and per character the
 * context that makes it YAML syntax rather than text.
 */
function plain(text: string): boolean {
  // js-yaml drops a byte-order mark, which would shift every offset by one.
  if (text.charCodeAt(0) === 0xfeff) return false;
  if (/^(?:---|\.\.\.|%)/m.test(text) || /\t|<<|__proto__/.test(text)) return false;
  const before = (i: number) => (i === 0 ? " " : text[i - 1]!);
  const after = (i: number) => (i + 1 < text.length ? text[i + 1]! : "\n");
  const space = (c: string) => c === " " || c === "\n" || c === "\r";
  const token = (i: number) => space(before(i)) || "[{,".includes(before(i));
  const checks: [string, (i: number) => boolean][] = [
    // anchors, aliases, tags: the indicator starts a token and a name follows
    ["&", (i) => token(i) && !space(after(i))],
    ["*", (i) => token(i) && !space(after(i))],
    ["!", (i) => token(i) && !space(after(i))],
    // explicit keys
    ["?", (i) => space(before(i)) && space(after(i))],
    // block scalars (a `|` or `>` after space, `:` or `-`, ending its line but for indicators)
    ["|", (i) => (space(before(i)) || ":-".includes(before(i))) && blockHeader(text, i)],
    [">", (i) => (space(before(i)) || ":-".includes(before(i))) && blockHeader(text, i)],
  ];
  for (const [ch, bad] of checks) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) if (bad(i)) return false;
  }
  return flowOnOneLine(text);
}

function blockHeader(text: string, at: number): boolean {
  const end = text.indexOf("\n", at);
  const rest = text.slice(at + 1, end < 0 ? text.length : end);
  return /^[-+0-9]*[ ]*(?:#.*)?\r?$/.test(rest);
}

/** A line that opens `[` or `{` closes as many and ends with the last closer. */
function flowOnOneLine(text: string): boolean {
  for (const ch of ["[", "{"]) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
      const start = text.lastIndexOf("\n", i) + 1;
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      const line = text
        .slice(start, end)
        .replace(/\s+#.*$/, "")
        .trimEnd();
      const opens = line.split(/[[{]/).length;
      const closes = line.split(/[\]}]/).length;
      if (opens !== closes || !/[\]}]$/.test(line)) return false;
      i = end;
    }
  }
  return true;
}

export function parseFast(file: string, text: string): FastParse | undefined {
  if (!plain(text)) return undefined;
  const events = new Events();
  let value: unknown;
  try {
    value = load(text, { schema: CORE, listener: (e, s) => events.on(e, s) });
  } catch {
    return undefined;
  }
  if (value === null || value === undefined) return undefined;
  const kept = events.kept(file, text, value);
  return kept ? { value, kept } : undefined;
}

/**
 * Start offsets of the root mapping's keys and values (depth 2), of the items
 * under `secondaries` (depth 3) and of the trust products of each profile
 * (the values under its `trustProducts`). js-yaml opens a node before skipping
 * the space and comments in front of it; `contentAt` skips them.
 */
class Events {
  /** Depth-2 nodes in order: key, value, key, value... */
  private readonly top: { start: number; result?: unknown }[] = [];
  private readonly items: number[] = [];
  private inSecondaries = false;
  private readonly products = new ProductEvents();

  on(event: "open" | "close", state: State): void {
    const depth = (state as State & { depth: number }).depth;
    if (event === "open") {
      if (depth === 2) {
        this.top.push({ start: state.position });
        // A value opening after the key `primary`: the primary's mapping.
        const key = this.top.length % 2 === 0 ? this.top[this.top.length - 2]?.result : undefined;
        if (key === "primary") this.products.profile("/primary", depth);
      }
      if (depth === 3 && this.inSecondaries) {
        this.items.push(state.position);
        this.products.profile(`/secondaries/${this.items.length - 1}`, depth);
      }
      this.products.open(depth, state.position);
      return;
    }
    this.products.close(depth, state.result);
    if (depth !== 2) return;
    const node = this.top[this.top.length - 1]!;
    node.result = state.result;
    // A key just closed: its value is the next depth-2 node.
    this.inSecondaries = this.top.length % 2 === 1 && state.result === "secondaries";
  }

  kept(file: string, text: string, value: unknown): Map<string, SourceRef> | undefined {
    if (typeof value !== "object" || Array.isArray(value)) return undefined;
    const root = value as Record<string, unknown>;
    const keys = Object.keys(root);
    if (this.top.length !== 2 * keys.length) return undefined;
    const lines = new Lines(text);
    const kept = new Map<string, SourceRef>();
    const keep = (pointer: string, at: number, v: unknown) => {
      // Only objects: an empty or scalar value is placed by yaml on re-parse.
      if (v === null || typeof v !== "object" || Array.isArray(v)) return;
      kept.set(pointer, { file, ...lines.at(contentAt(text, at)) });
    };
    for (let i = 0; i < keys.length; i++) {
      const key = this.top[2 * i]!.result;
      if (typeof key !== "string" || key !== keys[i]) return undefined;
      if (key === "primary" || key === "account")
        keep(`/${key}`, this.top[2 * i + 1]!.start, root[key]);
    }
    const secondaries = root["secondaries"];
    if (Array.isArray(secondaries)) {
      if (this.items.length !== secondaries.length) return undefined;
      this.items.forEach((at, i) => keep(`/secondaries/${i}`, at, secondaries[i]));
    }
    for (const p of this.products.found) {
      const profile =
        p.index < 0 ? root["primary"] : (secondaries as unknown[] | undefined)?.[p.index];
      const products = (profile as { trustProducts?: unknown } | null)?.trustProducts;
      const product = (products as Record<string, unknown> | null | undefined)?.[p.field];
      if (products !== null && typeof products === "object" && Object.hasOwn(products, p.field))
        keep(joinPointer(`${p.profile}/trustProducts`, p.field), p.start, product);
    }
    return kept;
  }
}

/** The offset of the first character that is not space, line break or comment. */
function contentAt(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) return text.length;
      i = nl + 1;
    } else return i;
  }
}

/** Offset -> 1-based line and column (yaml's LineCounter numbering). */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

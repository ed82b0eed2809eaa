/**
 * A streaming scan of a Pulumi checkpoint for what readManaged needs: per
 * element of `checkpoint.latest.resources`, its `type`, `urn`, `delete` and
 * `outputs.key` / `outputs.record`. Everything else (the serialized provider
 * twice per resource, the encrypted inputs: about 10 kB per profile) is
 * stepped over without being kept, so reading the state of 10,000 profiles
 * holds one chunk of text instead of the whole file and its parsed tree.
 *
 * It checks the structure (brackets, strings, commas and colons, one value at
 * the top) and throws on anything else, so a truncated or garbled file is
 * still refused; number and literal tokens are checked for their characters
 * only, except in the values it keeps, which JSON.parse checks.
 */

export interface ScannedResource {
  urn?: unknown;
  type?: unknown;
  delete?: unknown;
  outputs?: { key?: unknown; record?: unknown };
}

interface Frame {
  arr: boolean;
  /** The current member's key (object) or index (array). */
  key: string | number;
}

/** What comes next: a value, a key (or `}`), a colon, or `,` / a closing bracket. */
const S = { value: 0, key: 1, colon: 2, after: 3 } as const;
type State = (typeof S)[keyof typeof S];
const TOP_KEYS = new Set(["type", "urn", "delete"]);
const OUTPUT_KEYS = new Set(["key", "record"]);
const LITERAL = /^[-+.0-9a-zA-Z]+$/;

export class CheckpointScanner {
  readonly resources: ScannedResource[] = [];
  private stack: Frame[] = [];
  private state: State = S.value;
  private done = false;
  private current: ScannedResource | undefined;
  /** Inside a string: its kind, and the backslashes that ended the previous chunk. */
  private str: "key" | "value" | undefined;
  private backslashes = 0;
  private keyParts: string[] = [];
  private literal: string[] | undefined;
  /** The value being kept: its text so far, where it starts in this chunk, its depth. */
  private keep: { parts: string[]; from: number; depth: number } | undefined;

  write(s: string): void {
    let i = 0;
    const n = s.length;
    if (this.keep) this.keep.from = 0;
    while (i < n) {
      if (this.str !== undefined) {
        i = this.inString(s, i);
        continue;
      }
      if (this.literal !== undefined) {
        let j = i;
        while (j < n && !isDelimiter(s.charCodeAt(j))) j++;
        this.literal.push(s.slice(i, j));
        if (j === n) return this.carry(s);
        this.endLiteral(s, j);
        i = j;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      this.token(c, s, i);
      i++;
    }
    this.carry(s);
  }

  /** The resources found; throws when the text ended inside a value or held none. */
  end(): ScannedResource[] {
    if (this.literal !== undefined) this.endLiteral(undefined, 0);
    if (!this.done || this.str !== undefined || this.stack.length > 0) fail("the file ends early");
    return this.resources;
  }

  private carry(s: string): void {
    if (this.keep) this.keep.parts.push(s.slice(this.keep.from));
  }

  private token(c: number, s: string, i: number): void {
    if (this.done) fail("more than one value");
    const st = this.state;
    if (st === S.key) {
      if (c === 34) return this.startString("key");
      if (c === 125 && this.emptyContainer) return this.close(false, s, i);
      fail("expected a key");
    }
    if (st === S.colon) {
      if (c !== 58) fail("expected ':'");
      this.state = S.value;
      return;
    }
    if (st === S.after) {
      const top = this.stack.at(-1);
      if (!top) fail("more than one value");
      if (c === 44) {
        if (top.arr) {
          top.key = (top.key as number) + 1;
          this.state = S.value;
        } else this.state = S.key;
        this.emptyContainer = false;
        return;
      }
      if (c === (top.arr ? 93 : 125)) return this.close(top.arr, s, i);
      fail("expected ',' or a closing bracket");
    }
    // A value starts.
    if (c === 93 && this.emptyContainer && this.stack.at(-1)?.arr) return this.close(true, s, i);
    this.emptyContainer = false;
    this.startValue(i);
    if (c === 34) return this.startString("value");
    if (c === 123 || c === 91) {
      const arr = c === 91;
      if (!arr && this.isResourceStart()) this.current = {};
      this.stack.push({ arr, key: arr ? 0 : "" });
      this.state = arr ? S.value : S.key;
      this.emptyContainer = true;
      return;
    }
    if (c === 125 || c === 93 || c === 44 || c === 58) fail("expected a value");
    this.literal = [s[i]!];
  }

  /** `{` or `[` was just read: `}` or `]` may close it at once. */
  private emptyContainer = false;

  private startString(kind: "key" | "value"): void {
    this.str = kind;
    this.backslashes = 0;
    this.keyParts = [];
    this.emptyContainer = false;
  }

  /** Consumes string text from i; returns where to continue. */
  private inString(s: string, i: number): number {
    let from = i;
    for (;;) {
      const j = s.indexOf('"', from);
      if (j < 0) {
        if (this.str === "key") this.keyParts.push(s.slice(i));
        let k = s.length;
        while (k > i && s.charCodeAt(k - 1) === 92) k--;
        this.backslashes = k === i ? this.backslashes + (s.length - i) : s.length - k;
        return s.length;
      }
      let k = j;
      while (k > i && s.charCodeAt(k - 1) === 92) k--;
      const run = k === i ? this.backslashes + (j - i) : j - k;
      if (run % 2 === 1) {
        // An escaped quote: search on; backslashes before it no longer count.
        from = j + 1;
        this.backslashes = 0;
        continue;
      }
      if (this.str === "key") {
        this.keyParts.push(s.slice(i, j));
        const top = this.stack.at(-1)!;
        top.key = JSON.parse(`"${this.keyParts.join("")}"`) as string;
        this.state = S.colon;
      } else {
        this.state = S.after;
        this.endValue(s, j + 1);
      }
      this.str = undefined;
      this.backslashes = 0;
      return j + 1;
    }
  }

  private endLiteral(s: string | undefined, at: number): void {
    const text = this.literal!.join("");
    this.literal = undefined;
    if (!LITERAL.test(text)) fail("a malformed number or literal");
    this.state = S.after;
    this.endValue(s, at);
  }

  private close(arr: boolean, s: string, i: number): void {
    const frame = this.stack.pop()!;
    if (frame.arr !== arr) fail("mismatched brackets");
    this.emptyContainer = false;
    this.state = S.after;
    if (!arr && this.current && this.isResourceStart()) {
      this.resources.push(this.current);
      this.current = undefined;
    }
    this.endValue(s, i + 1);
  }

  /** Path of the value about to start: a kept member of a resource or of its outputs? */
  private startValue(i: number): void {
    if (this.keep || !this.current) return;
    const st = this.stack;
    const d = st.length;
    if (
      (d === 5 && TOP_KEYS.has(st[4]!.key as string)) ||
      (d === 6 && st[4]!.key === "outputs" && OUTPUT_KEYS.has(st[5]!.key as string))
    ) {
      this.keep = { parts: [], from: i, depth: d };
    }
  }

  /** After a value ended at `end` (exclusive): finish a kept value at its depth. */
  private endValue(s: string | undefined, end: number): void {
    if (this.stack.length === 0) this.done = true;
    const keep = this.keep;
    if (!keep || this.stack.length !== keep.depth) return;
    if (s !== undefined) keep.parts.push(s.slice(keep.from, end));
    this.keep = undefined;
    const value = JSON.parse(keep.parts.join("")) as unknown;
    const res = this.current!;
    if (keep.depth === 5) (res as Record<string, unknown>)[this.stack[4]!.key as string] = value;
    else (res.outputs ??= {})[this.stack[5]!.key as "key" | "record"] = value;
  }

  /** Is the container opening now (or closing) an element of checkpoint.latest.resources? */
  private isResourceStart(): boolean {
    const st = this.stack;
    return (
      st.length === 4 &&
      !st[0]!.arr &&
      st[0]!.key === "checkpoint" &&
      st[1]!.key === "latest" &&
      st[2]!.key === "resources" &&
      st[3]!.arr
    );
  }
}

function isDelimiter(c: number): boolean {
  return c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9;
}

function fail(what: string): never {
  throw new Error(what);
}

/** Scans text given in chunks (any split, even inside a string or an escape). */
export function scanCheckpoint(chunks: Iterable<string>): ScannedResource[] {
  const s = new CheckpointScanner();
  for (const c of chunks) s.write(c);
  return s.end();
}

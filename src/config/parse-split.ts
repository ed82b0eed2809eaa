/**
 * A large file's values without yaml's tree of the whole file: yaml holds a
 * syntax tree and a document of every node at once (about 600 MB for 10,000
 * secondaries in one 9 MB file), though a valid file needs only plain values.
 * The top-level `secondaries:` block sequence is cut into its items, each
 * parsed on its own, and the rest of the file (the items blanked out, so every
 * offset stays) parsed as the skeleton.
 *
 * Only a plain, clean file takes this path: one document, no anchor, alias,
 * tag or directive, no YAML error or warning in any part, and the cut checked
 * against the skeleton's own `secondaries` key. Anything else returns
 * undefined and the caller parses the whole file as before, so every
 * diagnostic (and its position) still comes from the full parse.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from "yaml";
import type { SourceRef } from "../model/config.ts";
import { joinPointer } from "./diagnostic.ts";
import { productPointers } from "./kept-positions.ts";
import { DocumentPositions } from "./positions.ts";

export interface SplitParse {
  value: unknown;
  /** Positions a valid config needs: `/primary`, `/account`, each `/secondaries/<i>` and product. */
  kept: Map<string, SourceRef>;
}

const OPTIONS = { prettyErrors: false, uniqueKeys: true, version: "1.2" } as const;
/** Items parsed together: small enough to stay a few MB, large enough to amortise a parse. */
const BATCH = 10;

export function parseSplit(file: string, text: string): SplitParse | undefined {
  if (/^(---|\.\.\.|%)/m.test(text) || text.includes("\t")) return undefined;
  const head = /^secondaries:[ ]*\n/m.exec(text);
  if (!head) return undefined;
  const keyAt = head.index;
  const items = cutItems(text, keyAt + head[0].length);
  if (!items || items.starts.length === 0) return undefined;
  const { starts, end } = items;

  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const region = text.slice(starts[0], end);
  const skeletonText =
    text.slice(0, starts[0]) +
    region
      .split("\n")
      .map((l) => " ".repeat(l.length))
      .join("\n") +
    text.slice(end);
  const skeleton = parseDocument(skeletonText, OPTIONS);
  if (!clean(skeleton)) return undefined;
  const root = skeleton.toJS() as Record<string, unknown> | null;
  if (root === null || typeof root !== "object" || Array.isArray(root)) return undefined;
  if (!("secondaries" in root) || root["secondaries"] !== null) return undefined;
  if (keyOffset(skeleton, "secondaries") !== keyAt) return undefined;
  const tree = new DocumentPositions(file, skeleton, lines);
  const kept = new Map<string, SourceRef>();
  kept.set("/primary", tree.at("/primary"));
  kept.set("/account", tree.at("/account"));
  for (const p of productPointers("/primary", root["primary"])) kept.set(p, tree.at(p));

  const secondaries: unknown[] = [];
  for (let first = 0; first < starts.length; first += BATCH) {
    const from = starts[first]!;
    const count = Math.min(BATCH, starts.length - first);
    const doc = parseDocument(text.slice(from, starts[first + count] ?? end), OPTIONS);
    if (!clean(doc) || !isSeq(doc.contents) || doc.contents.items.length !== count)
      return undefined;
    for (let k = 0; k < count; k++) {
      const node = doc.contents.items[k] as { range?: [number, number, number] } | null;
      if (!node?.range || from + node.range[0] < starts[first + k]!) return undefined;
      const { line, col } = lines.linePos(from + node.range[0]);
      kept.set(`/secondaries/${first + k}`, { file, line, column: col });
      for (const [field, start] of productStarts(node)) {
        const at = lines.linePos(from + start);
        const pointer = joinPointer(`/secondaries/${first + k}/trustProducts`, field);
        kept.set(pointer, { file, line: at.line, column: at.col });
      }
    }
    secondaries.push(...(doc.toJS({ maxAliasCount: 100 }) as unknown[]));
  }
  root["secondaries"] = secondaries;
  return { value: root, kept };
}

/**
 * Offsets where each item of the block sequence starting at `from` begins, and
 * where the sequence ends; undefined when the lines do not look like one.
 */
function cutItems(text: string, from: number): { starts: number[]; end: number } | undefined {
  const starts: number[] = [];
  let indent = -1;
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trimStart();
    const lead = line.length - trimmed.length;
    if (trimmed === "" || trimmed.startsWith("#")) {
      // Blank or comment lines belong to the item before them.
    } else if (indent < 0) {
      if (!/^-( |$)/.test(trimmed)) return undefined;
      indent = lead;
      starts.push(pos);
    } else if (lead === indent && /^-( |$)/.test(trimmed)) {
      starts.push(pos);
    } else if (lead <= indent) {
      if (lead !== 0 || trimmed.startsWith("-")) return undefined;
      return { starts, end: pos };
    }
    pos = lineEnd + 1;
  }
  return { starts, end: text.length };
}

/** No error or warning, and no anchor, alias or explicit tag anywhere. */
function clean(doc: Document.Parsed): boolean {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  let ok = true;
  visit(doc, (_, node) => {
    if (isAlias(node)) ok = false;
    else if (node && typeof node === "object" && ("anchor" in node || "tag" in node)) {
      const n = node as { anchor?: unknown; tag?: unknown };
      if (n.anchor !== undefined || n.tag !== undefined) ok = false;
    }
    return ok ? undefined : visit.BREAK;
  });
  return ok;
}

/** Each trust product written as a mapping under an item's `trustProducts`: field and start offset. */
function productStarts(item: unknown): [string, number][] {
  if (!isMap(item)) return [];
  const products = item.items.find(
    (p) => isScalar(p.key) && p.key.value === "trustProducts",
  )?.value;
  if (!isMap(products)) return [];
  const out: [string, number][] = [];
  for (const pair of products.items) {
    const start = isMap(pair.value) ? pair.value.range?.[0] : undefined;
    if (isScalar(pair.key) && start !== undefined) out.push([String(pair.key.value), start]);
  }
  return out;
}

/** Offset of the top-level map key `name` in the document, if there is one. */
function keyOffset(doc: Document.Parsed, name: string): number | undefined {
  const contents = doc.contents as { items?: { key?: unknown }[] } | null;
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key) && pair.key.value === name) return pair.key.range?.[0];
  }
  return undefined;
}

/**
 * YAML text -> documents with positions. Syntax errors and duplicate keys
 * become diagnostics with the position yaml reports; a document with YAML
 * errors is not validated further (its content would be guesswork).
 */
import { isScalar, LineCounter, parseAllDocuments, visit, type Document } from "yaml";
import type { Diagnostic } from "../model/config.ts";
import { diagnostic } from "./diagnostic.ts";
import { DocumentPositions } from "./positions.ts";

export interface ParsedDocument {
  file: string;
  /** Index of the document inside its file (files may hold several `---` documents). */
  index: number;
  /** Plain JS value of the document (aliases expanded). */
  value: unknown;
  positions: DocumentPositions;
}

export function parseYaml(
  file: string,
  text: string,
): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    version: "1.2",
  });
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  if (docs.length === 0) {
    // An empty file (or only comments): treat as one empty document so the
    // schema reports the missing `version`.
    const empty = parseAllDocuments("null\n", { lineCounter: new LineCounter() });
    if (Array.isArray(empty) && empty[0]) docs.push(empty[0]);
  }
  docs.forEach((doc, index) => {
    const positions = new DocumentPositions(file, doc, lines);
    const errors = doc.errors.map((e) =>
      e.code === "DUPLICATE_KEY"
        ? duplicateKey(doc, e.pos[0], positions)
        : diagnostic(
            "yaml/syntax",
            "error",
            yamlMessage(e.code, e.message),
            positions.ref(e.pos[0]),
          ),
    );
    const warnings = doc.warnings.map((w) =>
      diagnostic(
        "yaml/warning",
        "warning",
        yamlMessage(w.code, w.message),
        positions.ref(w.pos[0]),
      ),
    );
    // Every alias is written `*name`: without a `*` there is nothing to visit.
    if (text.includes("*")) errors.push(...unresolvedAliases(doc, positions));
    diagnostics.push(...errors, ...warnings);
    if (errors.length > 0) return;
    try {
      documents.push({ file, index, value: doc.toJS({ maxAliasCount: 100 }), positions });
    } catch (e) {
      // e.g. an alias expanding too far (ReferenceError / resource exhaustion)
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push(
        diagnostic("yaml/syntax", "error", yamlMessage("BAD_ALIAS", message), positions.ref(0)),
      );
    }
  });
  return { documents, diagnostics: oneTabError(text, diagnostics) };
}

const TAB_MESSAGE = "tabs are not allowed as indentation";

/**
 * Tab indentation makes yaml report every tab-indented line, and whatever
 * then fails to nest: one error at the first tab says it all.
 */
function oneTabError(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const first = diagnostics.find((d) => d.message.startsWith(TAB_MESSAGE));
  if (first === undefined) return diagnostics;
  const lines = text.split("\n").filter((l) => /^ *\t/.test(l)).length;
  const more = lines > 1 ? ` (${lines} lines start with a tab; this is the first)` : "";
  const message = `${TAB_MESSAGE}${more}: indent with spaces`;
  return [{ ...first, message }, ...diagnostics.filter((d) => d.severity !== "error")];
}

/** `yaml/duplicate-key` naming the key and where it first appears in the same mapping. */
function duplicateKey(doc: Document.Parsed, offset: number, positions: DocumentPositions) {
  let message = "duplicate key in a mapping (YAML keys must be unique)";
  visit(doc, {
    Map(_, map) {
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      const key = map.items[at]?.key;
      if (!isScalar(key)) return undefined;
      const first = map.items.find((p) => isScalar(p.key) && p.key.value === key.value)?.key;
      const name = JSON.stringify(String(key.value).slice(0, 60));
      const where = isScalar(first) ? positions.ref(first.range?.[0] ?? 0) : undefined;
      message = `duplicate key ${name}${where ? `: first at line ${where.line}, column ${where.column}` : ""} (YAML keys must be unique in a mapping)`;
      return visit.BREAK;
    },
  });
  return diagnostic("yaml/duplicate-key", "error", message, positions.ref(offset));
}

/** yaml only notices an alias without anchor in toJS(), without a position. */
function unresolvedAliases(doc: Document.Parsed, positions: DocumentPositions): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined) {
        const message = `alias *${node.source} has no anchor &${node.source} before it`;
        out.push(diagnostic("yaml/syntax", "error", message, positions.ref(node.range?.[0] ?? 0)));
      }
    },
  });
  return out;
}

function yamlMessage(code: string, message: string): string {
  if (code === "TAB_AS_INDENT") return TAB_MESSAGE;
  // yaml's own messages describe structure (indentation, quotes), not values.
  const first = message.split("\n")[0] ?? message;
  // Drop quoted source tokens some messages end with: they may hold personal data.
  return first.replace(/ at line \d+, column \d+.*$/, "").replace(/: ".*"$/, "");
}

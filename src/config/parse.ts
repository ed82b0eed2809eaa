/**
 * YAML text -> documents with positions. Syntax errors and duplicate keys
 * become diagnostics with the position yaml reports; a document with YAML
 * errors is not validated further (its content would be guesswork).
 */
import { LineCounter, parseAllDocuments, visit, type Document } from "yaml";
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
      diagnostic(
        e.code === "DUPLICATE_KEY" ? "yaml/duplicate-key" : "yaml/syntax",
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
  return { documents, diagnostics };
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
  if (code === "DUPLICATE_KEY") return "duplicate key in a mapping (YAML keys must be unique)";
  // yaml's own messages describe structure (indentation, quotes), not values.
  const first = message.split("\n")[0] ?? message;
  // Drop quoted source tokens some messages end with: they may hold personal data.
  return first.replace(/ at line \d+, column \d+.*$/, "").replace(/: ".*"$/, "");
}

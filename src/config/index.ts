/**
 * loadConfig: files/directories -> { config?, diagnostics }.
 * Pipeline per document: read -> YAML parse (positions) -> ${env:} + trim ->
 * JSON Schema; then semantic rules across all documents; then normalise.
 * `config` is present only when there are no error diagnostics.
 */
import type { Config, Diagnostic, SourceRef, WrittenDocument } from "../model/config.ts";
import { hasErrors, sortDiagnostics } from "./diagnostic.ts";
import { resolveEnv } from "./env.ts";
import { readSources } from "./files.ts";
import { normalize } from "./normalize.ts";
import { parseYaml, type ParsedDocument } from "./parse.ts";
import { runRules, type RuleDocument } from "./rules/index.ts";
import { validateSchema } from "./schema.ts";

export interface LoadOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** "Today" for date-of-birth checks; default: the current time. */
  now?: Date;
}

export interface LoadResult {
  config?: Config;
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** File -> text as read (for rendering source lines under diagnostics). */
  sources: Map<string, string>;
}

export async function loadConfig(paths: string[], opts: LoadOptions): Promise<LoadResult> {
  const read = await readSources(paths, opts.cwd);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const sources = new Map(read.sources.map((s) => [s.file, s.text]));
  const valid: RuleDocument[] = [];
  let complete = read.diagnostics.length === 0;
  const unresolved = new Set<string>();
  for (const { file, text } of read.sources) {
    const parsed = parseYaml(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (hasErrors(parsed.diagnostics)) complete = false;
    for (const doc of parsed.documents) {
      const resolved = resolveEnv(doc.value, opts.env, (pointer, ref) =>
        locateRef(doc, text, pointer, ref),
      );
      diagnostics.push(...resolved.diagnostics);
      for (const p of resolved.unresolved) unresolved.add(`${file}#${p}`);
      const schemaDiags = validateSchema(resolved.value, doc.positions, resolved.unresolved);
      diagnostics.push(...schemaDiags);
      if (schemaDiags.length > 0) {
        complete = false;
        continue;
      }
      valid.push({
        file,
        written: resolved.value as WrittenDocument,
        at: (pointer, anchor) => doc.positions.at(pointer, anchor),
      });
    }
  }
  const ctx = { documents: valid, now: opts.now ?? new Date(), complete };
  diagnostics.push(...runRules(ctx, (file, pointer) => unresolved.has(`${file}#${pointer}`)));
  const result: LoadResult = { diagnostics: sortDiagnostics(diagnostics), sources };
  if (!hasErrors(diagnostics)) {
    result.config = normalize(
      valid,
      read.sources.map((s) => s.file),
    );
  }
  return result;
}

/** Position of `${env:NAME}` inside the scalar at pointer (the scalar's start as fallback). */
function locateRef(doc: ParsedDocument, text: string, pointer: string, ref: string): SourceRef {
  const range = doc.positions.valueRange(pointer);
  if (!range) return doc.positions.at(pointer);
  const offset = text.slice(range[0], range[1]).indexOf(ref);
  return doc.positions.ref(range[0] + Math.max(0, offset));
}

export type { Config, Diagnostic } from "../model/config.ts";

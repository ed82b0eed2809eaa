/**
 * Diagnostics -> text: `file:line:col: severity code: message`, then the
 * source line and a caret under the column. Pure. The source line is the
 * user's file as written, so values that came from `${env:NAME}` are shown
 * as the reference, never resolved. A personal value written literally in
 * the YAML (names, emails, phones, birth dates, street, postal code,
 * registration number) is masked on the printed line, so CI logs never hold
 * it; `${env:NAME}` references stay readable, file:line:col and caret stay.
 * A file that did not parse has every value masked (source-line.ts); control
 * characters are escaped in lines and messages; long lines are cut.
 */
import type { Diagnostic } from "../model/config.ts";
import { lineMasks, printable, sourceLine, type Piece } from "./source-line.ts";

export interface RenderOptions {
  color: boolean;
}

const STYLE = {
  bold: ["\u001b[1m", "\u001b[22m"],
  red: ["\u001b[31m", "\u001b[39m"],
  yellow: ["\u001b[33m", "\u001b[39m"],
  cyan: ["\u001b[36m", "\u001b[39m"],
  dim: ["\u001b[2m", "\u001b[22m"],
} as const;

export function renderDiagnostics(
  diags: Diagnostic[],
  sources: Map<string, string>,
  opts: RenderOptions,
): string {
  const paint = (style: keyof typeof STYLE, text: string) =>
    opts.color ? `${STYLE[style][0]}${text}${STYLE[style][1]}` : text;
  const lineCache = new Map<string, string[]>();
  const linesOf = (file: string): string[] | undefined => {
    const text = sources.get(file);
    if (text === undefined) return undefined;
    let lines = lineCache.get(file);
    if (!lines) {
      lines = text.split(/\r?\n/);
      lineCache.set(file, lines);
    }
    return lines;
  };
  const unparsed = unparsedFiles(diags);
  const masks = new Map<string, Piece[]>();
  const masksOf = (file: string, line: number, text: string): Piece[] => {
    const id = `${line}:${file}`;
    let m = masks.get(id);
    if (m === undefined) masks.set(id, (m = lineMasks(text, !unparsed.has(file))));
    return m;
  };
  let out = "";
  for (const d of diags) {
    const severity = paint(d.severity === "error" ? "red" : "yellow", d.severity);
    out += `${paint("bold", printable(location(d)))}${severity} ${d.code}: ${printable(cut(d.message))}\n`;
    const source = d.file !== undefined && d.line ? linesOf(d.file)?.[d.line - 1] : undefined;
    if (source === undefined || d.line === undefined || d.file === undefined) continue;
    const gutter = String(d.line);
    const shown = sourceLine(source, Math.max(1, d.column ?? 1), {
      parsed: !unparsed.has(d.file),
      // An unknown field's value may be anything (a misspelt personal key).
      maskAt: d.code === "schema/unknown-field",
      masks: masksOf(d.file, d.line, source),
      ...(d.path !== undefined && { path: d.path }),
    });
    // Keep tabs so the caret lines up with the source line.
    const pad = shown.text.slice(0, shown.column - 1).replace(/[^\t]/g, " ");
    out += `${paint("dim", `${gutter} |`)} ${shown.text}\n`;
    out += `${" ".repeat(gutter.length)} ${paint("dim", "|")} ${pad}${paint("cyan", "^")}\n`;
  }
  return out;
}

/**
 * Files whose text is not known to be YAML of the expected shape: a syntax
 * error, a wrong encoding, a document that is not a mapping (e.g. a `.env`
 * file), no `version` or unknown top-level keys. Their printed lines have
 * every value masked.
 */
function unparsedFiles(diags: Diagnostic[]): Set<string> {
  const out = new Set<string>();
  for (const d of diags) {
    if (d.file === undefined) continue;
    const yaml = d.code === "yaml/syntax";
    const notMapping = d.code === "schema/type" && (d.path ?? "") === "";
    // No `version`, or unknown top-level keys: not a trusthub file (e.g. `KEY: value` lines).
    const foreign =
      (d.code === "schema/required" && d.path === "/version") ||
      (d.code === "schema/unknown-field" && /^\/[^/]*$/.test(d.path ?? ""));
    if (yaml || notMapping || foreign || d.code === "io/encoding") out.add(d.file);
  }
  return out;
}

/** Messages may quote a key or a value: at most 300 characters of it. */
function cut(message: string): string {
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

function location(d: Diagnostic): string {
  if (d.file === undefined) return "";
  if (!d.line) return `${d.file}: `;
  return `${d.file}:${d.line}:${d.column ?? 1}: `;
}

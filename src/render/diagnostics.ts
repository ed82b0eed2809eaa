/**
 * Diagnostics -> text: `file:line:col: severity code: message`, then the
 * source line and a caret under the column. Pure. The source line is the
 * user's file as written, so values that came from `${env:NAME}` are shown
 * as the reference, never resolved.
 */
import type { Diagnostic } from "../model/config.ts";

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
  let out = "";
  for (const d of diags) {
    const severity = paint(d.severity === "error" ? "red" : "yellow", d.severity);
    out += `${paint("bold", location(d))}${severity} ${d.code}: ${d.message}\n`;
    const source = d.file !== undefined && d.line ? linesOf(d.file)?.[d.line - 1] : undefined;
    if (source === undefined || d.line === undefined) continue;
    const gutter = String(d.line);
    const col = Math.max(1, d.column ?? 1);
    // Keep tabs so the caret lines up with the source line.
    const pad = source.slice(0, col - 1).replace(/[^\t]/g, " ");
    out += `${paint("dim", `${gutter} |`)} ${source}\n`;
    out += `${" ".repeat(gutter.length)} ${paint("dim", "|")} ${pad}${paint("cyan", "^")}\n`;
  }
  return out;
}

function location(d: Diagnostic): string {
  if (d.file === undefined) return "";
  if (!d.line) return `${d.file}: `;
  return `${d.file}:${d.line}:${d.column ?? 1}: `;
}

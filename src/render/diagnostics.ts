/**
 * Diagnostics -> text: `file:line:col: severity code: message`, then the
 * source line and a caret under the column. Pure. The source line is the
 * user's file as written, so values that came from `${env:NAME}` are shown
 * as the reference, never resolved. A personal value written literally in
 * the YAML (names, emails, phones, birth dates, street, postal code,
 * registration number) is masked on the printed line, so CI logs never hold
 * it; `${env:NAME}` references stay readable, file:line:col and caret stay.
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
    out += `${paint("dim", `${gutter} |`)} ${maskPersonal(source, col, d.path)}\n`;
    out += `${" ".repeat(gutter.length)} ${paint("dim", "|")} ${pad}${paint("cyan", "^")}\n`;
  }
  return out;
}

/** YAML keys whose values are personal data (docs/config.md). */
const PERSONAL_KEYS = [
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

const stars = (text: string): string => text.replace(/[^"']/g, "*");

/**
 * The source line with personal values masked, same length (the caret stays
 * under its column): every `personalKey: value` pair on the line, and, when
 * the diagnostic's path ends in a personal key, everything from its column on.
 */
export function maskPersonal(line: string, column: number, path?: string): string {
  let out = line.replace(PERSONAL_PAIR, (_m, key: string, value: string) =>
    ENV_REF.test(value) ? key + value : key + stars(value),
  );
  const last = path
    ?.split("/")
    .filter((s) => !/^\d+$/.test(s))
    .pop();
  if (last !== undefined && PERSONAL_KEYS.includes(last)) {
    const rest = out.slice(column - 1);
    const keyEnd = /^\s*[A-Za-z0-9]+["']?\s*:\s*/.exec(rest)?.[0].length ?? 0;
    const value = rest.slice(keyEnd);
    if (!ENV_REF.test(value)) out = out.slice(0, column - 1) + rest.slice(0, keyEnd) + stars(value);
  }
  return out;
}

function location(d: Diagnostic): string {
  if (d.file === undefined) return "";
  if (!d.line) return `${d.file}: `;
  return `${d.file}:${d.line}:${d.column ?? 1}: `;
}

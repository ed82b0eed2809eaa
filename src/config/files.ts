/**
 * Paths on the command line -> the YAML files to read, in load order.
 * A directory contributes its own *.yaml / *.yml files (not subdirectories),
 * sorted by name. No paths: ./trusthub.yaml, else the ./trusthub directory.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../model/config.ts";
import { diagnostic } from "./diagnostic.ts";

export const DEFAULT_PATHS = ["trusthub.yaml", "trusthub"] as const;

export interface SourceFile {
  /** As shown in diagnostics: relative to cwd when inside it. */
  file: string;
  text: string;
}

export async function readSources(
  paths: string[],
  cwd: string,
): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const wanted = paths.length > 0 ? paths : await defaultPaths(cwd);
  if (wanted.length === 0) {
    const message = `no configuration found: looked for ./trusthub.yaml and ./trusthub/ in ${cwd}; pass files or directories, or create one of them`;
    return { sources: [], diagnostics: [diagnostic("io/no-config", "error", message)] };
  }
  const absolute: string[] = [];
  for (const p of wanted) {
    const abs = path.resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      diagnostics.push(fileError("io/not-found", "no such file or directory", p));
    } else if (info.isDirectory()) {
      const names = (await readdir(abs)).filter((n) => /\.ya?ml$/i.test(n)).sort();
      if (names.length === 0) {
        diagnostics.push(fileError("io/no-files", "directory has no *.yaml or *.yml files", p));
      }
      absolute.push(...names.map((n) => path.join(abs, n)));
    } else {
      absolute.push(abs);
    }
  }
  const sources: SourceFile[] = [];
  for (const abs of [...new Set(absolute)]) {
    const file = displayPath(abs, cwd);
    try {
      const bytes = await readFile(abs);
      const wrong = wrongEncoding(bytes);
      if (wrong !== undefined) {
        const message = `the file is ${wrong}, not UTF-8: save it as UTF-8 (without a byte-order mark)`;
        diagnostics.push(fileError("io/encoding", message, file));
        continue;
      }
      sources.push({ file, text: bytes.toString("utf8") });
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? "unreadable";
      diagnostics.push(fileError("io/read", `cannot read file (${reason})`, file));
    }
  }
  return { sources, diagnostics };
}

/**
 * UTF-16 and UTF-32, told by their byte-order mark, or by NUL bytes next to
 * ASCII in the first bytes (no BOM); undefined for anything else.
 */
export function wrongEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0)
    return "UTF-32LE (byte-order mark FF FE 00 00)";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    return "UTF-32BE (byte-order mark 00 00 FE FF)";
  if (a === 0xff && b === 0xfe) return "UTF-16LE (byte-order mark FF FE)";
  if (a === 0xfe && b === 0xff) return "UTF-16BE (byte-order mark FE FF)";
  if (bytes.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return "UTF-16LE";
  if (bytes.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) return "UTF-16BE";
  return undefined;
}

function fileError(code: string, message: string, file: string): Diagnostic {
  return { ...diagnostic(code, "error", message), file };
}

async function defaultPaths(cwd: string): Promise<string[]> {
  for (const p of DEFAULT_PATHS) {
    if (await stat(path.join(cwd, p)).catch(() => undefined)) return [p];
  }
  return [];
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main.ts";
import { memoryIo as sharedMemoryIo, type MemoryIo } from "../helpers/io.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures");
export const INVALID = path.join(FIXTURES, "invalid");

/** What one invalid fixture must produce (test/fixtures/invalid/expected.json). */
export interface ExpectedDiagnostic {
  code: string;
  file: string;
  line: number;
  column: number;
}

/** The invalid fixtures with their expectations, and the env they are validated with. */
export function invalidFixtures(): {
  cases: [string, ExpectedDiagnostic][];
  env: Record<string, string>;
} {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(path.join(INVALID, name), "utf8"));
  return {
    cases: Object.entries(read("expected.json") as Record<string, ExpectedDiagnostic>),
    env: read("env.json") as Record<string, string>,
  };
}

export type { MemoryIo };

/** The shared in-memory Io, in the repository root unless told. */
export function memoryIo(
  cwd = REPO,
  env: Record<string, string | undefined> = {},
  isTTY = false,
): MemoryIo {
  return sharedMemoryIo(cwd, env, isTTY);
}

export async function validate(args: string[], io: MemoryIo): Promise<number> {
  return run(["node", "trusthub", "validate", ...args], io);
}

/** A temporary directory holding the given files. */
export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "trusthub-config-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** 1-based line and column of the first occurrence of `needle` in `text` (throws when absent). */
export function pos(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`pos: not found: ${needle}`);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
}

import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Io } from "../../src/cli/io.ts";
import { run } from "../../src/cli/main.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures");
export const INVALID = path.join(FIXTURES, "invalid");

export interface MemoryIo extends Io {
  out: string;
  err: string;
}

export function memoryIo(
  cwd = REPO,
  env: Record<string, string | undefined> = {},
  isTTY = false,
): MemoryIo {
  const io: MemoryIo = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env,
    cwd,
    isTTY,
  };
  return io;
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

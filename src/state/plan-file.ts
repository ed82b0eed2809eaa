/** Writes a plan file atomically (temporary file + rename), so a crash never leaves half a plan. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UserError } from "../errors.ts";

export async function writePlanFile(cwd: string, path: string, text: string): Promise<string> {
  const file = resolve(cwd, path);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, text, { mode: 0o644 });
    await rename(tmp, file);
  } catch (e) {
    const reason = (e as { code?: string }).code ?? (e as Error).message;
    throw new UserError("plan/out", `cannot write the plan file ${file}: ${reason}`);
  }
  return file;
}

/** Writes a plan file atomically (src/lib/atomic-write.ts), so a crash never leaves half a plan. */
import { resolve } from "node:path";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "../lib/atomic-write.ts";

export async function writePlanFile(cwd: string, path: string, text: string): Promise<string> {
  const file = resolve(cwd, path);
  try {
    await writeFileAtomic(file, text, 0o644);
  } catch (e) {
    const reason = (e as { code?: string }).code ?? (e as Error).message;
    throw new UserError("plan/out", `cannot write the plan file ${file}: ${reason}`);
  }
  return file;
}

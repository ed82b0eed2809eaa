/**
 * Repairs what a kill -9 can leave in a file:// (DIY) Pulumi backend. The
 * bucket driver (gocloud.dev fileblob) writes each blob to a temp file and
 * renames it (atomic), but writes its `<blob>.attrs` side file in place:
 * killed between truncating and writing it, the attrs file is left empty and
 * every later read of the stack fails with "failed to load checkpoint: EOF".
 * An attrs file is optional (a missing one reads as defaults), so an empty or
 * unreadable one is removed before Pulumi opens the stack. Found by the crash
 * matrix (test/reliability/crash-matrix.e2e.test.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Removes broken `.attrs` files under the backend's `.pulumi/`; returns the files removed. */
export function repairFileBackend(backend: string): string[] {
  if (!backend.startsWith("file://")) return [];
  const root = join(fileURLToPath(backend.replace(/\?.*$/, "")), ".pulumi");
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root, { recursive: true })) {
    const file = join(root, String(name));
    if (!file.endsWith(".attrs")) continue;
    try {
      JSON.parse(readFileSync(file, "utf8"));
    } catch {
      rmSync(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

/**
 * The one atomic file write: the text goes to a temporary file next to the
 * target (created with `mode`, fsynced), which is renamed over the target,
 * then the directory is fsynced. A reader sees the old file or the new one,
 * never half of one, and a crash leaves at most a temporary file whose name
 * starts with `tempPrefix(file)` (callers may remove those on start).
 */
import { chmod, mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let counter = 0;

/** Temporary files of `file` start with this name (in the same directory). */
export function tempPrefix(file: string): string {
  return `.${basename(file)}.tmp-`;
}

export async function writeFileAtomic(file: string, text: string, mode = 0o644): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${tempPrefix(file)}${process.pid}-${++counter}`);
  try {
    const fh = await open(tmp, "w", mode);
    try {
      await fh.writeFile(text, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
    await chmod(tmp, mode); // the umask may have narrowed or the file existed wider
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  } finally {
    await fh.close();
  }
}

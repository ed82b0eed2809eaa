/**
 * Durable snapshots with group commit. Every write request calls `flush()`
 * before answering; concurrent callers share one write, so a burst of N
 * writes costs far fewer than N file replaces. Each write is an atomic
 * replace (src/lib/atomic-write.ts): write a temp file, fsync it, rename over
 * the data file, fsync the directory. A crash at any moment leaves either the
 * old or the new file.
 */
import { mkdir, open, readFile, readdir, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { tempPrefix, writeFileAtomic } from "../lib/atomic-write.ts";

export interface PersistStats {
  writes: number;
  lastBytes: number;
  lastMs: number;
  maxMs: number;
  /** Time the event loop was blocked serializing the last snapshot. */
  lastSerializeMs: number;
  maxSerializeMs: number;
}

export class Persister {
  readonly file: string;
  private readonly serialize: () => string;
  private readonly currentVersion: () => number;
  private durable = 0;
  private writing: Promise<void> | null = null;
  readonly stats: PersistStats = {
    writes: 0,
    lastBytes: 0,
    lastMs: 0,
    maxMs: 0,
    lastSerializeMs: 0,
    maxSerializeMs: 0,
  };

  constructor(file: string, serialize: () => string, currentVersion: () => number) {
    this.file = file;
    this.serialize = serialize;
    this.currentVersion = currentVersion;
  }

  /** Mark the state loaded from disk (or empty) as durable. */
  markDurable(version: number): void {
    this.durable = version;
  }

  /** Resolve once every change made before the call is on disk. */
  async flush(): Promise<void> {
    const want = this.currentVersion();
    while (this.durable < want) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      this.writing = this.writeOnce().finally(() => {
        this.writing = null;
      });
      await this.writing;
    }
  }

  private async writeOnce(): Promise<void> {
    const started = performance.now();
    const version = this.currentVersion();
    const text = this.serialize();
    const serializeMs = performance.now() - started;
    this.stats.lastSerializeMs = serializeMs;
    this.stats.maxSerializeMs = Math.max(this.stats.maxSerializeMs, serializeMs);
    await writeFileAtomic(this.file, text, 0o600);
    this.durable = version;
    const ms = performance.now() - started;
    this.stats.writes++;
    this.stats.lastBytes = Buffer.byteLength(text);
    this.stats.lastMs = ms;
    this.stats.maxMs = Math.max(this.stats.maxMs, ms);
  }
}

/** Read the data file; undefined when it does not exist. Removes stale temp files. */
export async function loadDataFile(file: string): Promise<unknown> {
  const dir = dirname(file);
  const prefix = tempPrefix(file);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await unlink(join(dir, name)).catch(() => undefined);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`emulator data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Data files locked by this process (a lock naming our own pid is otherwise stale). */
const heldHere = new Set<string>();

/**
 * One emulator per data file: `<file>.lock` names the owner (pid and host).
 * A lock whose owner is gone (kill -9, another container) is taken over.
 */
export async function lockDataFile(file: string): Promise<() => Promise<void>> {
  await mkdir(dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(lock, "wx", 0o600);
      await fh.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      await fh.close();
      heldHere.add(lock);
      return async () => {
        heldHere.delete(lock);
        await unlink(lock).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = await readOwner(lock);
      if (owner && ownerAlive(owner, lock)) {
        throw new Error(
          `emulator data file ${file} is in use by process ${owner.pid} (lock ${lock})`,
        );
      }
      await unlink(lock).catch(() => undefined);
    }
  }
  throw new Error(`could not lock emulator data file ${file}`);
}

async function readOwner(lock: string): Promise<{ pid: number; host: string } | null> {
  try {
    const v = JSON.parse(await readFile(lock, "utf8")) as { pid?: unknown; host?: unknown };
    return typeof v.pid === "number" && typeof v.host === "string"
      ? { pid: v.pid, host: v.host }
      : null;
  } catch {
    return null;
  }
}

function ownerAlive(owner: { pid: number; host: string }, lock: string): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return heldHere.has(lock);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

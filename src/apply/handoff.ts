/**
 * The per-run hand-off of the desired and observed bundles (issue 15): they hold personal data and
 * are large, so they are not resource inputs (not in Pulumi state). The program writes them to
 * `.trusthub/handoff/<pid>-<random>.json` (mode 0600) and names that file in each resource's small
 * `handoff` input, next to a sha256 `digest` of the desired bundle; the provider process reads the
 * file once and checks each bundle against its digest. The file is removed when the run ends; one
 * left by a killed run is removed by the next run (its process is gone).
 *
 * Beside it, `<file>.writes` (JSON lines, SIDs only): the writes each create/update did, which
 * apply prints; they used to be an output and so sat in state for ever.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { trusthubDir } from "../state/workdir.ts";

export interface HandoffEntry {
  desired?: unknown;
  observed?: unknown;
}

export interface HandoffContent {
  profiles: Record<string, HandoffEntry>;
  products: Record<string, HandoffEntry>;
}

/**
 * sha256 of the JSON of `v` with object keys sorted (equal bundles, equal digests), its first 128
 * bits in base64url: 22 characters, twice per resource in state.
 */
export function bundleDigest(v: unknown): string {
  const stable = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(stable);
    if (typeof x !== "object" || x === null) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, stable(o[k])]),
    );
  };
  const hash = createHash("sha256")
    .update(JSON.stringify(stable(v)))
    .digest();
  return hash.subarray(0, 16).toString("base64url");
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Writes the hand-off file; `remove` deletes it and its writes log (call it when the run ends). */
export function writeHandoff(
  cwd: string,
  content: HandoffContent,
): { path: string; remove: () => void } {
  const dir = trusthubDir(cwd, "handoff");
  for (const f of readdirSync(dir)) {
    const pid = Number(/^(\d+)-/.exec(f)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(dir, f), { force: true });
  }
  const path = join(dir, `${process.pid}-${randomBytes(6).toString("hex")}.json`);
  writeFileSync(path, JSON.stringify(content), { mode: 0o600, flag: "wx" });
  const remove = () => {
    rmSync(path, { force: true });
    rmSync(`${path}.writes`, { force: true });
  };
  return { path, remove };
}

const cache = new Map<string, HandoffContent>();

/** The bundles of one resource, checked against its digest (inside the provider process). */
export function readHandoff(
  path: string,
  section: keyof HandoffContent,
  key: string,
  digest: string | undefined,
  required = true,
): HandoffEntry {
  let content = cache.get(path);
  if (!content) {
    try {
      content = JSON.parse(readFileSync(path, "utf8")) as HandoffContent;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        `${key}: the run's hand-off file ${path} cannot be read (${why}); it exists only while apply runs: run the apply again`,
      );
    }
    cache.clear();
    cache.set(path, content);
  }
  const entry = content[section]?.[key];
  if (!entry) {
    if (!required) return {};
    throw new Error(`${key}: not in the run's hand-off file ${path}`);
  }
  if (digest !== undefined && bundleDigest(entry.desired) !== digest) {
    throw new Error(`${key}: the bundle in the hand-off file ${path} does not match its digest`);
  }
  return entry;
}

/** The provider's record of one create/update's writes (a line in `<handoff>.writes`). */
export function noteWrites(
  handoff: unknown,
  key: string,
  writes: string[],
  upgraded = false,
): void {
  if (typeof handoff !== "string" || (writes.length === 0 && !upgraded)) return;
  const line = JSON.stringify({ key, writes, ...(upgraded ? { upgraded } : {}) });
  appendFileSync(`${handoff}.writes`, `${line}\n`, { mode: 0o600 });
}

/** One line of the writes log: `upgraded`: outputs of the earlier format rewritten, nothing sent. */
export interface NotedWrites {
  key: string;
  writes: string[];
  upgraded?: boolean;
}

/** Reads the writes noted since `from` (a byte offset): apply's console lines. */
export function readWrites(
  handoff: string,
  from: number,
): { next: number; entries: NotedWrites[] } {
  let fd: number;
  try {
    fd = openSync(`${handoff}.writes`, "r");
  } catch {
    return { next: from, entries: [] };
  }
  try {
    const size = fstatSync(fd).size;
    if (size <= from) return { next: from, entries: [] };
    const buf = Buffer.alloc(size - from);
    readSync(fd, buf, 0, buf.length, from);
    const end = buf.lastIndexOf(0x0a) + 1;
    const lines = buf.subarray(0, end).toString("utf8").split("\n").filter(Boolean);
    return {
      next: from + end,
      entries: lines.map((l) => JSON.parse(l) as NotedWrites),
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Child processes of the benchmark, all under the Node 24 binary from
 * node_modules/.bin: wall time, exit code, stdout lines with the time they
 * arrived (phases of `trusthub apply`), and the child's own peak RSS.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");
export const NODE = join(ROOT, "node_modules", ".bin", "node");
export const CLI = join(ROOT, "bin", "trusthub.js");
const RSS_HOOK = join(ROOT, "bench", "rss-hook.ts");

export interface ChildResult {
  code: number;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Stdout lines with ms since the child was spawned. */
  lines: { ms: number; text: string }[];
  /** Peak RSS of the child in MB (getrusage), when it exited normally. */
  peakRssMb?: number;
}

export interface ChildOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Extra node flags, e.g. ["--cpu-prof"]. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export function runNode(args: string[], opts: ChildOptions): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-bench-rss-"));
  const rssFile = join(dir, "rss");
  const started = performance.now();
  const child = spawn(NODE, [...(opts.nodeArgs ?? []), "--import", RSS_HOOK, ...args], {
    cwd: opts.cwd,
    env: { ...opts.env, BENCH_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: { ms: number; text: string }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out.push(chunk);
    const ms = performance.now() - started;
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const text of parts) lines.push({ ms, text });
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => err.push(chunk));
  const timer = setTimeout(() => child.kill("SIGTERM"), opts.timeoutMs ?? 3_600_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (partial) lines.push({ ms: wallMs, text: partial });
      let peakRssMb: number | undefined;
      try {
        peakRssMb = Math.round(Number(readFileSync(rssFile, "utf8")) / 1024);
      } catch {
        peakRssMb = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        code: code ?? (signal ? 128 : 1),
        wallMs,
        stdout: out.join(""),
        stderr: err.join(""),
        lines,
        ...(peakRssMb !== undefined && { peakRssMb }),
      });
    });
  });
}

/** Ms since spawn of the first (or last) stdout line matching re, if any. */
export function lineAt(r: ChildResult, re: RegExp, last = false): number | undefined {
  const hits = r.lines.filter((l) => re.test(l.text));
  return (last ? hits.at(-1) : hits[0])?.ms;
}

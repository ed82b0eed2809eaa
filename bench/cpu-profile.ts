/**
 * Summary of a V8 .cpuprofile (node --cpu-prof): self time by area of the
 * code (our folders, each dependency, GC, idle) and the hottest functions.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSummary {
  totalMs: number;
  byArea: { area: string; ms: number; share: number }[];
  topFunctions: { fn: string; area: string; ms: number }[];
}

export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (mod) return mod[1]!;
  const src = /\/(src\/[^/]+|bench|bin)\//.exec(url);
  if (src) return src[1]!;
  return url.startsWith("node:") ? "node internals" : "other";
}

export function summarize(p: CpuProfile, top = 8): CpuSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; ms: number }>();
  let total = 0;
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const area = areaOf(f.url, f.functionName);
    total += ms;
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = f.url
      ? `${f.url.replace(/^.*?(node_modules|src|bench)\//, "$1/")}:${f.lineNumber + 1}`
      : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    const prev = fns.get(key) ?? { area, ms: 0 };
    prev.ms += ms;
    fns.set(key, prev);
  }
  const r = (x: number) => Math.round(x);
  return {
    totalMs: r(total),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([area, ms]) => ({ area, ms: r(ms), share: Math.round((ms / total) * 1000) / 1000 })),
    topFunctions: [...fns]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([fn, v]) => ({ fn, area: v.area, ms: r(v.ms) })),
  };
}

/** Summary of the one .cpuprofile written into dir. */
export async function summarizeDir(dir: string): Promise<CpuSummary> {
  const file = (await readdir(dir)).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return summarize(JSON.parse(await readFile(join(dir, file), "utf8")) as CpuProfile);
}

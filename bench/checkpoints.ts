/**
 * Issue 15: what per-step checkpoints cost. For each N, bench/state-size.ts
 * applies N new profiles through the engine twice in its own emulator process
 * (the bench's 30 ms and 20 in flight, --parallel 20), once with
 * TRUSTHUB_PULUMI_CHECKPOINTS=final and once with every-step; the overhead is
 * the ratio of the two wall times. A child process each, one after the other.
 */
import { join } from "node:path";
import { FINAL_CHECKPOINT_ONLY_FROM } from "../src/apply/engine.ts";
import { ROOT, runNode } from "./proc.ts";
import type { CheckpointCost } from "./types.ts";

interface StateSizeRun {
  seconds: number;
  failures: number;
  checkpointBytes: number;
}

async function once(n: number, mode: "final" | "every-step"): Promise<StateSizeRun> {
  const r = await runNode([join(ROOT, "bench", "state-size.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env["PATH"],
      HOME: process.env["HOME"],
      TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"],
      N: String(n),
      CHECKPOINTS: mode,
    },
  });
  if (r.code !== 0) throw new Error(`state-size.ts N=${n} ${mode} exited ${r.code}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as StateSizeRun;
}

export async function checkpointCosts(
  sizes: number[],
  log: (s: string) => void,
): Promise<CheckpointCost[]> {
  const out: CheckpointCost[] = [];
  for (const n of sizes) {
    log(`checkpoints at n=${n}: final only, then every step`);
    const final = await once(n, "final");
    const every = await once(n, "every-step");
    out.push({
      n,
      defaultMode: n >= FINAL_CHECKPOINT_ONLY_FROM ? "final" : "every-step",
      finalOnlyFrom: FINAL_CHECKPOINT_ONLY_FROM,
      finalSeconds: final.seconds,
      everyStepSeconds: every.seconds,
      overhead: Math.round((every.seconds / final.seconds - 1) * 1000) / 1000,
      checkpointBytes: every.checkpointBytes,
      failures: final.failures + every.failures,
    });
  }
  return out;
}

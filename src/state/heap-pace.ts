/**
 * Full garbage collections while the account's lists arrive (issue 15), when
 * the launcher gave V8 `--expose-gc` (src/cli/launch.ts). Each list page is
 * parsed, converted and dropped, but with four lists (and the checkpoint
 * scan) in flight, part of every page outlives two young-generation
 * collections and is promoted; V8 then lets its old generation grow to about
 * three times the live data before it collects (a no-change plan of 10,000
 * profiles: from 47 to 144 MB used during the read, 91 MB of it live). A full
 * collection whenever the heap has grown by STEP_BYTES since the last one
 * keeps the old generation near the live data: peak RSS of that plan 308 ->
 * 265 MB, for three or four collections of about 90 ms.
 */
import { getHeapStatistics } from "node:v8";

const STEP_BYTES = 32 * 2 ** 20;
let last = 0;

export function collectIfGrown(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  const used = getHeapStatistics().used_heap_size;
  if (last === 0 || used < last) last = used; // first call, or collected since
  if (used - last < STEP_BYTES) return;
  gc();
  last = getHeapStatistics().used_heap_size;
}

/**
 * Counts the heap in use now as the last collection's result: live data kept
 * on purpose (the plan's prepared config part, issue 15) is not growth to
 * collect.
 */
export function keptOnPurpose(): void {
  if ((globalThis as { gc?: () => void }).gc === undefined || last === 0) return;
  last = Math.max(last, getHeapStatistics().used_heap_size);
}

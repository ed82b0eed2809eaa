/**
 * A full garbage collection between the plan's phases (issue 15), when the
 * launcher gave V8 `--expose-gc` (src/cli/launch.ts) and the heap is large.
 * Parsing 10,000 profiles of YAML and reading their lists leave several times
 * their live data as garbage that V8 would collect late, after growing its
 * old generation (the process's peak RSS): collecting it at the end of a phase
 * costs tens of milliseconds and starts the next phase from the live data.
 */
import { getHeapStatistics } from "node:v8";

/** Below this much heap in use, a collection would not lower the peak. */
const FROM_BYTES = 64 * 2 ** 20;

export function collectBetweenPhases(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined || getHeapStatistics().used_heap_size < FROM_BYTES) return;
  gc();
}

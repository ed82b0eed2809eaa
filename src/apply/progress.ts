/**
 * Progress of a long apply. Three modes:
 * - "tty": one live line, rewritten in place (done / total, rate, time left);
 *   the lines of finished profiles print above it;
 * - "ci" (no terminal): no line per start; a summary line every few seconds
 *   (TRUSTHUB_PROGRESS_EVERY_MS, default 5000);
 * - "verbose" (`apply --verbose`): every start, write and finish, as before.
 * A finished or failed profile always gets its own line.
 */
export type ProgressMode = "tty" | "ci" | "verbose";

export interface ProgressOptions {
  mode: ProgressMode;
  /** Profiles the update is expected to write. */
  total: number;
  /** Writes text as it is (no newline added). */
  write: (text: string) => void;
  everyMs?: number;
  now?: () => number;
}

export interface Progress {
  started(key: string, op: string): void;
  /** A profile finished: its lines (already indented), printed whatever the mode. */
  finished(lines: string[], writes: string[]): void;
  /** A line that must show (failures, notices). */
  line(text: string): void;
  /** Stops the timer and clears the live line. */
  stop(): void;
}

export const PROGRESS_EVERY_MS = 5000;

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** "12/40 profiles done (2.5/s, about 11s left)". */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const shown = Math.max(total, done);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left =
    done > 0 && rate > 0 && shown > done
      ? `, about ${duration(((shown - done) / rate) * 1000)} left`
      : "";
  const r = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  return `${done}/${shown} profiles done (${r}/s${left})`;
}

export function createProgress(o: ProgressOptions): Progress {
  const now = o.now ?? Date.now;
  let first: number | undefined;
  let done = 0;
  let live = false;
  let timer: NodeJS.Timeout | undefined;
  const text = () => progressText(done, o.total, first === undefined ? 0 : now() - first);
  const clear = () => {
    if (live) o.write("\r\u001b[2K");
    live = false;
  };
  const draw = () => {
    if (o.mode !== "tty" || first === undefined) return;
    o.write(`\r\u001b[2K  Applying: ${text()}`);
    live = true;
  };
  const print = (lines: string[]) => {
    clear();
    for (const l of lines) o.write(`${l}\n`);
    draw();
  };
  return {
    started(key, op) {
      if (first === undefined) {
        first = now();
        // CI: a summary line every few seconds; terminal: the live line's rate and time left.
        timer =
          o.mode === "ci"
            ? setInterval(() => o.write(`  progress: ${text()}\n`), o.everyMs ?? PROGRESS_EVERY_MS)
            : o.mode === "tty"
              ? setInterval(draw, 1000)
              : undefined;
        timer?.unref();
      }
      if (o.mode === "verbose") print([`  ${key}: ${op} started`]);
      else draw();
    },
    finished(lines, writes) {
      done += 1;
      print(o.mode === "verbose" ? [...writes, ...lines] : lines);
    },
    line(t) {
      print([t]);
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}

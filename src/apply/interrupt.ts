/**
 * Interrupts during `trusthub apply`, as Terraform does them. The first
 * SIGINT or SIGTERM stops new profile writes from starting: the Pulumi engine
 * is cancelled gracefully (it lets the writes in flight finish, saves the
 * state and releases the stack lock), evaluation and submission start no new
 * profile, and apply exits 130 with what was done. A second signal stops at
 * once: the engine is killed and the stack lock is released by apply. A third
 * exits immediately.
 *
 * A Ctrl-C on a terminal reaches the whole foreground process group, the
 * engine included; a `kill` reaches apply alone. Apply forwards the signal to
 * the engine only when the engine does not say within a moment that it got
 * it too, since a second signal would make the engine terminate at once.
 * Until the engine has the signal, a stop file (TRUSTHUB_STOP_FILE in the
 * provider's environment) keeps the provider from starting another profile.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

export interface Interrupt {
  /** A first signal arrived: start nothing new. */
  readonly requested: boolean;
  /** A second signal arrived: stop at once. */
  readonly forced: boolean;
  /** Aborted when the engine must be told to cancel (the Automation API then sends it SIGINT). */
  readonly signal: AbortSignal;
  /** Engine output: notices the engine's own "received; cancelling". */
  noteEngineOutput(text: string): void;
  /** Runs `fn` on the second signal (e.g. kill the engine). */
  onForce(fn: () => void): void;
  dispose(): void;
}

/** Error text of a profile write the provider refused to start after an interrupt. */
export const NOT_STARTED = "not started: apply was interrupted";

/** The stop file of the apply with process id `pid` (the provider reads TRUSTHUB_STOP_FILE). */
export function stopFilePath(cwd: string, pid: number = process.pid): string {
  return resolve(cwd, ".trusthub", "pulumi", `interrupted-${pid}`);
}

/** In the provider: true once the apply was interrupted (its stop file exists). */
export function stopRequested(env: Record<string, string | undefined> = process.env): boolean {
  const file = env["TRUSTHUB_STOP_FILE"];
  return file !== undefined && file !== "" && existsSync(file);
}

/** How long apply waits for the engine to report a signal of its own before forwarding one. */
export const FORWARD_AFTER_MS = 300;

export function watchInterrupts(say: (line: string) => void, stopFile?: string): Interrupt {
  const controller = new AbortController();
  const forceHandlers: (() => void)[] = [];
  let requested = false;
  let forced = false;
  let engineKnows = false;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (!requested) {
      requested = true;
      if (stopFile) {
        try {
          writeFileSync(stopFile, `${sig}\n`);
        } catch {
          // no stop file (e.g. the folder is gone): the engine's cancel still stops new writes
        }
      }
      say(
        `\n${sig} received: no new profile writes start; the ones in flight finish, then the stack ` +
          `lock is released. Send ${sig === "SIGINT" ? "Ctrl-C" : sig} again to stop at once.`,
      );
      timer = setTimeout(() => {
        if (!engineKnows) controller.abort();
      }, FORWARD_AFTER_MS);
      return;
    }
    if (!forced) {
      forced = true;
      say(`${sig} received again: stopping at once.`);
      for (const fn of forceHandlers) fn();
      return;
    }
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    get requested() {
      return requested;
    },
    get forced() {
      return forced;
    },
    signal: controller.signal,
    noteEngineOutput(text) {
      if (/received; cancelling/.test(text)) engineKnows = true;
    },
    onForce(fn) {
      forceHandlers.push(fn);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      if (stopFile) rmSync(stopFile, { force: true });
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** Pids of this process's children running `command` (Linux /proc; empty elsewhere). */
export function childPids(command: string, parent: number = process.pid): number[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === command && ppid === parent) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Kills the Pulumi engines this process started (the second signal). */
export function killEngines(): void {
  for (const pid of childPids("pulumi")) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

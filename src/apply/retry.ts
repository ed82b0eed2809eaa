/**
 * Bounded retries of a whole bundle reconcile on transient failures (5xx,
 * 429 left over after the SDK's own retries, dropped connections). Safe
 * because reconcile is idempotent: every attempt finds what the previous one
 * created (by record or friendly name) before writing, so nothing duplicates.
 */
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
]);

export function isTransient(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const x = cur as { status?: unknown; code?: unknown; cause?: unknown };
    if (typeof x.status === "number" && (x.status >= 500 || x.status === 429)) return true;
    if (typeof x.code === "string" && TRANSIENT_CODES.has(x.code)) return true;
    cur = x.cause;
  }
  return false;
}

export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const base = opts.baseMs ?? 250;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !isTransient(e)) throw e;
      await sleep(base * 2 ** (i - 1) * (0.5 + Math.random()));
    }
  }
}

/** An idempotent request (read, update, delete): retried as it is. */
export function idempotent<T>(fn: () => Promise<T>): Promise<T> {
  return withRetries(fn, { attempts: 5 });
}

/**
 * A create that may or may not have reached Trust Hub when it failed
 * transiently: before it is sent again, `find` looks for the object it would
 * have made (deterministic friendly name, or the assignment's object SID).
 */
export async function createChecked<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
  opts: RetryOptions = {},
): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const base = opts.baseMs ?? 250;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return await create();
    } catch (e) {
      if (i >= attempts || !isTransient(e)) throw e;
      await sleep(base * 2 ** (i - 1) * (0.5 + Math.random()));
      const found = await idempotent(find);
      if (found !== undefined) return found;
    }
  }
}

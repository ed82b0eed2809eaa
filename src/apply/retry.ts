/**
 * Writes that are not idempotent (creates, submits) under the one retry
 * policy of the HTTP layer (src/state/http.ts). That layer sends every
 * idempotent request again itself, and any request answered 429; a create or
 * submit answered 5xx, or whose connection dropped, may have been carried out
 * all the same, so it comes back here. `look` then checks whether it landed
 * (the object it would have made, found by its deterministic friendly name or
 * object SID; the status a submit would have set), and only when it did not
 * is the write sent again. Every send of the write draws on one budget (the
 * HTTP layer's attempts and total time), so looking never multiplies it; each
 * look is a read with a budget of its own.
 */
import { backoffMs, budgetLeft, newBudget, withBudget } from "../state/http.ts";

const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
]);

/** A failure the write may come back from: 5xx, 429, a dropped connection (also as a cause). */
export function isTransient(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const x = cur as { status?: unknown; code?: unknown; cause?: unknown };
    if (typeof x.status === "number" && (x.status >= 500 || x.status === 429)) return true;
    if (typeof x.code === "string" && TRANSIENT_CODES.has(x.code)) return true;
    cur = x.cause;
  }
  return false;
}

export interface CheckedOptions {
  /** Sends of the write (default: the HTTP layer's RETRY_POLICY). */
  attempts?: number;
  totalMs?: number;
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends `write`; after a transient failure, `look`s for its effect and returns that, else sends
 * it again, while the budget lasts. The last failure is thrown as it is.
 */
export async function sendChecked<T>(
  write: () => Promise<T>,
  look: () => Promise<T | undefined>,
  opts: CheckedOptions = {},
): Promise<T> {
  const budget = newBudget({ attempts: opts.attempts, totalMs: opts.totalMs });
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (;;) {
    const before = budget.sends;
    try {
      return await withBudget(budget, write);
    } catch (e) {
      if (budget.sends === before) budget.sends++; // a write that failed before the HTTP layer
      const wait = backoffMs(budget.sends, opts.baseMs ?? budget.baseMs);
      if (!isTransient(e) || !budgetLeft(budget, wait)) throw e;
      await sleep(wait);
      const found = await look();
      if (found !== undefined) return found;
    }
  }
}

/**
 * The HTTP layer under the twilio SDK (src/state/client.ts plugs it in as the
 * SDK's `httpClient`), and the one place that retries (docs/reliability.md §1
 * documents the budget). The SDK's own `autoRetry` is off: it retries 429s
 * with a blind backoff, ignores `Retry-After` and never retries 5xx or
 * dropped connections. This layer:
 * - 429: Twilio did not carry the request out, so every request (creates too)
 *   is sent again after `Retry-After` (else exponential backoff, full jitter);
 * - 5xx and dropped connections: the request may or may not have been carried
 *   out, so only idempotent ones are sent again here: GET, DELETE, updates
 *   (POST to an object's own URL without `Status`) and evaluations. Creates
 *   and submits are answered as they are: src/apply/retry.ts `sendChecked`
 *   looks for what they may have done before it sends them again, within the
 *   same budget (`withBudget`);
 * - bounded per logical request (RETRY_POLICY): at most `attempts` sends, and
 *   no send starts later than `totalMs` after the first;
 * - load: process-wide limits (src/state/load-limits.ts);
 * - a reply body larger than MAX_BODY_BYTES is refused (a hostile server).
 */
import { AsyncLocalStorage } from "node:async_hooks";
// The SDK's RequestClient module, not the package's index: the index also loads TwiML, JWT
// and webhook helpers (xmlbuilder, jsonwebtoken) that no command here uses (issue 15).
import RequestClientModule from "twilio/lib/base/RequestClient.js";
import { limits } from "./load-limits.ts";

export {
  configureLoad,
  DEFAULT_PARALLELISM,
  LOAD_ENV,
  loadEnv,
  type LoadLimits,
} from "./load-limits.ts";

type Base = InstanceType<typeof RequestClientModule>;
// A CommonJS module: its class is on `default` when Node loads it from ESM.
const RequestClient =
  (RequestClientModule as unknown as { default?: typeof RequestClientModule }).default ??
  RequestClientModule;
type RequestOptions = Parameters<Base["request"]>[0];
type Reply = Awaited<ReturnType<Base["request"]>>;

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The one retry policy: the budget of one logical request (docs/reliability.md §1). */
export const RETRY_POLICY = {
  /**
   * Sends of one request, the first included. 12: under 30% 429s and 5% 5xx (load.e2e.test.ts) a
   * request fails 8 sends in a row about once in 4,000 (0.35^8), so an apply of 200 profiles failed
   * one run in two with 8; with 12, about once in 300,000.
   */
  attempts: 12,
  /** No send starts later than this after the first one (waits included). */
  totalMs: 60_000,
  /** Backoff: full jitter over baseMs × 2^(n-1), at most maxDelayMs. */
  baseMs: 200,
  maxDelayMs: 10_000,
  /** Each send gives up after this long (the SDK's timeout). */
  timeoutMs: 30_000,
} as const;

export interface HttpRetryOptions {
  attempts?: number;
  totalMs?: number;
  baseMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The sends of one logical request so far, shared by every send of it. */
export interface SendBudget {
  sends: number;
  firstAt: number;
  attempts: number;
  totalMs: number;
  /** Backoff base of the client that sent it (its HttpRetryOptions), for sendChecked's waits. */
  baseMs?: number;
}

export function newBudget(
  policy: { attempts?: number | undefined; totalMs?: number | undefined } = RETRY_POLICY,
): SendBudget {
  return {
    sends: 0,
    firstAt: Date.now(),
    attempts: policy.attempts ?? RETRY_POLICY.attempts,
    totalMs: policy.totalMs ?? RETRY_POLICY.totalMs,
  };
}

/** Whether one more send may start after waiting `waitMs`. */
export function budgetLeft(b: SendBudget, waitMs = 0): boolean {
  return b.sends < b.attempts && Date.now() + waitMs - b.firstAt <= b.totalMs;
}

/** Full-jitter exponential backoff before send n + 1. */
export function backoffMs(
  n: number,
  base: number = RETRY_POLICY.baseMs,
  maxDelay: number = RETRY_POLICY.maxDelayMs,
): number {
  return Math.random() * Math.min(maxDelay, base * 2 ** (Math.max(1, n) - 1));
}

const shared = new AsyncLocalStorage<SendBudget>();

/** Runs `fn`; every request it sends draws on `budget` (one write sent again after a look). */
export function withBudget<T>(budget: SendBudget, fn: () => Promise<T>): Promise<T> {
  return shared.run(budget, fn);
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const DROPPED = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);
const SID_SEGMENT = /^[A-Z]{2}[0-9a-fA-F]{32}(\.json)?$/;

/**
 * Whether sending this request twice has the same effect as sending it once.
 * An evaluation (POST …/Evaluations) only checks the bundle and answers the
 * result at once (trusthub-api.md §2.3): a second one is another record of the
 * same check.
 */
export function isIdempotent(opts: { method: string; uri: string; data?: unknown }): boolean {
  const method = opts.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "DELETE") return true;
  if (method !== "POST") return false;
  const last = new URL(opts.uri, "http://x").pathname.split("/").pop() ?? "";
  if (last === "Evaluations") return true;
  const data = (opts.data ?? {}) as Record<string, unknown>;
  return SID_SEGMENT.test(last) && !("Status" in data);
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), capped; undefined when absent. */
export function retryAfterMs(headers: unknown, capMs = 60_000): number | undefined {
  const h = (headers ?? {}) as Record<string, unknown>;
  const raw = h["retry-after"] ?? h["Retry-After"];
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const s = String(raw).trim();
  const secs = Number(s);
  const ms = Number.isFinite(secs) && s !== "" ? secs * 1000 : Date.parse(s) - Date.now();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(capMs, Math.max(0, ms));
}

/** Requests re-sent by this process (for tests and benchmarks). */
export const httpStats = { retries: 0, throttled: 0 };

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The twilio SDK's RequestClient with our retry rules and load limits. */
export function retryingRequestClient(
  sdkOpts: { timeout?: number },
  retry: HttpRetryOptions = {},
): Base {
  const inner = new RequestClient({
    timeout: sdkOpts.timeout ?? RETRY_POLICY.timeoutMs,
    autoRetry: false,
  });
  inner.axios.defaults.maxContentLength = MAX_BODY_BYTES;
  const send = inner.request.bind(inner);
  const policy = { attempts: retry.attempts, totalMs: retry.totalMs };
  const base = retry.baseMs ?? RETRY_POLICY.baseMs;
  const maxDelay = retry.maxDelayMs ?? RETRY_POLICY.maxDelayMs;
  const sleep = retry.sleep ?? sleepMs;
  const backoff = (n: number) => backoffMs(n, base, maxDelay);
  const once = async (opts: RequestOptions): Promise<Reply> => {
    const l = limits();
    await l.bucket?.take();
    await l.gate.enter();
    try {
      return await send(opts);
    } finally {
      l.gate.leave();
    }
  };
  const request = async (opts: RequestOptions): Promise<Reply> => {
    const safe = isIdempotent(opts);
    const budget = shared.getStore() ?? newBudget(policy);
    budget.baseMs ??= base;
    for (;;) {
      budget.sends++;
      let reply: Reply;
      try {
        reply = await once(opts);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        const wait = backoff(budget.sends);
        const dropped = typeof code === "string" && DROPPED.has(code);
        if (!safe || !dropped || !budgetLeft(budget, wait)) throw e;
        httpStats.retries++;
        await sleep(wait);
        continue;
      }
      const status = reply.statusCode;
      if (!RETRY_STATUS.has(status) || !(status === 429 || safe)) return reply;
      const after = status === 429 ? retryAfterMs(reply.headers) : undefined;
      const wait = after !== undefined ? after + Math.random() * base : backoff(budget.sends);
      if (!budgetLeft(budget, wait)) return reply;
      httpStats.retries++;
      if (status === 429) httpStats.throttled++;
      await sleep(wait);
    }
  };
  // The SDK's signature is generic in the body type; bodies are `unknown` until converted.
  inner.request = request as Base["request"];
  return inner;
}

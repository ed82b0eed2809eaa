/**
 * The HTTP layer under the twilio SDK (src/state/client.ts plugs it in as the
 * SDK's `httpClient`). The SDK's own `autoRetry` retries 429s with a blind
 * backoff: it ignores `Retry-After` and never retries 5xx or dropped
 * connections. This layer replaces it:
 * - 429: Twilio did not carry the request out, so every request (creates too)
 *   is sent again after `Retry-After` (else exponential backoff, full jitter);
 * - 5xx and dropped connections: the request may or may not have been carried
 *   out, so only idempotent ones are sent again here: GET, DELETE, and updates
 *   (POST to an object's own URL without `Status`). Creates and submits are
 *   answered as they are; the apply layer looks for what a failed create may
 *   have made before it resends (src/apply/retry.ts `createChecked`), and
 *   submit re-reads the status;
 * - bounded: at most `attempts` sends per request;
 * - load: at most `parallelism` requests in flight and `maxRps` requests per
 *   second (token bucket) across the whole process. The provider process gets
 *   the same limits through its environment (`loadEnv`).
 * - a reply body larger than MAX_BODY_BYTES is refused (a hostile server).
 */
import twilio from "twilio";

type Base = InstanceType<typeof twilio.RequestClient>;
type RequestOptions = Parameters<Base["request"]>[0];
type Reply = Awaited<ReturnType<Base["request"]>>;

export const LOAD_ENV = {
  maxRps: "TRUSTHUB_MAX_RPS",
  parallelism: "TRUSTHUB_PARALLELISM",
} as const;
export const DEFAULT_PARALLELISM = 10;
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface LoadLimits {
  /** Requests in flight at once (default 10). */
  parallelism?: number;
  /** Requests per second, process-wide (default: unlimited). */
  maxRps?: number;
}

export interface HttpRetryOptions {
  attempts?: number;
  baseMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const DROPPED = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);
const SID_SEGMENT = /^[A-Z]{2}[0-9a-fA-F]{32}(\.json)?$/;

/** Whether sending this request twice has the same effect as sending it once. */
export function isIdempotent(opts: { method: string; uri: string; data?: unknown }): boolean {
  const method = opts.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "DELETE") return true;
  if (method !== "POST") return false;
  const last = new URL(opts.uri, "http://x").pathname.split("/").pop() ?? "";
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

class Gate {
  private active = 0;
  private waiting: (() => void)[] = [];
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  async enter(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();
  private readonly rate: number;
  constructor(rate: number) {
    this.rate = rate;
    this.tokens = Math.max(1, rate);
  }
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = Date.now();
        this.tokens = Math.min(
          Math.max(1, this.rate),
          this.tokens + ((now - this.last) * this.rate) / 1000,
        );
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await sleepMs(((1 - this.tokens) * 1000) / this.rate);
      }
    });
    this.queue = turn;
    return turn;
  }
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let gate: Gate | undefined;
let bucket: TokenBucket | undefined;
let configured: Required<Pick<LoadLimits, "parallelism">> & { maxRps: number | undefined };

function positive(v: string | number | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Sets the process-wide limits (the CLI's --parallelism / --max-rps). */
export function configureLoad(limits: LoadLimits): void {
  const parallelism = Math.floor(positive(limits.parallelism) ?? DEFAULT_PARALLELISM);
  const maxRps = positive(limits.maxRps);
  configured = { parallelism, maxRps };
  gate = new Gate(parallelism);
  bucket = maxRps === undefined ? undefined : new TokenBucket(maxRps);
}

function limits(): { gate: Gate; bucket: TokenBucket | undefined } {
  if (gate === undefined) {
    const env = process.env;
    configureLoad({
      ...(positive(env[LOAD_ENV.parallelism])
        ? { parallelism: Number(env[LOAD_ENV.parallelism]) }
        : {}),
      ...(positive(env[LOAD_ENV.maxRps]) ? { maxRps: Number(env[LOAD_ENV.maxRps]) } : {}),
    });
  }
  return { gate: gate!, bucket };
}

/** The limits as environment variables, for the provider process. */
export function loadEnv(): Record<string, string> {
  limits();
  const out: Record<string, string> = { [LOAD_ENV.parallelism]: String(configured.parallelism) };
  if (configured.maxRps !== undefined) out[LOAD_ENV.maxRps] = String(configured.maxRps);
  return out;
}

/** Requests re-sent by this process (for tests and benchmarks). */
export const httpStats = { retries: 0, throttled: 0 };

/** The twilio SDK's RequestClient with our retry rules and load limits. */
export function retryingRequestClient(
  sdkOpts: { timeout?: number },
  retry: HttpRetryOptions = {},
): Base {
  const inner = new twilio.RequestClient({ timeout: sdkOpts.timeout ?? 30_000, autoRetry: false });
  inner.axios.defaults.maxContentLength = MAX_BODY_BYTES;
  const send = inner.request.bind(inner);
  const attempts = retry.attempts ?? 8;
  const base = retry.baseMs ?? 200;
  const maxDelay = retry.maxDelayMs ?? 10_000;
  const sleep = retry.sleep ?? sleepMs;
  const backoff = (i: number) => Math.random() * Math.min(maxDelay, base * 2 ** (i - 1));
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
    for (let i = 1; ; i++) {
      let reply: Reply;
      try {
        reply = await once(opts);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (i >= attempts || !safe || typeof code !== "string" || !DROPPED.has(code)) throw e;
        httpStats.retries++;
        await sleep(backoff(i));
        continue;
      }
      const status = reply.statusCode;
      const again = RETRY_STATUS.has(status) && (status === 429 || safe) && i < attempts;
      if (!again) return reply;
      httpStats.retries++;
      if (status === 429) httpStats.throttled++;
      const after = status === 429 ? retryAfterMs(reply.headers) : undefined;
      await sleep(after !== undefined ? after + Math.random() * base : backoff(i));
    }
  };
  // The SDK's signature is generic in the body type; bodies are `unknown` until converted.
  inner.request = request as Base["request"];
  return inner;
}

/**
 * Process-wide load limits of the HTTP layer (src/state/http.ts): at most
 * `parallelism` Trust Hub requests in flight and `maxRps` requests per second
 * (token bucket: burst N, then N per second). The CLI sets them from
 * `--parallelism` / `--max-rps`; the provider process gets the same limits
 * through its environment (`loadEnv`).
 */
export const LOAD_ENV = {
  maxRps: "TRUSTHUB_MAX_RPS",
  parallelism: "TRUSTHUB_PARALLELISM",
} as const;
export const DEFAULT_PARALLELISM = 10;
export interface LoadLimits {
  /** Requests in flight at once (default 10). */
  parallelism?: number;
  /** Requests per second, process-wide (default: unlimited). */
  maxRps?: number;
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

export function limits(): { gate: Gate; bucket: TokenBucket | undefined } {
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

/**
 * Fault injection for API requests: 429 (code 20429 with Retry-After) on a
 * fraction of requests or above N concurrent requests, 5xx on a fraction,
 * added latency. A `seed` makes the random choices reproducible.
 */
import { ApiError } from "./errors.ts";

export interface FaultConfig {
  /** Fraction (0..1) of requests answered 429. */
  rate429: number;
  /** Answer 429 when more than this many API requests are in flight (0 = off). */
  maxConcurrent: number;
  /** Fraction (0..1) of requests answered with `status5xx`. */
  rate5xx: number;
  status5xx: number;
  /** Added to every API request before it is handled. */
  latencyMs: number;
  /** Retry-After seconds on 429s. */
  retryAfterSeconds: number;
  seed: number | null;
}

export const NO_FAULTS: FaultConfig = {
  rate429: 0,
  maxConcurrent: 0,
  rate5xx: 0,
  status5xx: 500,
  latencyMs: 0,
  retryAfterSeconds: 1,
  seed: null,
};

export class Faults {
  config: FaultConfig = { ...NO_FAULTS };
  inFlight = 0;
  private rand: () => number = Math.random;

  set(partial: Partial<FaultConfig>): FaultConfig {
    const next = { ...this.config };
    for (const k of Object.keys(NO_FAULTS) as (keyof FaultConfig)[]) {
      if (partial[k] !== undefined) (next as Record<string, unknown>)[k] = partial[k];
    }
    if (next.seed !== null && !Number.isInteger(next.seed)) {
      throw new ApiError(400, 20001, "seed must be an integer or null");
    }
    const frac = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= 1;
    if (!frac(next.rate429) || !frac(next.rate5xx))
      throw new ApiError(400, 20001, "rates must be between 0 and 1");
    if (![500, 502, 503, 504].includes(next.status5xx))
      throw new ApiError(400, 20001, "status5xx must be 500, 502, 503 or 504");
    for (const k of ["maxConcurrent", "latencyMs", "retryAfterSeconds"] as const) {
      if (!Number.isInteger(next[k]) || next[k] < 0)
        throw new ApiError(400, 20001, `${k} must be a non-negative integer`);
    }
    this.config = next;
    this.rand = next.seed === null ? Math.random : mulberry32(next.seed);
    return this.config;
  }

  reset(): FaultConfig {
    this.config = { ...NO_FAULTS };
    this.rand = Math.random;
    return this.config;
  }

  /** Throws the injected error for this request, if any (after the added latency). */
  async apply(): Promise<void> {
    const c = this.config;
    if (c.latencyMs > 0) await new Promise((r) => setTimeout(r, c.latencyMs));
    if (
      (c.maxConcurrent > 0 && this.inFlight > c.maxConcurrent) ||
      (c.rate429 > 0 && this.rand() < c.rate429)
    ) {
      throw new ApiError(429, 20429, "Too Many Requests", {
        "Retry-After": String(c.retryAfterSeconds),
      });
    }
    if (c.rate5xx > 0 && this.rand() < c.rate5xx) {
      const code = c.status5xx === 503 ? 20503 : 20500;
      throw new ApiError(
        c.status5xx,
        code,
        c.status5xx === 503 ? "Service Unavailable" : "Internal Server Error",
      );
    }
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

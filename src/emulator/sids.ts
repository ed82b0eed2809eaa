/** SID generation: random (like Twilio) or sequential per prefix for golden tests. */
import { createHash, randomBytes } from "node:crypto";

export const SID_RE = /^[A-Za-z]{2}[0-9a-fA-F]{32}$/;

export function sidPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
}

export function isSid(value: string, prefix: string): boolean {
  return value.length === 34 && value.startsWith(prefix) && SID_RE.test(value);
}

export class SidFactory {
  readonly deterministic: boolean;
  /** Next number per prefix, persisted so restarts never reuse a SID. */
  counters: Record<string, number>;
  constructor(deterministic: boolean, counters: Record<string, number> = {}) {
    this.deterministic = deterministic;
    this.counters = counters;
  }
  next(prefix: string): string {
    if (!this.deterministic) return prefix + randomBytes(16).toString("hex");
    const n = (this.counters[prefix] ?? 0) + 1;
    this.counters[prefix] = n;
    return prefix + n.toString(16).padStart(32, "0");
  }
}

/** A stable SID derived from a name, for the seeded catalogue (OY... types). */
export function stableSid(prefix: string, name: string): string {
  return prefix + createHash("md5").update(name).digest("hex");
}

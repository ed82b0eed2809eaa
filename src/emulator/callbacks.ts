/**
 * Status callbacks: form-encoded POSTs signed with X-Twilio-Signature
 * (HMAC-SHA1 over the URL plus the sorted parameter names and values, keyed
 * by the account's auth token; reference section 9). Failed deliveries are
 * retried with backoff; nothing here ever throws into the server.
 */
import { createHmac } from "node:crypto";

export function twilioSignature(
  token: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac("sha1", token).update(Buffer.from(data, "utf-8")).digest("base64");
}

export interface Delivery {
  url: string;
  params: Record<string, string>;
  attempts: number;
  delivered: boolean;
  lastError: string | null;
}

export class CallbackSender {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  retries: number;
  backoffMs: number;
  /** Deliveries for the same profile go out in order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(retries = 3, backoffMs = 200) {
    this.retries = retries;
    this.backoffMs = backoffMs;
  }

  send(key: string, url: string, token: string, params: Record<string, string>): void {
    const delivery: Delivery = { url, params, attempts: 0, delivered: false, lastError: null };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 1000) this.deliveries.shift();
    const prev = this.chains.get(key) ?? Promise.resolve();
    const p = prev.then(() => this.deliver(delivery, token)).catch(() => undefined);
    this.chains.set(key, p);
    this.pending.add(p);
    void p.finally(() => {
      this.pending.delete(p);
      if (this.chains.get(key) === p) this.chains.delete(key);
    });
  }

  private async deliver(d: Delivery, token: string): Promise<void> {
    const body = new URLSearchParams(d.params).toString();
    for (let attempt = 0; attempt <= this.retries && !this.abort.signal.aborted; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), this.abort.signal);
      d.attempts++;
      try {
        const res = await fetch(d.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": twilioSignature(token, d.url, d.params),
            "User-Agent": "TwilioProxy/1.1",
          },
          body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(5000)]),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          d.delivered = true;
          d.lastError = null;
          return;
        }
        d.lastError = `HTTP ${res.status}`;
      } catch (e) {
        d.lastError = e instanceof Error ? e.message : String(e);
      }
    }
  }

  /** Wait for every queued delivery (tests), bounded by `ms`. */
  async idle(ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    while (this.pending.size > 0 && Date.now() < until) {
      await Promise.race([Promise.allSettled([...this.pending]), sleep(50)]);
    }
  }

  close(): void {
    this.abort.abort();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

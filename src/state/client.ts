/**
 * The one place that builds the official `twilio` SDK client. It points both
 * domains we use (Trust Hub v1 and the 2010 API for Addresses) at the target's
 * base URL through the domain `baseUrl`, never region/edge (they mangle hosts).
 */
import twilio from "twilio";
import type { Connection } from "../model/trusthub.ts";
import { retryingRequestClient, type HttpRetryOptions } from "./http.ts";

export type TwilioClient = ReturnType<typeof twilio>;

export interface ClientOptions {
  /** Re-sends of a failed request (429, 5xx, dropped connection); default RETRY_POLICY.attempts - 1. */
  maxRetries?: number;
  /** Retries of 429, 5xx and dropped connections (src/state/http.ts RETRY_POLICY). */
  retry?: HttpRetryOptions;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

export function createClient(conn: Connection, opts: ClientOptions = {}): TwilioClient {
  const client = twilio(conn.username, conn.password, {
    accountSid: conn.target.accountSid,
    // Our own retries (Retry-After, 5xx, dropped connections) and load limits, not the SDK's.
    httpClient: retryingRequestClient(
      { timeout: opts.timeout ?? 30_000 },
      opts.maxRetries === undefined ? opts.retry : { ...opts.retry, attempts: opts.maxRetries + 1 },
    ),
  });
  if (conn.target.kind !== "twilio") {
    const base = conn.target.url.replace(/\/+$/, "");
    client.trusthub.baseUrl = base;
    client.api.baseUrl = base;
  }
  return client;
}

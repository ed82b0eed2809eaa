/**
 * The one place that builds the official `twilio` SDK client. It points both
 * domains we use (Trust Hub v1 and the 2010 API for Addresses) at the target's
 * base URL through the domain `baseUrl`, never region/edge (they mangle hosts).
 */
import twilio from "twilio";
import type { Connection } from "../model/trusthub.ts";

export type TwilioClient = ReturnType<typeof twilio>;

export interface ClientOptions {
  /** Retries of 429 answers done by the SDK itself (exponential backoff). */
  maxRetries?: number;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

export function createClient(conn: Connection, opts: ClientOptions = {}): TwilioClient {
  const client = twilio(conn.username, conn.password, {
    accountSid: conn.target.accountSid,
    autoRetry: true,
    maxRetries: opts.maxRetries ?? 6,
    timeout: opts.timeout ?? 30_000,
  });
  if (conn.target.kind !== "twilio") {
    const base = conn.target.url.replace(/\/+$/, "");
    client.trusthub.baseUrl = base;
    client.api.baseUrl = base;
  }
  return client;
}

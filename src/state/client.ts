/**
 * The one place that builds the official `twilio` SDK client. It points both
 * domains we use (Trust Hub v1 and the 2010 API for Addresses) at the target's
 * base URL through the domain `baseUrl`, never region/edge (they mangle hosts).
 */
// The SDK's client class, not the package's index (see http.ts).
import TwilioModule from "twilio/lib/rest/Twilio.js";
import type { Connection } from "../model/trusthub.ts";
import { retryingRequestClient, type HttpRetryOptions } from "./http.ts";

export type TwilioClient = InstanceType<typeof TwilioModule>;
const Twilio =
  (TwilioModule as unknown as { default?: typeof TwilioModule }).default ?? TwilioModule;

export interface ClientOptions {
  /** Re-sends of a failed request (429, 5xx, dropped connection); default RETRY_POLICY.attempts - 1. */
  maxRetries?: number;
  /** Retries of 429, 5xx and dropped connections (src/state/http.ts RETRY_POLICY). */
  retry?: HttpRetryOptions;
  /** Request timeout in milliseconds. */
  timeout?: number;
}

export function createClient(conn: Connection, opts: ClientOptions = {}): TwilioClient {
  const client = new Twilio(conn.username, conn.password, {
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
    // The 2010 API domain loads about 12 MB of SDK modules (every account resource): the plan
    // reads Addresses without it (read.ts), so it is loaded, and pointed here, on first use.
    const proto = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(client), "api");
    const load = proto?.get?.bind(client) as (() => unknown) | undefined;
    if (load === undefined) client.api.baseUrl = base;
    else
      Object.defineProperty(client, "api", {
        configurable: true,
        get(): TwilioClient["api"] {
          const api = load() as TwilioClient["api"];
          api.baseUrl = base;
          return api;
        },
      });
  }
  return client;
}

/** Where the 2010 API (Addresses) of this connection is: the target's URL, or Twilio's. */
export function apiBaseUrl(conn: Connection): string {
  return conn.target.kind === "twilio"
    ? "https://api.twilio.com"
    : conn.target.url.replace(/\/+$/, "");
}

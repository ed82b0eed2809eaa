/**
 * A typed client for the emulator's sandbox controls (/__sandbox/...), built
 * on global fetch. Used by tests, benchmarks and the planner/apply work.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { FaultConfig } from "./faults.ts";
import type { LoggedRequest, LogFilter } from "./reqlog.ts";
import type { Delivery } from "./callbacks.ts";
import type { CreatePrimaryInput, CreatePrimaryResult } from "./sandbox/primary.ts";

export type { CreatePrimaryInput, CreatePrimaryResult } from "./sandbox/primary.ts";
export type { FaultConfig } from "./faults.ts";
export type { LoggedRequest, LogFilter } from "./reqlog.ts";

/** A customer profile as the API renders it (snake_case, Twilio's fields). */
export type ProfileJson = Record<string, unknown> & { sid: string; status: ProfileStatus };

/** A 2010 IncomingPhoneNumber as the API renders it. */
export type PhoneNumberJson = Record<string, unknown> & { sid: string; phone_number: string };

export interface ReviewConfig {
  auto: boolean;
  delayMs: number;
}

export class SandboxError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  constructor(status: number, message: string, code: number | undefined) {
    super(message);
    this.name = "SandboxError";
    this.status = status;
    this.code = code;
  }
}

export interface SandboxControls {
  account(): Promise<{ sid: string; keys: string[] }>;
  createAccount(input?: { sid?: string; token?: string }): Promise<{ sid: string; token: string }>;
  createApiKey(friendlyName?: string): Promise<{ sid: string; secret: string; accountSid: string }>;
  createPrimary(input?: CreatePrimaryInput): Promise<CreatePrimaryResult>;
  /** Review decisions; these three take a trust product SID too. */
  approve(profileSid: string): Promise<ProfileJson>;
  reject(profileSid: string, codes?: number[]): Promise<ProfileJson>;
  setStatus(profileSid: string, status: ProfileStatus, codes?: number[]): Promise<ProfileJson>;
  /** The same review decisions for a trust product (`/__sandbox/TrustProducts/{Sid}/...`). */
  approveTrustProduct(trustProductSid: string): Promise<ProfileJson>;
  rejectTrustProduct(trustProductSid: string, codes?: number[]): Promise<ProfileJson>;
  setTrustProductStatus(
    trustProductSid: string,
    status: ProfileStatus,
    codes?: number[],
  ): Promise<ProfileJson>;
  /** A test IncomingPhoneNumber of the caller (E.164; default the next free +1500555NNNN). */
  createPhoneNumber(input?: {
    phoneNumber?: string;
    friendlyName?: string;
  }): Promise<PhoneNumberJson>;
  /**
   * Makes the caller's IncomingPhoneNumbers it lacks (E.164) and answers each number's PN SID;
   * idempotent: numbers already there keep their SID. One request.
   */
  seedPhoneNumbers(phoneNumbers: readonly string[]): Promise<Record<string, string>>;
  getReview(): Promise<ReviewConfig>;
  setReview(config: Partial<ReviewConfig>): Promise<ReviewConfig>;
  getRequestLog(filter?: LogFilter): Promise<{ count: number; requests: LoggedRequest[] }>;
  resetRequestLog(): Promise<void>;
  getFaults(): Promise<FaultConfig>;
  setFaults(config: Partial<FaultConfig>): Promise<FaultConfig>;
  resetFaults(): Promise<FaultConfig>;
  getCallbacks(): Promise<Delivery[]>;
  stats(): Promise<Record<string, unknown>>;
}

export function sandboxControls(url: string, sid: string, token: string): SandboxControls {
  const base = url.replace(/\/+$/, "");
  const auth = `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}/__sandbox${path}`, {
      method,
      headers: {
        Authorization: auth,
        ...(body !== undefined && { "Content-Type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const data = text === "" ? undefined : (JSON.parse(text) as unknown);
    if (!res.ok) {
      const err = (data ?? {}) as { message?: string; code?: number };
      throw new SandboxError(
        res.status,
        `sandbox ${method} ${path}: ${err.message ?? res.statusText}`,
        err.code,
      );
    }
    return data as T;
  }
  const profile = (sid: string, action: string): string =>
    `/CustomerProfiles/${encodeURIComponent(sid)}/${action}`;
  const product = (sid: string, action: string): string =>
    `/TrustProducts/${encodeURIComponent(sid)}/${action}`;
  return {
    account: () => call("GET", "/Account"),
    createAccount: (input = {}) => call("POST", "/Accounts", input),
    createApiKey: (friendlyName) =>
      call("POST", "/Keys", friendlyName === undefined ? {} : { friendlyName }),
    createPrimary: (input = {}) => call("POST", "/PrimaryProfiles", input),
    approve: (s) => call("POST", profile(s, "Approve"), {}),
    reject: (s, codes) => call("POST", profile(s, "Reject"), codes === undefined ? {} : { codes }),
    setStatus: (s, status, codes) =>
      call("POST", profile(s, "Status"), { status, ...(codes && { codes }) }),
    approveTrustProduct: (s) => call("POST", product(s, "Approve"), {}),
    rejectTrustProduct: (s, codes) =>
      call("POST", product(s, "Reject"), codes === undefined ? {} : { codes }),
    setTrustProductStatus: (s, status, codes) =>
      call("POST", product(s, "Status"), { status, ...(codes && { codes }) }),
    createPhoneNumber: (input = {}) => call("POST", "/IncomingPhoneNumbers", input),
    seedPhoneNumbers: async (phoneNumbers) =>
      (
        await call<{ phoneNumbers: Record<string, string> }>("POST", "/IncomingPhoneNumbers/Seed", {
          phoneNumbers,
        })
      ).phoneNumbers,
    getReview: () => call("GET", "/Review"),
    setReview: (config) => call("POST", "/Review", config),
    getRequestLog: (filter = {}) => {
      const q = new URLSearchParams();
      if (filter.method !== undefined) q.set("method", filter.method);
      if (filter.path !== undefined) q.set("path", filter.path);
      if (filter.pathPrefix !== undefined) q.set("pathPrefix", filter.pathPrefix);
      const qs = q.toString();
      return call("GET", `/RequestLog${qs ? `?${qs}` : ""}`);
    },
    resetRequestLog: async () => {
      await call("DELETE", "/RequestLog");
    },
    getFaults: () => call("GET", "/Faults"),
    setFaults: (config) => call("POST", "/Faults", config),
    resetFaults: () => call("DELETE", "/Faults"),
    getCallbacks: async () =>
      (await call<{ deliveries: Delivery[] }>("GET", "/Callbacks")).deliveries,
    stats: () => call("GET", "/Stats"),
  };
}

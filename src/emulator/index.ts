/**
 * The Trust Hub emulator: a real node:http server that serves the Trust Hub
 * v1 API and 2010 Addresses like Twilio does, plus sandbox controls under
 * /__sandbox. See docs/emulator.md.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openState } from "./boot.ts";
import { Router } from "./router.ts";
import { addressRoutes } from "./routes/addresses.ts";
import { assignmentRoutes } from "./routes/assignments.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { evaluationRoutes } from "./routes/evaluations.ts";
import { objectRoutes } from "./routes/objects.ts";
import { phoneNumberRoutes } from "./routes/phone-numbers.ts";
import { profileRoutes } from "./routes/profiles.ts";
import { trustProductRoutes } from "./routes/trust-products.ts";
import { sandboxRoutes } from "./sandbox/routes.ts";
import { clientErrorHandler, createHandler, type Exchange } from "./server.ts";
import { isSid } from "./sids.ts";

export type { Exchange } from "./server.ts";

/** The default sandbox account: fixed, so `.trusthub/` sandbox state stays valid across restarts. */
export const SANDBOX_ACCOUNT = {
  sid: "AC5a4db0c5a4db0c5a4db0c5a4db0c0001",
  token: "5a4db0c5a4db0c5a4db0c5a4db0c0001",
} as const;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist state here (atomic replace); memory only when absent. */
  dataFile?: string;
  /**
   * Accounts to serve; the first is the default. Default: SANDBOX_ACCOUNT.
   * `parentSid` makes one a subaccount of another listed account.
   */
  accounts?: { sid: string; token: string; parentSid?: string }[];
  /** Turn automatic review on: pending-review -> in-review -> twilio-approved, this delay each. */
  reviewDelayMs?: number;
  /** Sequential SIDs (BU000...001, ...) for golden tests. */
  deterministic?: boolean;
  /** Clock override (epoch ms), for golden tests. */
  now?: () => number;
  /** Sees every request and reply (tests validate the wire format with it). */
  onExchange?: (e: Exchange) => void;
}

export interface EmulatorHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The configured accounts; the first is the default sandbox account. */
  accounts: { sid: string; token: string }[];
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const accounts: { sid: string; token: string; parentSid?: string }[] =
    opts.accounts && opts.accounts.length > 0 ? opts.accounts : [SANDBOX_ACCOUNT];
  for (const a of accounts) {
    if (!isSid(a.sid, "AC"))
      throw new Error(`emulator account ${a.sid}: not an AC SID (AC + 32 hex digits)`);
    if (a.token === "") throw new Error(`emulator account ${a.sid}: empty auth token`);
    const parent = accounts.find((x) => x.sid === a.parentSid);
    if (a.parentSid !== undefined && (parent === undefined || parent.parentSid !== undefined))
      throw new Error(
        `emulator account ${a.sid}: parent ${a.parentSid} is not a listed top-level account`,
      );
  }
  const { engine, persister, unlock } = await openState(opts, accounts);
  const api = new Router();
  profileRoutes(api);
  assignmentRoutes(api);
  evaluationRoutes(api);
  objectRoutes(api);
  catalogRoutes(api);
  addressRoutes(api);
  trustProductRoutes(api);
  phoneNumberRoutes(api);
  const sandbox = new Router();
  sandboxRoutes(sandbox);

  const server = createServer(
    { keepAliveTimeout: 5000 },
    createHandler({ engine, api, sandbox, persister, onExchange: opts.onExchange }),
  );
  server.on("clientError", clientErrorHandler);
  const host = opts.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    engine.close();
    await unlock();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}`,
    accounts: accounts.map((a) => ({ sid: a.sid, token: a.token })),
    close: () =>
      (closing ??= (async () => {
        engine.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persister?.flush();
        await unlock();
      })()),
  };
}

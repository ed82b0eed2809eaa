/**
 * Which Trust Hub the tool talks to, from the environment:
 * - TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_API_KEY +
 *   TWILIO_API_SECRET + TWILIO_ACCOUNT_SID: Twilio itself ("twilio"), or the
 *   emulator at TRUSTHUB_API_URL when that is set ("emulator");
 * - no credentials at all: the embedded sandbox, an in-process emulator
 *   persisted in <cwd>/.trusthub/sandbox.json, with its default account
 *   ("sandbox").
 * Credentials stay inside the Connection: never printed, never stored.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { CREDENTIAL_VARS, SANDBOX_ACCOUNT_VAR } from "./account-env.ts";
import { trusthubDir } from "./workdir.ts";

export const TWILIO_TRUSTHUB_URL = "https://trusthub.twilio.com";

export interface ResolvedTarget {
  conn: Connection;
  /** Stops the embedded sandbox, if one was started; otherwise does nothing. */
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

export async function resolveTarget(env: Env, cwd: string): Promise<ResolvedTarget> {
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const apiUrl = get("TRUSTHUB_API_URL");
  const anyCredential = CREDENTIAL_VARS.some((n) => get(n) !== undefined);
  if (!anyCredential) {
    if (apiUrl !== undefined) {
      throw new UserError(
        "target/credentials",
        "TRUSTHUB_API_URL is set but no credentials are: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) for that emulator",
      );
    }
    return startSandbox(cwd, get(SANDBOX_ACCOUNT_VAR));
  }
  const accountSid = get("TWILIO_ACCOUNT_SID");
  if (accountSid === undefined) {
    throw new UserError(
      "target/credentials",
      "TWILIO_ACCOUNT_SID is not set (needed with any Twilio credentials)",
    );
  }
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
    throw new UserError(
      "target/credentials",
      "TWILIO_ACCOUNT_SID is not an account SID (AC followed by 32 hex digits)",
    );
  }
  const key = get("TWILIO_API_KEY");
  const secret = get("TWILIO_API_SECRET");
  const token = get("TWILIO_AUTH_TOKEN");
  let username: string;
  let password: string;
  if (key !== undefined || secret !== undefined) {
    if (key === undefined || secret === undefined) {
      throw new UserError(
        "target/credentials",
        `${key === undefined ? "TWILIO_API_KEY" : "TWILIO_API_SECRET"} is not set (API keys need both TWILIO_API_KEY and TWILIO_API_SECRET)`,
      );
    }
    username = key;
    password = secret;
  } else if (token !== undefined) {
    username = accountSid;
    password = token;
  } else {
    throw new UserError(
      "target/credentials",
      "TWILIO_AUTH_TOKEN is not set (or use TWILIO_API_KEY and TWILIO_API_SECRET)",
    );
  }
  const target: TargetInfo =
    apiUrl !== undefined
      ? { kind: "emulator", url: checkUrl(apiUrl), accountSid }
      : { kind: "twilio", url: TWILIO_TRUSTHUB_URL, accountSid };
  return { conn: { target, username, password }, close: () => Promise.resolve() };
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(
      "target/url",
      "TRUSTHUB_API_URL is not a URL (expected e.g. http://127.0.0.1:4010)",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError("target/url", "TRUSTHUB_API_URL must be an http or https URL");
  }
  return raw.replace(/\/+$/, "");
}

/** A declared account's own account in the embedded sandbox: SID and token derived from its name. */
export function sandboxAccountFor(name: string): { sid: string; token: string } {
  const hex = createHash("sha256").update(`trusthub-sandbox-account:${name}`).digest("hex");
  return { sid: `AC${hex.slice(0, 32)}`, token: hex.slice(32, 64) };
}

async function startSandbox(cwd: string, accountName?: string): Promise<ResolvedTarget> {
  // Lazy: the emulator is only loaded when the sandbox is the target.
  const { startEmulator, SANDBOX_ACCOUNT } = await import("../emulator/index.ts");
  const dir = trusthubDir(cwd);
  const named = accountName === undefined ? [] : [sandboxAccountFor(accountName)];
  const handle = await startEmulator({
    dataFile: join(dir, "sandbox.json"),
    port: 0,
    ...(named.length > 0 && { accounts: [SANDBOX_ACCOUNT, ...named] }),
  });
  const account = handle.accounts[named.length];
  if (account === undefined) {
    await handle.close();
    throw new Error("the embedded sandbox started without an account");
  }
  return {
    conn: {
      target: { kind: "sandbox", url: handle.url, accountSid: account.sid },
      username: account.sid,
      password: account.token,
    },
    close: () => handle.close(),
  };
}

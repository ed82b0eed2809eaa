/**
 * An in-process emulator and its first (sandbox) account, as the tests reach
 * it: the variables the CLI reads, a Connection for the state reader and the
 * SDK client, and the sandbox controls.
 */
import { sandboxControls, type SandboxControls } from "../../src/emulator/controls-client.ts";
import {
  startEmulator,
  type EmulatorHandle,
  type EmulatorOptions,
} from "../../src/emulator/index.ts";
import type { Connection } from "../../src/model/trusthub.ts";

export interface Credentials {
  sid: string;
  token: string;
}

export interface EmulatorAccount extends Credentials {
  emu: EmulatorHandle;
  env: Record<string, string>;
  conn: Connection;
  controls: SandboxControls;
}

/** TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TRUSTHUB_API_URL for an emulator account. */
export function accountEnv(url: string, a: Credentials): Record<string, string> {
  return { TWILIO_ACCOUNT_SID: a.sid, TWILIO_AUTH_TOKEN: a.token, TRUSTHUB_API_URL: url };
}

export function connectionTo(url: string, a: Credentials): Connection {
  return {
    target: { kind: "emulator", url, accountSid: a.sid },
    username: a.sid,
    password: a.token,
  };
}

export async function startAccount(opts: EmulatorOptions = {}): Promise<EmulatorAccount> {
  const emu = await startEmulator(opts);
  const { sid, token } = emu.accounts[0]!;
  return {
    emu,
    sid,
    token,
    env: accountEnv(emu.url, { sid, token }),
    conn: connectionTo(emu.url, { sid, token }),
    controls: sandboxControls(emu.url, sid, token),
  };
}

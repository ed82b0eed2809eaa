/**
 * Starts bench/emulator-proc.ts as a child process and hands back its URL,
 * the default account and typed sandbox controls.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { sandboxControls, type SandboxControls } from "../src/emulator/controls-client.ts";
import type { Connection } from "../src/model/trusthub.ts";
import { NODE, ROOT } from "./proc.ts";

export interface Account {
  sid: string;
  token: string;
}

export interface EmulatorProcess {
  url: string;
  account: Account;
  controls: SandboxControls;
  pid: number;
  close(): Promise<void>;
}

export function connectionOf(url: string, a: Account): Connection {
  return {
    target: { kind: "emulator", url, accountSid: a.sid },
    username: a.sid,
    password: a.token,
  };
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(NODE, [join(ROOT, "bench", "emulator-proc.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once("line", (line) => {
      rl.close();
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  const { url, accounts } = JSON.parse(first) as { url: string; accounts: Account[] };
  const account = accounts[0]!;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    account,
    pid: child.pid!,
    controls: sandboxControls(url, account.sid, account.token),
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

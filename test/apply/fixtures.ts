/** Shared test fixtures for apply: an emulator, its sandbox controls, the ISV example. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { Config } from "../../src/model/config.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { connectionTo } from "../helpers/emulator.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
/** examples/isv as shipped: the ISV primary, three brands, their trust products and numbers. */
export const ISV_EXAMPLE = resolve(ROOT, "examples/isv");

/** A YAML file of examples/isv without its secondaries' `phoneNumbers` and `trustProducts`. */
export function withoutProducts(text: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of text.split("\n")) {
    if (/^ {4}(phoneNumbers|trustProducts):|^ {4}# After its profile/.test(line)) skipping = true;
    else if (skipping && line !== "" && !/^ {6}|^ {4}#/.test(line)) skipping = false;
    if (!skipping || line === "") out.push(line);
  }
  return out.join("\n");
}

/**
 * examples/isv with profiles only (a private copy without the trust products and phone numbers):
 * the tests of profiles' apply, drift, prune and accounts, whose outcomes products would block.
 */
export const ISV = ((): string => {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-isv-profiles-"));
  for (const name of readdirSync(ISV_EXAMPLE))
    writeFileSync(join(dir, name), withoutProducts(readFileSync(join(ISV_EXAMPLE, name), "utf8")));
  return dir;
})();

export interface Sandbox {
  emu: EmulatorHandle;
  conn: Connection;
  /** POST/GET/DELETE a sandbox control (JSON) with the account's credentials. */
  control(method: string, path: string, body?: unknown): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export async function startSandbox(): Promise<Sandbox> {
  const emu = await startEmulator({});
  const acct = emu.accounts[0]!;
  const conn = connectionTo(emu.url, acct);
  const auth = `Basic ${Buffer.from(`${acct.sid}:${acct.token}`).toString("base64")}`;
  return {
    emu,
    conn,
    async control(method, path, body) {
      const res = await fetch(`${emu.url}/__sandbox${path}`, {
        method,
        headers: { authorization: auth, "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    close: () => emu.close(),
  };
}

export async function loadIsv(dir: string = ISV): Promise<Config> {
  const r = await loadConfig([dir], { env: {}, cwd: ROOT });
  if (!r.config) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.config;
}

/** Environment for a provider process talking to the sandbox. */
export function envFor(conn: Connection): Record<string, string> {
  return {
    TRUSTHUB_PROVIDER_KIND: conn.target.kind,
    TRUSTHUB_PROVIDER_URL: conn.target.url,
    TRUSTHUB_PROVIDER_ACCOUNT_SID: conn.target.accountSid,
    TRUSTHUB_PROVIDER_USERNAME: conn.username,
    TRUSTHUB_PROVIDER_PASSWORD: conn.password,
  };
}

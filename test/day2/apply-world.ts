/**
 * A shared setup for the day-2 tests that run the real CLI with the real
 * Pulumi engine: an emulator, an approved ISV primary made through the
 * sandbox's Console control (holding exactly the YAML's data), a private copy
 * of examples/isv whose secondaries the test may rewrite, and helpers to run
 * the CLI, read the plan and read apply's managed records.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { startEmulator, type EmulatorHandle, type Exchange } from "../../src/emulator/index.ts";
import { sandboxControls, type SandboxControls } from "../../src/emulator/controls-client.ts";
import { loadConfig } from "../../src/config/index.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { reconcile } from "../../src/apply/reconcile.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import type { Connection, ManagedRecord } from "../../src/model/trusthub.ts";
import type { Plan } from "../../src/model/plan.ts";
import { isvCopy, runCli, type CliResult } from "../apply/cli.ts";
import { ROOT } from "../apply/fixtures.ts";

export type Brand = Record<string, unknown> & { key: string; friendlyName: string };

export interface ApplyWorld {
  emu: EmulatorHandle;
  ctl: SandboxControls;
  client: TwilioClient;
  conn: Connection;
  env: Record<string, string>;
  cwd: string;
  /** The YAML directory (primary.yaml, brands.yaml). */
  dir: string;
  exchanges: Exchange[];
  primarySid: string;
  cli(...args: string[]): Promise<CliResult>;
  /** `trusthub plan --format json` (extra flags appended). */
  plan(...extra: string[]): Promise<{ code: number; plan: Plan; stderr: string }>;
  managed(): Promise<Record<string, ManagedRecord>>;
  brands(): Brand[];
  setBrands(list: Brand[]): void;
  /** Writes (POST/DELETE) to Trust Hub since `from`, evaluations and sandbox controls left out. */
  writesSince(from: number): string[];
  close(): Promise<void>;
}

export async function applyWorld(): Promise<ApplyWorld> {
  const exchanges: Exchange[] = [];
  const emu = await startEmulator({ onExchange: (e) => void exchanges.push(e) });
  const acct = emu.accounts[0]!;
  const conn: Connection = {
    target: { kind: "emulator", url: emu.url, accountSid: acct.sid },
    username: acct.sid,
    password: acct.token,
  };
  const client = createClient(conn, { maxRetries: 0 });
  const ctl = sandboxControls(emu.url, acct.sid, acct.token);
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-day2-apply-"));
  const dir = isvCopy();
  const env = {
    TRUSTHUB_API_URL: emu.url,
    TWILIO_ACCOUNT_SID: acct.sid,
    TWILIO_AUTH_TOKEN: acct.token,
    PULUMI_CONFIG_PASSPHRASE: "day2-apply-passphrase",
  };
  // The Console step: an approved ISV primary holding exactly the YAML's data.
  const config = (await loadConfig([dir], { env: {}, cwd: ROOT })).config!;
  const primary = desiredBundle(config.primary!, {});
  const created = await ctl.createPrimary({
    friendlyName: primary.profile.friendlyName,
    submit: false,
  });
  await reconcile(createClient(conn), conn.target, primary, undefined, { adoptSid: created.sid });
  await ctl.setStatus(created.sid, "twilio-approved");

  const brandsFile = join(dir, "brands.yaml");
  const cli = (...args: string[]) => runCli(args, cwd, env);
  return {
    emu,
    ctl,
    client,
    conn,
    env,
    cwd,
    dir,
    exchanges,
    primarySid: created.sid,
    cli,
    async plan(...extra) {
      const r = await cli("plan", dir, "--format", "json", "--detailed-exitcode", ...extra);
      if (r.code === 1) throw new Error(`plan failed: ${r.stderr}`);
      return { code: r.code, plan: JSON.parse(r.stdout) as Plan, stderr: r.stderr };
    },
    managed: () => readManaged({ env, cwd, target: conn.target }),
    brands: () => (parse(readFileSync(brandsFile, "utf8")) as { secondaries: Brand[] }).secondaries,
    setBrands: (list) => writeFileSync(brandsFile, stringify({ version: 1, secondaries: list })),
    writesSince: (from) =>
      exchanges
        .slice(from)
        .filter(
          (e) =>
            e.method !== "GET" &&
            !e.path.startsWith("/__sandbox") &&
            !e.path.endsWith("/Evaluations"),
        )
        .map((e) => `${e.method} ${e.path}`),
    close: () => emu.close(),
  };
}

/** `n` copies of a brand under new keys and friendly names (`<key>-1`, `<Name> 1`, ...). */
export function cloneBrands(brand: Brand, n: number): Brand[] {
  return Array.from({ length: n }, (_, i) => ({
    ...structuredClone(brand),
    key: `${brand.key}-${i + 1}`,
    friendlyName: `${brand.friendlyName} ${i + 1}`,
  }));
}

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
import type { EmulatorHandle, Exchange } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import type { Connection, ManagedRecord } from "../../src/model/trusthub.ts";
import type { Plan } from "../../src/model/plan.ts";
import { isvCopy, runCli, type CliResult } from "../apply/cli.ts";
import { approvedPrimary } from "../apply/console-primary.ts";
import { startAccount } from "../helpers/emulator.ts";

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
  const a = await startAccount({ onExchange: (e) => void exchanges.push(e) });
  const { emu, conn, controls: ctl } = a;
  const client = createClient(conn, { maxRetries: 0 });
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-day2-apply-"));
  const dir = isvCopy();
  const env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "day2-apply-passphrase" };
  const primarySid = await approvedPrimary(ctl, conn, dir);

  const brandsFile = join(dir, "brands.yaml");
  // The ISV's notification email and status callback: the brands carry none of their own.
  const { defaults } = parse(readFileSync(brandsFile, "utf8")) as { defaults: unknown };
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
    primarySid,
    cli,
    async plan(...extra) {
      const r = await cli("plan", dir, "--format", "json", "--detailed-exitcode", ...extra);
      if (r.code === 1) throw new Error(`plan failed: ${r.stderr}`);
      return { code: r.code, plan: JSON.parse(r.stdout) as Plan, stderr: r.stderr };
    },
    managed: () => readManaged({ env, cwd, target: conn.target }),
    brands: () => (parse(readFileSync(brandsFile, "utf8")) as { secondaries: Brand[] }).secondaries,
    setBrands: (list) =>
      writeFileSync(brandsFile, stringify({ version: 1, defaults, secondaries: list })),
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

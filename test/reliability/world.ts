/**
 * A world for the reliability tests: an in-process emulator (every exchange
 * recorded, hooks to inject faults or kill a process mid-apply), an approved
 * ISV primary that matches the YAML (the Console step), a private config
 * directory (examples/isv or N generated secondaries) and a private working
 * directory (its own Pulumi stack).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reconcile } from "../../src/apply/reconcile.ts";
import { loadConfig } from "../../src/config/index.ts";
import { sandboxControls, type SandboxControls } from "../../src/emulator/controls-client.ts";
import { startEmulator, type EmulatorHandle, type Exchange } from "../../src/emulator/index.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient } from "../../src/state/client.ts";
import { isvCopy, type CliResult } from "../apply/cli.ts";
import { ISV, ROOT } from "../apply/fixtures.ts";

export interface World {
  emu: EmulatorHandle;
  ctl: SandboxControls;
  env: Record<string, string>;
  cwd: string;
  dir: string;
  conn: Connection;
  exchanges: Exchange[];
  hooks: Set<(e: Exchange) => void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** Generated secondaries instead of examples/isv's brands. */
  secondaries?: number;
  submit?: boolean;
  /** The account's auth token (a fresh account is made through the controls). */
  token?: string;
  sid?: string;
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const exchanges: Exchange[] = [];
  const hooks = new Set<(e: Exchange) => void>();
  const emu = await startEmulator({
    onExchange: (e) => {
      exchanges.push(e);
      for (const h of hooks) h(e);
    },
  });
  let acct = emu.accounts[0]!;
  if (opts.token !== undefined) {
    const admin = sandboxControls(emu.url, acct.sid, acct.token);
    acct = await admin.createAccount({ token: opts.token, ...(opts.sid && { sid: opts.sid }) });
  }
  const ctl = sandboxControls(emu.url, acct.sid, acct.token);
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-rel-"));
  const dir = isvCopy();
  if (opts.secondaries !== undefined) {
    writeFileSync(join(dir, "brands.yaml"), secondariesYaml(opts.secondaries, opts.submit ?? true));
  }
  const env = {
    TRUSTHUB_API_URL: emu.url,
    TWILIO_ACCOUNT_SID: acct.sid,
    TWILIO_AUTH_TOKEN: acct.token,
    PULUMI_CONFIG_PASSPHRASE: "reliability-passphrase",
  };
  const conn: Connection = {
    target: { kind: "emulator", url: emu.url, accountSid: acct.sid },
    username: acct.sid,
    password: acct.token,
  };
  // The Console step: an approved ISV primary holding exactly the YAML's data.
  const config = (await loadConfig([dir], { env: {}, cwd: ROOT })).config!;
  const primary = desiredBundle(config.primary!, {});
  const made = await ctl.createPrimary({
    friendlyName: primary.profile.friendlyName,
    submit: false,
  });
  await reconcile(createClient(conn), conn.target, primary, undefined, { adoptSid: made.sid });
  await ctl.setStatus(made.sid, "twilio-approved");
  exchanges.length = 0;
  return { emu, ctl, env, cwd, dir, conn, exchanges, hooks, close: () => emu.close() };
}

/** N secondaries like examples/isv's first brand, each with its own names and contacts. */
export function secondariesYaml(n: number, submit: boolean): string {
  const one = (i: number): string => {
    const k = String(i).padStart(4, "0");
    return `  - key: brand-${k}
    friendlyName: Brand ${k}
    email: owner-${k}@brand.example
    submit: ${submit}
    business:
      name: Brand ${k} LLC
      identity: direct_customer
      type: Limited Liability Corporation
      industry: FOOD_AND_BEVERAGE
      registration: { type: EIN, number: "98765${k}" }
      regionsOfOperation: [USA_AND_CANADA]
      websiteUrl: https://brand-${k}.example
    address:
      customerName: Brand ${k} LLC
      street: ${i + 1} Sample Street
      city: Chicago
      region: IL
      postalCode: "60601"
      isoCountry: US
    representatives:
      - { firstName: Casey, lastName: Owner${k}, email: casey-${k}@brand.example, phone: "+13125550142", businessTitle: Owner, jobPosition: CEO }
      - { firstName: Riley, lastName: Manager${k}, email: riley-${k}@brand.example, phone: "+13125550143", businessTitle: Manager, jobPosition: GM }
`;
  };
  return `version: 1\nsecondaries:\n${Array.from({ length: n }, (_, i) => one(i)).join("")}`;
}

/** Writes (POST/DELETE) to Trust Hub in `list`: `METHOD path`. */
export function writes(list: Exchange[]): string[] {
  return list
    .filter((e) => e.method !== "GET" && !e.path.startsWith("/__sandbox"))
    .map((e) => `${e.method} ${e.path}`);
}

/** Requests to Trust Hub in `list` (sandbox controls left out). */
export function apiRequests(list: Exchange[]): Exchange[] {
  return list.filter((e) => !e.path.startsWith("/__sandbox"));
}

export interface Child {
  pid: number;
  done: Promise<CliResult>;
  /** What the child printed on stdout so far. */
  stdoutSoFar: () => string;
}

/**
 * The real `trusthub` CLI in a child process of its own process group (so a
 * test can kill -9 the whole apply: CLI, Pulumi engine and provider at once).
 */
export function cli(args: string[], w: World, extraEnv: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [join(ROOT, "bin", "trusthub.js"), ...args], {
    cwd: w.cwd,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      // A Pulumi CLI the developer points at (scripts/pulumi-cli.sh's cache is found without it).
      ...(process.env["TRUSTHUB_PULUMI_BIN"] && {
        TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"],
      }),
      ...w.env,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }),
    ),
  );
  return { pid: child.pid ?? -1, done, stdoutSoFar: () => stdout };
}

export const isvFile = (name: string): string => readFileSync(join(ISV, name), "utf8");

let running = 0;
const queue: (() => void)[] = [];
/** Two kill points at a time (the crash matrices): each runs Pulumi twice, CI has two cores. */
export async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((r) => queue.push(r));
  else running++;
  try {
    return await fn();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

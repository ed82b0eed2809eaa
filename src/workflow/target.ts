/**
 * Opening the target every command works against: the pure resolver
 * (src/state/target.ts) says which Trust Hub; when it says "embedded
 * sandbox", the emulator is started here, persisted in
 * <cwd>/.trusthub/sandbox.json. Also the one description of a target and of
 * where its state lives, the sandbox's Console simulator, and the reading of
 * apply's managed records from any backend.
 */
import { redactBackendUrl } from "../state/backend-url.ts";
import { trusthubDir } from "../state/workdir.ts";
import { join, relative } from "node:path";
import { UserError } from "../errors.ts";
import type { Config } from "../model/config.ts";
import type { Connection, ManagedRecord, ObservedAccount, TargetInfo } from "../model/trusthub.ts";
import type { ConsoleSimulator } from "../apply/console-steps.ts";
import {
  managedProductsOf,
  prefetchManaged,
  readManaged,
  type ManagedContext,
  type StackExporter,
} from "../state/pulumi-state.ts";
import { backendUrl, stackName } from "../state/stack.ts";
import { resolveTargetSpec, sandboxAccountFor } from "../state/target.ts";

type Env = Record<string, string | undefined>;

export interface ResolvedTarget {
  conn: Connection;
  /** Stops the embedded sandbox, if one was started; otherwise does nothing. */
  close(): Promise<void>;
}

/**
 * Whether the embedded sandbox may be the target when no credentials are set:
 * "default" (plan, apply), "explicit" (status, import: only with --sandbox),
 * "never" (the Pulumi.yaml program: its provider could not reach it).
 */
export type SandboxPolicy = "default" | "explicit" | "never";

export interface OpenTargetOptions {
  sandbox?: SandboxPolicy;
  /** `--sandbox` was given. */
  sandboxRequested?: boolean;
  /** The command, for messages (e.g. "status"). */
  command?: string;
}

const CREDENTIALS_HINT =
  "set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET), and TRUSTHUB_API_URL for an emulator";

export async function openTarget(
  env: Env,
  cwd: string,
  opts: OpenTargetOptions = {},
): Promise<ResolvedTarget> {
  const spec = resolveTargetSpec(env);
  const policy = opts.sandbox ?? "default";
  const command = opts.command ?? "this command";
  if (spec.kind === "remote") {
    if (opts.sandboxRequested === true) {
      throw new UserError(
        "target/conflict",
        `--sandbox asks for the embedded sandbox, but Twilio credentials are set: unset them, or drop --sandbox`,
      );
    }
    return { conn: spec.conn, close: () => Promise.resolve() };
  }
  if (policy === "never") {
    throw new UserError(
      "target/credentials",
      `no Twilio credentials are set, and ${command} cannot use the embedded sandbox: ${CREDENTIALS_HINT}`,
    );
  }
  if (policy === "explicit" && opts.sandboxRequested !== true) {
    throw new UserError(
      "target/credentials",
      `no Twilio credentials are set: ${CREDENTIALS_HINT}; or pass --sandbox to use the embedded sandbox (.trusthub/sandbox.json)`,
    );
  }
  return startSandbox(cwd, spec.account, spec.parent);
}

async function startSandbox(
  cwd: string,
  accountName?: string,
  parentName?: string,
): Promise<ResolvedTarget> {
  // Lazy: the emulator is only loaded when the sandbox is the target.
  const { startEmulator, SANDBOX_ACCOUNT } = await import("../emulator/index.ts");
  const dir = trusthubDir(cwd);
  // A declared subaccount is the emulator's subaccount of its parent's sandbox account.
  const parent = parentName === undefined ? undefined : sandboxAccountFor(parentName);
  const named =
    accountName === undefined
      ? []
      : parent === undefined
        ? [sandboxAccountFor(accountName)]
        : [parent, { ...sandboxAccountFor(accountName), parentSid: parent.sid }];
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

/**
 * The one line every command prints about where it works: the target (the
 * embedded sandbox by its file, not its random port) and the Pulumi stack and
 * backend that hold apply's records. Never a credential.
 */
export function describeTarget(target: TargetInfo, env: Env, cwd: string): string {
  const where =
    target.kind === "sandbox"
      ? `embedded sandbox ${relative(cwd, join(cwd, ".trusthub", "sandbox.json"))}`
      : target.kind === "emulator"
        ? `emulator ${target.url}`
        : `Twilio ${target.url}`;
  return `Target: ${where} (account ${target.accountSid}); state: stack ${stackName(env, target)} in ${redactBackendUrl(backendUrl(env, cwd))}`;
}

/** The sandbox's simulation of the Console's steps; undefined for any other target. */
export async function consoleSimulator(conn: Connection): Promise<ConsoleSimulator | undefined> {
  if (conn.target.kind !== "sandbox") return undefined;
  const { sandboxControls } = await import("../emulator/controls-client.ts");
  return sandboxControls(conn.target.url, conn.username, conn.password);
}

/** Every phone number (E.164) the config declares: on its profiles and on their trust products. */
export function declaredNumbers(config: Config): string[] {
  const all = new Set<string>();
  for (const p of [...(config.primary ? [config.primary] : []), ...config.secondaries]) {
    for (const n of p.phoneNumbers ?? []) all.add(n);
    for (const t of p.trustProducts ?? []) for (const n of t.phoneNumbers ?? []) all.add(n);
  }
  return [...all].sort();
}

/**
 * The embedded sandbox owns the phone numbers the config declares (issue 14): Twilio's numbers
 * are bought, the sandbox's are made, so a plan against it never refuses a number as not the
 * account's. Missing ones are created through the sandbox controls; any other target: nothing.
 * Returns the numbers it created.
 */
export async function seedSandboxNumbers(conn: Connection, numbers: string[]): Promise<string[]> {
  if (conn.target.kind !== "sandbox" || numbers.length === 0) return [];
  const { createClient } = await import("../state/client.ts");
  const c = createClient(conn);
  const owned = await c.api.v2010
    .accounts(conn.target.accountSid)
    .incomingPhoneNumbers.list({ pageSize: 1000 });
  const have = new Set(owned.map((n) => n.phoneNumber));
  const missing = numbers.filter((n) => !have.has(n));
  const { sandboxControls } = await import("../emulator/controls-client.ts");
  const controls = sandboxControls(conn.target.url, conn.username, conn.password);
  for (const phoneNumber of missing) await controls.createPhoneNumber({ phoneNumber });
  return missing;
}

/** `pulumi stack export` for non-file backends, loaded only when one is used. */
const exportStack: StackExporter = async (env, cwd, backend, stack) => {
  const { exportStack } = await import("../apply/export.ts");
  return exportStack(env, cwd, backend, stack);
};

/** Apply's managed records from the stack's state, on any backend (non-file ones via the Pulumi CLI). */
export async function readManagedRecords(
  ctx: Omit<ManagedContext, "exportStack">,
): Promise<Record<string, ManagedRecord>> {
  return readManaged({ ...ctx, exportStack });
}

/**
 * Issue 14: the trust products apply manages, read from the same state as `managed`, on the
 * observed account (unless the reader already set them); products in state that a plan does
 * not register would otherwise be deleted by Pulumi.
 */
export function withManagedProducts(
  observed: ObservedAccount,
  managed: Record<string, ManagedRecord>,
): void {
  const products = managedProductsOf(managed);
  const known = observed.managedProducts;
  if (
    Object.keys(products).length > 0 &&
    (known === undefined || Object.keys(known).length === 0)
  ) {
    observed.managedProducts = products;
  }
}

/** Starts reading a non-file backend's stack while the configuration loads (see prefetchManaged). */
export function prefetchManagedRecords(env: Env, cwd: string): void {
  prefetchManaged(env, cwd, exportStack);
}

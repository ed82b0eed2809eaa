/**
 * `trusthub sandbox approve|reject|status|create-primary`: handles on the
 * sandbox controls (/__sandbox/..., src/emulator/controls-client.ts) of the
 * embedded sandbox (no credentials: <cwd>/.trusthub/sandbox.json) or of a
 * running emulator (TRUSTHUB_API_URL with its account's credentials). They do
 * what Twilio's reviewers and the Twilio Console do; Twilio itself has no
 * such controls, so a Twilio target is refused.
 *
 * A profile (or a trust product, issue 14) is named by its SID (BU...), by the key
 * apply manages it under (`<profile>/<kind>` for a product), or by its friendly name.
 */
import { simulateConsoleSteps } from "../apply/console-steps.ts";
import {
  SandboxError,
  sandboxControls,
  type ProfileJson,
  type SandboxControls,
} from "../emulator/controls-client.ts";
import { UserError } from "../errors.ts";
import type { ProfileStatus } from "../domain/twilio.ts";
import type { Connection } from "../model/trusthub.ts";
import { createClient } from "../state/client.ts";
import { managedProductsOf } from "../state/pulumi-state.ts";
import { openTarget, readManagedRecords } from "./target.ts";
import { preparePlan } from "./plan.ts";
import { sandboxRows, sandboxTables } from "./sandbox-table.ts";

/** The statuses `trusthub sandbox status` may set (the flag's choices). */
export { PROFILE_STATUSES, type ProfileStatus } from "../domain/twilio.ts";

type Env = Record<string, string | undefined>;

export interface SandboxOptions {
  env: Env;
  cwd: string;
  out: (text: string) => void;
}

interface Opened {
  conn: Connection;
  controls: SandboxControls;
  close(): Promise<void>;
}

function where(conn: Connection): string {
  return conn.target.kind === "sandbox"
    ? "the embedded sandbox (.trusthub/sandbox.json)"
    : `the emulator at ${conn.target.url}`;
}

function refuseTwilio(conn: Connection): void {
  if (conn.target.kind !== "twilio") return;
  throw new UserError(
    "sandbox/target",
    "the sandbox commands drive the embedded sandbox or an emulator, and Twilio credentials are set " +
      "without TRUSTHUB_API_URL: Twilio itself has no sandbox controls (its reviewers approve and reject). " +
      "Unset the Twilio variables for the embedded sandbox, or set TRUSTHUB_API_URL to a running emulator",
  );
}

async function open(opts: SandboxOptions): Promise<Opened> {
  const t = await openTarget(opts.env, opts.cwd);
  try {
    refuseTwilio(t.conn);
  } catch (e) {
    await t.close();
    throw e;
  }
  const { conn } = t;
  return {
    conn,
    controls: sandboxControls(conn.target.url, conn.username, conn.password),
    close: () => t.close(),
  };
}

interface LiveProfile {
  sid: string;
  friendlyName: string;
  status: string;
}

async function liveProfiles(conn: Connection): Promise<LiveProfile[]> {
  const list = await createClient(conn).trusthub.v1.customerProfiles.list({ pageSize: 1000 });
  return list.map((p) => ({ sid: p.sid, friendlyName: p.friendlyName, status: p.status }));
}

/** Key (managed by apply) per profile SID. */
async function keysBySid(o: Opened, opts: SandboxOptions): Promise<Map<string, string>> {
  const managed = await readManagedRecords({ env: opts.env, cwd: opts.cwd, target: o.conn.target });
  return new Map(Object.entries(managed).map(([key, r]) => [r.profileSid, key]));
}

/** A trust product named by SID, managed key or friendly name; undefined when `ref` names none. */
async function resolveProduct(o: Opened, ref: string, opts: SandboxOptions) {
  const products = await createClient(o.conn).trusthub.v1.trustProducts.list({ pageSize: 1000 });
  if (products.some((p) => p.sid === ref)) return ref;
  const managed = await readManagedRecords({ env: opts.env, cwd: opts.cwd, target: o.conn.target });
  const record = managedProductsOf(managed)[ref];
  if (record) return record.productSid;
  const named = products.filter((p) => p.friendlyName === ref);
  return named.length === 1 ? named[0]!.sid : undefined;
}

/** A review decision on a profile, or on a trust product when `ref` names one. */
async function review(
  o: Opened,
  ref: string,
  opts: SandboxOptions,
  onProfile: (sid: string) => Promise<ProfileJson>,
  onProduct: (sid: string) => Promise<ProfileJson>,
): Promise<{ sid: string; p: ProfileJson }> {
  const product = await resolveProduct(o, ref, opts);
  if (product !== undefined) return { sid: product, p: await control(() => onProduct(product)) };
  const sid = await resolveProfile(o, ref, opts);
  return { sid, p: await control(() => onProfile(sid)) };
}

async function resolveProfile(o: Opened, ref: string, opts: SandboxOptions): Promise<string> {
  if (/^BU[0-9a-fA-F]{32}$/.test(ref)) return ref;
  for (const [sid, key] of await keysBySid(o, opts)) if (key === ref) return sid;
  const named = (await liveProfiles(o.conn)).filter((p) => p.friendlyName === ref);
  if (named.length === 1) return named[0]!.sid;
  throw new UserError(
    "sandbox/profile",
    named.length > 1
      ? `${named.length} profiles in ${where(o.conn)} are named "${ref}": name one by its SID (${named.map((p) => p.sid).join(", ")})`
      : `no profile "${ref}" in ${where(o.conn)}: name it by its SID (BU...), by the key apply manages it under, ` +
          "or by its exact friendly name (`trusthub sandbox status` lists them)",
  );
}

async function control<T>(what: () => Promise<T>): Promise<T> {
  try {
    return await what();
  } catch (e) {
    if (e instanceof SandboxError) throw new UserError("sandbox/refused", e.message);
    throw e;
  }
}

export async function withSandbox<T>(
  opts: SandboxOptions,
  fn: (o: Opened) => Promise<T>,
): Promise<T> {
  const o = await open(opts);
  try {
    return await fn(o);
  } finally {
    await o.close();
  }
}

/** Twilio's review approves a submitted profile (pending-review or in-review). */
export function sandboxApprove(ref: string, opts: SandboxOptions): Promise<void> {
  return withSandbox(opts, async (o) => {
    const { sid, p } = await review(
      o,
      ref,
      opts,
      (s) => o.controls.approve(s),
      (s) => o.controls.approveTrustProduct(s),
    );
    opts.out(`${ref === sid ? sid : `${ref} (${sid})`}: ${p.status}\n`);
  });
}

/** Twilio's review rejects a submitted profile, with rejection codes (default 18601). */
export function sandboxReject(ref: string, codes: number[], opts: SandboxOptions): Promise<void> {
  return withSandbox(opts, async (o) => {
    const list0 = codes.length > 0 ? codes : undefined;
    const { sid, p } = await review(
      o,
      ref,
      opts,
      (s) => o.controls.reject(s, list0),
      (s) => o.controls.rejectTrustProduct(s, list0),
    );
    const errors = (p["errors"] as { code?: number }[] | undefined) ?? [];
    const list = errors.map((e) => e.code).filter((c) => c !== undefined);
    opts.out(
      `${ref === sid ? sid : `${ref} (${sid})`}: ${p.status}` +
        (list.length > 0 ? ` (codes ${list.join(", ")})` : "") +
        "\n",
    );
  });
}

/** Every profile and trust product of the account (key when apply manages it), and how reviews happen. */
export function sandboxStatus(opts: SandboxOptions): Promise<void> {
  return withSandbox(opts, async (o) => {
    const managed = await readManagedRecords({
      env: opts.env,
      cwd: opts.cwd,
      target: o.conn.target,
    });
    const { profiles, products } = await sandboxRows(o.conn, managed);
    const review = await control(() => o.controls.getReview());
    opts.out(`${where(o.conn)}, account ${o.conn.target.accountSid}\n`);
    opts.out(
      review.auto
        ? `review: automatic, ${review.delayMs} ms after a submit\n`
        : "review: by hand (trusthub sandbox approve|reject)\n",
    );
    opts.out(sandboxTables(profiles, products));
  });
}

/**
 * The Console step: create the YAML's primary profile with the YAML's data
 * (submitted when the YAML says submit), then optionally force a status.
 */
export async function sandboxCreatePrimary(
  paths: string[],
  status: ProfileStatus | undefined,
  opts: SandboxOptions,
): Promise<void> {
  const p = await preparePlan({ paths, env: opts.env, cwd: opts.cwd });
  try {
    refuseTwilio(p.conn);
    const primary = p.config.primary;
    if (!primary) {
      throw new UserError("sandbox/no-primary", "the configuration declares no primary profile");
    }
    const action = p.plan.actions.find((a) => a.key === primary.key);
    if (action?.sid) {
      opts.out(
        `${primary.key}: the primary profile exists already (${action.sid}, ${action.status ?? "?"}); nothing was created\n`,
      );
      return;
    }
    // The same Console simulation apply runs against the embedded sandbox, for an emulator too.
    const conn: Connection = { ...p.conn, target: { ...p.conn.target, kind: "sandbox" } };
    const controls = sandboxControls(conn.target.url, conn.username, conn.password);
    for (const line of await simulateConsoleSteps(conn, controls, p.config, p.plan))
      opts.out(`${line}\n`);
    if (status) {
      const sid = (await liveProfiles(p.conn)).find(
        (x) => x.friendlyName === primary.friendlyName,
      )?.sid;
      if (!sid) throw new UserError("sandbox/refused", `${primary.key} was not created`);
      const controls = sandboxControls(p.conn.target.url, p.conn.username, p.conn.password);
      const done = await control(() => controls.setStatus(sid, status));
      opts.out(`${primary.key} (${sid}): ${done.status}\n`);
    }
  } finally {
    await p.close();
  }
}

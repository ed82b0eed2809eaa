/**
 * apply's managed records, read back from the Pulumi stack state: one per
 * profile resource (pulumi-nodejs:dynamic/trusthub:Profile), its `record`
 * output (SIDs only, never personal data). For a file:// backend the
 * checkpoint JSON is read directly, so a plan never starts the Pulumi CLI;
 * any other backend goes through `pulumi stack export`.
 */
import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError } from "../errors.ts";
import type { ManagedRecord, TargetInfo } from "../model/trusthub.ts";
import { CheckpointScanner } from "./checkpoint-scan.ts";

type Env = Record<string, string | undefined>;

export const PROFILE_TYPE = "pulumi-nodejs:dynamic/trusthub:Profile";
const PROJECT = "trusthub";
const CHUNK = 1 << 20;

export interface ManagedContext {
  env: Env;
  cwd: string;
  target: TargetInfo;
}

interface StateResource {
  urn?: string;
  type?: string;
  delete?: boolean;
  outputs?: { key?: unknown; record?: unknown };
}

/** Managed records from a deployment's resources (pure). */
export function recordsFrom(resources: StateResource[]): Record<string, ManagedRecord> {
  const out: Record<string, ManagedRecord> = {};
  for (const r of resources) {
    if (r.type !== PROFILE_TYPE || r.delete === true) continue;
    const rec = r.outputs?.record as ManagedRecord | undefined;
    if (!rec || typeof rec.profileSid !== "string") continue;
    const key = typeof r.outputs?.key === "string" ? r.outputs.key : rec.key;
    out[key] = {
      key,
      profileSid: rec.profileSid,
      endUsers: { ...rec.endUsers },
      assignments: { ...rec.assignments },
      ...(rec.addressSid ? { addressSid: rec.addressSid } : {}),
      ...(rec.documentSid ? { documentSid: rec.documentSid } : {}),
    };
  }
  return out;
}

function stackOf(env: Env, target: TargetInfo): string {
  const explicit = env["TRUSTHUB_STACK"]?.trim();
  if (explicit) return explicit;
  return target.kind === "sandbox" ? "sandbox" : target.accountSid;
}

/**
 * The checkpoint's resources, scanned as a stream (src/state/checkpoint-scan.ts):
 * at 10,000 profiles the file is about 100 MB, and JSON.parse of all of it
 * held several times that to keep a few SIDs per profile.
 */
async function readCheckpoint(dir: string, stack: string): Promise<StateResource[] | undefined> {
  const base = join(dir, ".pulumi", "stacks", PROJECT, `${stack}.json`);
  let text: Readable;
  if (existsSync(base)) text = createReadStream(base, { highWaterMark: CHUNK });
  else if (existsSync(`${base}.gz`))
    text = createReadStream(`${base}.gz`, { highWaterMark: CHUNK }).pipe(createGunzip());
  else return undefined;
  const scanner = new CheckpointScanner();
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of text) scanner.write(decoder.write(chunk as Buffer));
    scanner.write(decoder.end());
    return scanner.end() as StateResource[];
  } catch (e) {
    text.destroy();
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(
      "state/corrupt",
      `the Pulumi checkpoint ${base} is not valid JSON (${why})`,
    );
  }
}

const backendOf = (env: Env, cwd: string): string =>
  env["PULUMI_BACKEND_URL"]?.trim() || pathToFileURL(resolve(cwd, ".trusthub", "state")).href;

/** Exports started ahead by prefetchManaged, by backend URL and stack; each is used once. */
const prefetched = new Map<string, Promise<unknown[] | undefined>>();

async function exportOf(env: Env, cwd: string, url: string, stack: string) {
  const { exportStack } = await import("../apply/export.ts");
  return exportStack(env, cwd, url, stack);
}

/**
 * Starts reading a non-file backend's stack (one `pulumi stack export`, a
 * child process) while the caller loads the configuration, when the stack
 * name is known from the environment alone (TRUSTHUB_STACK or
 * TWILIO_ACCOUNT_SID). readManaged then takes the result; a guess that does
 * not match is never used (readManaged exports again).
 */
export function prefetchManaged(env: Env, cwd: string): void {
  const url = backendOf(env, cwd);
  const stack = env["TRUSTHUB_STACK"]?.trim() || env["TWILIO_ACCOUNT_SID"]?.trim();
  if (url.startsWith("file://") || !stack || !/^[\w.-]+$/.test(stack)) return;
  const p = exportOf(env, cwd, url, stack);
  p.catch(() => undefined); // reported by readManaged if it is the one used
  prefetched.set(`${url}\0${stack}`, p);
}

export async function readManaged(ctx: ManagedContext): Promise<Record<string, ManagedRecord>> {
  const stack = stackOf(ctx.env, ctx.target);
  const url = backendOf(ctx.env, ctx.cwd);
  if (url.startsWith("file://")) {
    return recordsFrom((await readCheckpoint(fileURLToPath(url), stack)) ?? []);
  }
  const key = `${url}\0${stack}`;
  const early = prefetched.get(key);
  prefetched.delete(key);
  const resources = await (early ?? exportOf(ctx.env, ctx.cwd, url, stack));
  return recordsFrom((resources ?? []) as StateResource[]);
}

/**
 * apply's managed records, read back from the Pulumi stack state: one per
 * profile resource (pulumi-nodejs:dynamic/trusthub:Profile), its `record`
 * output (SIDs only, never personal data). For a file:// backend the
 * checkpoint JSON is read directly, and for a postgres:// backend the same
 * checkpoint is read from its table (src/state/postgres-state.ts), so a plan
 * never starts the Pulumi CLI; any other backend, or a postgres:// one this
 * reader does not know the shape of, goes through `pulumi stack export`.
 */
import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import type { ManagedProductRecord, ManagedRecord, TargetInfo } from "../model/trusthub.ts";
import { redactBackendUrl } from "./backend-url.ts";
import { CheckpointScanner } from "./checkpoint-scan.ts";
import { readPostgresStack } from "./postgres-state.ts";
import { isPostgresUrl } from "./postgres-url.ts";
import { productRecordsFrom } from "./product-records.ts";
import { backendUrl, fileBackendDir, PROJECT_NAME, stackName } from "./stack.ts";

type Env = Record<string, string | undefined>;

export const PROFILE_TYPE = "pulumi-nodejs:dynamic/trusthub:Profile";
/** Issue 14: one resource per trust product (src/apply/resource.ts TrustHubProduct). */
export { PRODUCT_TYPE } from "./product-records.ts";
const CHUNK = 1 << 16;

/** `pulumi stack export` of a non-file backend (src/apply/export.ts, handed in by the workflow). */
export type StackExporter = (
  env: Env,
  cwd: string,
  backend: string,
  stack: string,
) => Promise<unknown[] | undefined>;

export interface ManagedContext {
  env: Env;
  cwd: string;
  target: TargetInfo;
  /** Needed only for a backend other than file:// (and postgres://, as its fallback). */
  exportStack?: StackExporter;
  /** Where a note on reading through `pulumi stack export` goes (default: stderr). */
  note?: (line: string) => void;
}

interface StateResource {
  urn?: string;
  type?: string;
  delete?: boolean;
  outputs?: { key?: unknown; record?: unknown };
}

/** The trust product records read with each map of profile records (see managedProductsOf). */
const productRecords = new WeakMap<object, Record<string, ManagedProductRecord>>();

/**
 * The trust product records (issue 14) of the state `managed` was read from: one read of the
 * state serves both, and every caller of readManaged keeps its signature.
 */
export function managedProductsOf(
  managed: Record<string, ManagedRecord>,
): Record<string, ManagedProductRecord> {
  return productRecords.get(managed) ?? {};
}

/** Managed records from a deployment's resources (pure); its products via managedProductsOf. */
export function recordsFrom(resources: StateResource[]): Record<string, ManagedRecord> {
  const out: Record<string, ManagedRecord> = {};
  productRecords.set(out, productRecordsFrom(resources));
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
      ...(rec.channelEndpoints ? { channelEndpoints: { ...rec.channelEndpoints } } : {}),
    };
  }
  return out;
}

/**
 * The checkpoint's resources, scanned as a stream (src/state/checkpoint-scan.ts):
 * at 10,000 profiles the file is about 100 MB, and JSON.parse of all of it
 * held several times that to keep a few SIDs per profile.
 */
async function readCheckpoint(dir: string, stack: string): Promise<StateResource[] | undefined> {
  const base = join(dir, ".pulumi", "stacks", PROJECT_NAME, `${stack}.json`);
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

/**
 * The resources of a non-file backend's stack (undefined: no such stack):
 * read from PostgreSQL directly when it can be, else `pulumi stack export`.
 * Why the export was needed is noted when it was not routine (an unknown
 * row format, a failed connection) or when TRUSTHUB_DEBUG is set.
 */
async function readNonFile(
  env: Env,
  cwd: string,
  url: string,
  stack: string,
  exporter: StackExporter | undefined,
  note: (line: string) => void,
): Promise<unknown[] | undefined> {
  if (isPostgresUrl(url)) {
    const r = await readPostgresStack(env, url, PROJECT_NAME, stack);
    if (r.kind === "resources") return r.resources;
    if (r.kind === "absent") return undefined;
    if (r.unexpected || env["TRUSTHUB_DEBUG"]) {
      note(`note: reading stack ${stack} through \`pulumi stack export\`: ${r.why}\n`);
    }
  }
  if (exporter === undefined) {
    const where = redactBackendUrl(url);
    throw new Error(`reading the ${where} backend needs a stack exporter (src/apply/export.ts)`);
  }
  return exporter(env, cwd, url, stack);
}

const stderrNote = (line: string): void => void process.stderr.write(line);

/** Reads started ahead by prefetchManaged, by backend URL and stack; each is used once. */
const prefetched = new Map<string, Promise<unknown[] | undefined>>();

/**
 * Starts reading a non-file backend's stack (a SELECT, or one `pulumi stack
 * export` child process) while the caller loads the configuration, when the stack
 * name is known from the environment alone (TRUSTHUB_STACK or
 * TWILIO_ACCOUNT_SID). readManaged then takes the result; a guess that does
 * not match is never used (readManaged exports again).
 */
export function prefetchManaged(env: Env, cwd: string, exportStack: StackExporter): void {
  const url = backendUrl(env, cwd);
  const stack = env["TRUSTHUB_STACK"]?.trim() || env["TWILIO_ACCOUNT_SID"]?.trim();
  if (fileBackendDir(url) !== undefined || !stack || !/^[\w.-]+$/.test(stack)) return;
  const p = readNonFile(env, cwd, url, stack, exportStack, stderrNote);
  p.catch(() => undefined); // reported by readManaged if it is the one used
  prefetched.set(`${url}\0${stack}`, p);
}

export async function readManaged(ctx: ManagedContext): Promise<Record<string, ManagedRecord>> {
  const stack = stackName(ctx.env, ctx.target);
  const url = backendUrl(ctx.env, ctx.cwd);
  const dir = fileBackendDir(url);
  if (dir !== undefined) return recordsFrom((await readCheckpoint(dir, stack)) ?? []);
  const key = `${url}\0${stack}`;
  const early = prefetched.get(key);
  prefetched.delete(key);
  const resources = await (early ??
    readNonFile(ctx.env, ctx.cwd, url, stack, ctx.exportStack, ctx.note ?? stderrNote));
  return recordsFrom((resources ?? []) as StateResource[]);
}

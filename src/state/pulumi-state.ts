/**
 * apply's managed records, read back from the Pulumi stack state: one per
 * profile resource (pulumi-nodejs:dynamic/trusthub:Profile), its `record`
 * output (SIDs only, never personal data). For a file:// backend the
 * checkpoint JSON is read directly, so a plan never starts the Pulumi CLI;
 * any other backend goes through `pulumi stack export`.
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError } from "../errors.ts";
import type { ManagedRecord, TargetInfo } from "../model/trusthub.ts";

type Env = Record<string, string | undefined>;

export const PROFILE_TYPE = "pulumi-nodejs:dynamic/trusthub:Profile";
const PROJECT = "trusthub";

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

function readCheckpoint(dir: string, stack: string): StateResource[] | undefined {
  const base = join(dir, ".pulumi", "stacks", PROJECT, `${stack}.json`);
  let text: string | undefined;
  if (existsSync(base)) text = readFileSync(base, "utf8");
  else if (existsSync(`${base}.gz`)) text = gunzipSync(readFileSync(`${base}.gz`)).toString("utf8");
  if (text === undefined) return undefined;
  try {
    const cp = JSON.parse(text) as { checkpoint?: { latest?: { resources?: StateResource[] } } };
    return cp.checkpoint?.latest?.resources ?? [];
  } catch {
    throw new UserError("state/corrupt", `the Pulumi checkpoint ${base} is not valid JSON`);
  }
}

export async function readManaged(ctx: ManagedContext): Promise<Record<string, ManagedRecord>> {
  const stack = stackOf(ctx.env, ctx.target);
  const url =
    ctx.env["PULUMI_BACKEND_URL"]?.trim() ||
    pathToFileURL(resolve(ctx.cwd, ".trusthub", "state")).href;
  if (url.startsWith("file://")) {
    return recordsFrom(readCheckpoint(fileURLToPath(url), stack) ?? []);
  }
  const { exportStack } = await import("../apply/export.ts");
  const resources = await exportStack(ctx.env, ctx.cwd, url, stack);
  return recordsFrom((resources ?? []) as StateResource[]);
}

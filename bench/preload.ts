/**
 * State for sizes too large to apply through Pulumi in a benchmark run
 * (10,000): Trust Hub objects are created through the official SDK against
 * the emulator with bounded concurrency and no injected faults (the same
 * objects and requests as apply makes, test/state/materialize.ts), and the
 * Pulumi checkpoint apply would leave is synthesized from a real checkpoint
 * written by an earlier size's `trusthub apply`: every profile resource is a
 * copy of a real one with its key, URN and SIDs replaced, so the file has the
 * real shape and size (serialized provider, encrypted inputs) that the
 * planner must read. The copied ciphertext is not that profile's data: only
 * readers that never decrypt (the planner, the naive reader) may use it.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SandboxControls } from "../src/emulator/controls-client.ts";
import type { Config } from "../src/model/config.ts";
import type { ManagedRecord } from "../src/model/trusthub.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { PROFILE_TYPE } from "../src/state/pulumi-state.ts";
import { createClient } from "../src/state/client.ts";
import { materialize } from "../test/state/materialize.ts";
import { connectionOf, type Account } from "./emu.ts";
import { pool } from "./pool.ts";

export function checkpointFile(cwd: string, stack: string): string {
  return join(cwd, ".trusthub", "state", ".pulumi", "stacks", "trusthub", `${stack}.json`);
}

/** Creates every declared secondary; returns the records by key, the primary's included. */
export async function preload(
  url: string,
  account: Account,
  controls: SandboxControls,
  config: Config,
  primary: ManagedRecord,
  opts: { preloadConcurrency: number },
): Promise<Record<string, ManagedRecord>> {
  const client = createClient(connectionOf(url, account));
  const records: Record<string, ManagedRecord> = { [config.primary!.key]: primary };
  const failures = await pool(config.secondaries, opts.preloadConcurrency, async (s) => {
    const d = desiredBundle(s, { primarySid: primary.profileSid });
    records[s.key] = await materialize(client, controls, d);
  });
  if (failures.length > 0) throw new Error(`preload failed: ${failures[0]!.error}`);
  return records;
}

interface Resource {
  urn: string;
  id?: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

interface Checkpoint {
  checkpoint: { stack: string; latest: { resources: Resource[] } };
}

/** Writes the stack checkpoint `trusthub apply` would leave for these records. */
export async function writeCheckpoint(
  cwd: string,
  stack: string,
  records: Record<string, ManagedRecord>,
  templateFile: string,
  primaryKey: string,
): Promise<void> {
  const cp = JSON.parse(await readFile(templateFile, "utf8")) as Checkpoint;
  const oldStack = cp.checkpoint.stack.split("/").pop()!;
  const all = cp.checkpoint.latest.resources;
  const isProfile = (r: Resource) => r.type === PROFILE_TYPE;
  const keyOfUrn = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
  const primaryTpl = all.find((r) => isProfile(r) && keyOfUrn(r.urn) === primaryKey)!;
  const secondaryTpl = all.find((r) => isProfile(r) && keyOfUrn(r.urn) !== primaryKey)!;
  const rename = (r: Resource) =>
    JSON.parse(JSON.stringify(r).replaceAll(oldStack, stack)) as Resource;
  const out: Resource[] = all.filter((r) => !isProfile(r)).map(rename);
  const stackRes = out.find((r) => r.type === "pulumi:pulumi:Stack");
  const sids: Record<string, string> = {};
  const tplText = {
    primary: JSON.stringify(rename(primaryTpl)),
    secondary: JSON.stringify(rename(secondaryTpl)),
  };
  for (const [key, rec] of Object.entries(records)) {
    const r = JSON.parse(key === primaryKey ? tplText.primary : tplText.secondary) as Resource;
    r.urn = `${r.urn.slice(0, r.urn.lastIndexOf("::") + 2)}${key}`;
    r.id = rec.profileSid;
    r.inputs = { ...r.inputs, key };
    r.outputs = { ...r.outputs, key, profileSid: rec.profileSid, record: rec };
    out.push(r);
    sids[key] = rec.profileSid;
  }
  if (stackRes) stackRes.outputs = { profiles: sids };
  cp.checkpoint.stack = cp.checkpoint.stack.replace(oldStack, stack);
  cp.checkpoint.latest.resources = out;
  const file = checkpointFile(cwd, stack);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(cp));
}

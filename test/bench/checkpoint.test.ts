import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCheckpoint } from "../../bench/preload.ts";
import type { ManagedRecord } from "../../src/model/trusthub.ts";
import { PROFILE_TYPE, readManaged } from "../../src/state/pulumi-state.ts";

const OLD = "AC00000000000000000000000000000001";
const NEW = "AC00000000000000000000000000000002";
const urn = (stack: string, type: string, name: string) =>
  `urn:pulumi:${stack}::trusthub::${type}::${name}`;
const sid = (p: string, n: number) => `${p}${String(n).padStart(32, "0")}`;
const record = (key: string, n: number): ManagedRecord => ({
  key,
  profileSid: sid("BU", n),
  endUsers: { business: sid("IT", n) },
  assignments: { [sid("IT", n)]: sid("BV", n) },
  addressSid: sid("AD", n),
  documentSid: sid("RD", n),
});
const resource = (key: string, n: number) => ({
  urn: urn(OLD, PROFILE_TYPE, key),
  id: sid("BU", n),
  type: PROFILE_TYPE,
  inputs: { key, __provider: "serialized", desired: { ciphertext: "v1:abc" } },
  outputs: { key, profileSid: sid("BU", n), record: record(key, n), __provider: "serialized" },
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("bench/preload writeCheckpoint", () => {
  it("synthesizes a stack the planner's state reader reads back record for record", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trusthub-bench-cp-"));
    dirs.push(dir);
    const template = join(dir, "template.json");
    const cp = {
      version: 3,
      checkpoint: {
        stack: `organization/trusthub/${OLD}`,
        latest: {
          resources: [
            {
              urn: urn(OLD, "pulumi:pulumi:Stack", `trusthub-${OLD}`),
              type: "pulumi:pulumi:Stack",
            },
            resource("isv", 1),
            resource("brand-00000", 2),
          ],
        },
      },
    };
    await mkdir(dir, { recursive: true });
    await writeFile(template, JSON.stringify(cp));
    const records: Record<string, ManagedRecord> = { isv: record("isv", 7) };
    for (let i = 0; i < 50; i++) {
      const key = `brand-${String(i).padStart(5, "0")}`;
      records[key] = record(key, 100 + i);
    }
    const cwd = join(dir, "work");
    await writeCheckpoint(cwd, NEW, records, template, "isv");
    const target = { kind: "emulator" as const, url: "http://127.0.0.1:1", accountSid: NEW };
    const read = await readManaged({ env: {}, cwd, target });
    expect(read).toEqual(records);
  });
});

/**
 * Races, stale plans and the stack lock, with the real CLI and Pulumi. One
 * world of four draft secondaries, created by a first apply; each step then
 * injects its fault and checks, through the emulator's request log, which
 * writes reached Trust Hub.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import type { ManagedRecord } from "../../src/model/trusthub.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { createClient } from "../../src/state/client.ts";
import { editYaml } from "../apply/cli.ts";
import { cli, startWorld, writes, type World } from "./world.ts";

let w: World;
let recs: Record<string, ManagedRecord>;
const apply = (...extra: string[]) => cli(["apply", w.dir, "--auto-approve", ...extra], w).done;
const site = (k: string) => `websiteUrl: https://brand-${k}.example`;

function objectsOf(r: ManagedRecord): string[] {
  return [r.profileSid, ...Object.values(r.endUsers), r.addressSid ?? "-", r.documentSid ?? "-"];
}

beforeAll(async () => {
  w = await startWorld({ secondaries: 4, submit: false });
  const first = await apply();
  expect(first.code).toBe(EXIT.ok);
  recs = await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target });
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe("a profile frozen between plan and apply", () => {
  it.each<["in-review" | "twilio-approved", string, string]>([
    ["in-review", "0000", "0001"],
    ["twilio-approved", "0002", "0003"],
  ])(
    "turned %s: refused with no write for it, the other applied, exit partial",
    async (status, mine, victimKey) => {
      editYaml(w.dir, "brands.yaml", site(mine), `${site(mine)}/new`);
      editYaml(w.dir, "brands.yaml", site(victimKey), `${site(victimKey)}/new`);
      const victim = recs[`brand-${victimKey}`]!;
      const other = recs[`brand-${mine}`]!;
      let flippedAt = -1;
      // As soon as the provider starts on the other profile, Twilio freezes the victim.
      w.hooks.add((e) => {
        if (
          flippedAt < 0 &&
          e.method === "GET" &&
          e.path === `/v1/CustomerProfiles/${other.profileSid}`
        ) {
          flippedAt = w.exchanges.length;
          void w.ctl.setStatus(victim.profileSid, status);
        }
      });
      const r = await apply("--parallelism", "1");
      w.hooks.clear();
      expect(flippedAt).toBeGreaterThan(0);
      expect(r.code).toBe(EXIT.partial);
      expect(r.stdout).toMatch(new RegExp(`brand-${victimKey}: FAILED: .*${status}`));
      const after = writes(w.exchanges.slice(flippedAt));
      expect(after).toContain(`POST /v1/EndUsers/${other.endUsers.business}`);
      expect(after.filter((x) => objectsOf(victim).some((s) => x.includes(s)))).toEqual([]);
    },
    120_000,
  );
});

describe("a saved plan that is no longer true", () => {
  const planFile = () => join(w.cwd, "saved.json");
  const save = async () => {
    const r = await cli(["plan", w.dir, "--out", planFile()], w).done;
    expect(r.code).toBe(EXIT.ok);
  };

  it("declared config changed: refused before any write (exit 4)", async () => {
    await save();
    editYaml(w.dir, "brands.yaml", "lastName: Owner0000", "lastName: Owner0000b");
    const from = w.exchanges.length;
    const r = await apply("--plan", planFile());
    expect(r.code).toBe(EXIT.stalePlan);
    expect(r.stderr).toMatch(/saved plan .* is no longer true.*nothing was applied/);
    expect(writes(w.exchanges.slice(from))).toEqual([]);
  }, 60_000);

  it("observed Trust Hub changed (a Console edit): refused before any write (exit 4)", async () => {
    await save();
    const c = createClient(w.conn);
    await c.trusthub.v1
      .customerProfiles(recs["brand-0000"]!.profileSid)
      .update({ email: "console-edit@brand.example" });
    const from = w.exchanges.length;
    const r = await apply("--plan", planFile());
    expect(r.code).toBe(EXIT.stalePlan);
    expect(writes(w.exchanges.slice(from))).toEqual([]);
  }, 60_000);
});

describe("two applies on one stack", () => {
  it("the second fails fast on the lock (exit 5), names the holder, writes nothing", async () => {
    // The first apply: a live process (this test) holds the stack's lock, as a running apply would.
    const state = join(w.cwd, ".trusthub", "state", ".pulumi");
    const stack = w.env["TWILIO_ACCOUNT_SID"]!;
    expect(existsSync(join(state, "stacks", "trusthub", `${stack}.json`))).toBe(true);
    const lockDir = join(state, "locks", "organization", "trusthub", stack);
    mkdirSync(lockDir, { recursive: true });
    const lock = join(lockDir, "00000000-0000-4000-8000-000000000001.json");
    writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        username: "first",
        hostname: hostname(),
        timestamp: new Date().toISOString(),
      }),
    );
    const from = w.exchanges.length;
    const t0 = Date.now();
    const r = await apply();
    expect(r.code).toBe(EXIT.locked);
    expect(r.stderr).toMatch(
      new RegExp(
        `stack ${stack} is locked: held by first@\\S+ \\(pid ${process.pid}\\).*pulumi cancel`,
      ),
    );
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(writes(w.exchanges.slice(from))).toEqual([]);
    expect(existsSync(lock)).toBe(true); // a live holder's lock is never cleared
  }, 60_000);

  it("after a crash left an empty state attribute file, the next apply still runs", async () => {
    // kill -9 while fileblob rewrote `<stack>.json.attrs` in place (found by the crash matrix).
    const state = join(w.cwd, ".trusthub", "state", ".pulumi");
    const stack = w.env["TWILIO_ACCOUNT_SID"]!;
    rmSync(join(state, "locks"), { recursive: true, force: true });
    const attrs = join(state, "stacks", "trusthub", `${stack}.json.attrs`);
    expect(existsSync(attrs)).toBe(true);
    writeFileSync(attrs, "");
    const r = await apply();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/removed a broken Pulumi state attribute file/);
    expect(r.stdout).toMatch(/Apply finished: /);
    // The first tests froze two profiles whose YAML was edited: drift apply cannot fix (exit 8).
    expect(r.stdout).toMatch(/2 profiles differ from the YAML but Twilio made them immutable/);
    expect(r.code).toBe(EXIT.immutableDrift);
  }, 60_000);
});

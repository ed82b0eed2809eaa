/** Deterministic SIDs, requested primary SIDs, durable writes, the data-file lock, restarts. */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.ts";
import { harness, sdk, sdkError, type Harness } from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

describe("deterministic SIDs and persistence", () => {
  it("generates sequential SIDs when deterministic", async () => {
    const hh = await harness({ deterministic: true, now: () => Date.UTC(2026, 0, 1) });
    try {
      const p = await hh.controls.createPrimary({});
      expect(p.endUsers["business"]).toBe(`IT${"0".repeat(31)}1`);
      expect(p.sid).toBe(`BU${"0".repeat(31)}1`);
      expect(p.profile["date_created"]).toBe("2026-01-01T00:00:00Z");
    } finally {
      await hh.em.close();
    }
  });

  it("honours a requested primary SID when it is free", async () => {
    const wanted = `BU${"ab".repeat(16)}`;
    expect((await h.controls.createPrimary({ sid: wanted, submit: false })).sid).toBe(wanted);
    const again = await h.controls.createPrimary({ sid: wanted, submit: false });
    expect(again.sid).not.toBe(wanted);
    expect((await h.controls.createPrimary({ sid: "BUnope", submit: false })).sid).toMatch(
      /^BU[0-9a-f]{32}$/,
    );
  });

  it("has every acknowledged write on disk before the reply", async () => {
    const dir = await mkdtemp(join(tmpdir(), "th-emu-"));
    const dataFile = join(dir, "state.json");
    const hh = await harness({ dataFile });
    try {
      const made = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          hh.client.trusthub.v1.endUsers.create({
            type: "authorized_representative_1",
            friendlyName: `d${i}`,
          }),
        ),
      );
      const snap = JSON.parse(await readFile(dataFile, "utf8")) as { endUsers: { sid: string }[] };
      const stored = new Set(snap.endUsers.map((u) => u.sid));
      expect(made.filter((u) => !stored.has(u.sid))).toEqual([]);
      const writes = ((await hh.controls.stats())["persist"] as { writes: number }).writes;
      expect(writes).toBeLessThan(21); // group commit: concurrent writes share file replaces
    } finally {
      await hh.em.close();
    }
  });

  it("locks the data file to one emulator, creating its directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "th-emu-"));
    const dataFile = join(dir, "nested", "deeper", "state.json");
    const first = await startEmulator({ dataFile });
    await expect(startEmulator({ dataFile })).rejects.toThrow(/in use by process/);
    await first.close();
    const second = await startEmulator({ dataFile });
    await second.close();
    const lock = `${dataFile}.lock`;
    const stale = [
      { pid: process.pid, host: hostname() }, // our own pid, not held: left by an earlier life
      { pid: process.ppid, host: "another-container" },
      { pid: 2 ** 22 + 7, host: hostname() }, // no such process
    ];
    for (const owner of stale) {
      await writeFile(lock, JSON.stringify(owner));
      await (await startEmulator({ dataFile })).close();
    }
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(startEmulator({ dataFile })).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it("keeps objects, accounts and API keys across a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "th-emu-"));
    const dataFile = join(dir, "state.json");
    const first = await harness({ dataFile });
    const key = await first.controls.createApiKey();
    const primary = await first.controls.createPrimary({});
    const other = await first.controls.createAccount();
    await first.em.close();
    const second = await harness({ dataFile });
    try {
      expect(second.sid).toBe(first.sid);
      const client = sdk(second.em.url, key.sid, key.secret, { accountSid: second.sid });
      expect((await client.trusthub.v1.customerProfiles(primary.sid).fetch()).status).toBe(
        "pending-review",
      );
      const o = sdk(second.em.url, other.sid, other.token);
      expect(await o.trusthub.v1.customerProfiles.list()).toEqual([]);
      expect((await sdkError(o.trusthub.v1.customerProfiles(primary.sid).fetch())).status).toBe(
        404,
      );
      const snap = JSON.parse(await readFile(dataFile, "utf8"));
      expect(snap.format).toBe("trusthub-emulator");
    } finally {
      await second.em.close();
    }
  });
});

/**
 * kill -9 durability: the CLI emulator (Node 24 binary) takes concurrent
 * writes, is killed with SIGKILL at a random moment, and the data file must
 * parse and hold every object whose 201 reached the client. Three rounds on
 * the same file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SANDBOX_ACCOUNT } from "../../src/emulator/index.ts";

const NODE = "node_modules/.bin/node";
const AUTH = `Basic ${Buffer.from(`${SANDBOX_ACCOUNT.sid}:${SANDBOX_ACCOUNT.token}`).toString("base64")}`;

function launch(dataFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(NODE, ["bin/trusthub.js", "emulator", "--port", "0", "--data", dataFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)\naccount sid: (AC\w+)\nauth token: +(\w+)\n/.exec(out);
      if (m && m[2] === SANDBOX_ACCOUNT.sid && m[3] === SANDBOX_ACCOUNT.token)
        resolve({ child, url: m[1]! });
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => reject(new Error(`emulator exited ${code}: ${err}`)));
  });
}

async function hammer(url: string, acked: Set<string>, stop: { now: boolean }): Promise<void> {
  let n = 0;
  while (!stop.now) {
    const i = n++;
    const body =
      i % 3 === 2
        ? `CustomerName=c${i}&Street=s&City=c&Region=r&PostalCode=p&IsoCountry=US`
        : `FriendlyName=u${i}&Type=authorized_representative_1&Attributes=${encodeURIComponent(JSON.stringify({ first_name: `n${i}` }))}`;
    const path =
      i % 3 === 2 ? `/2010-04-01/Accounts/${SANDBOX_ACCOUNT.sid}/Addresses.json` : "/v1/EndUsers";
    try {
      const res = await fetch(url + path, {
        method: "POST",
        headers: { Authorization: AUTH, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      const json = (await res.json()) as { sid?: string };
      if (res.status === 201 && json.sid) acked.add(json.sid);
    } catch {
      return; // the server is gone
    }
  }
}

describe("kill -9 durability", () => {
  it("keeps every acknowledged object across three SIGKILLs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "th-kill-"));
    const dataFile = join(dir, "state.json");
    const acked = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const { child, url } = await launch(dataFile);
      const stop = { now: false };
      const workers = Array.from({ length: 12 }, () => hammer(url, acked, stop));
      const target = acked.size + 150 + round * 50;
      while (acked.size < target) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 30)));
      child.kill("SIGKILL");
      stop.now = true;
      await Promise.all(workers);
      await new Promise<void>((r) =>
        child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
      );
      const snap = JSON.parse(await readFile(dataFile, "utf8")) as {
        endUsers: { sid: string }[];
        addresses: { sid: string }[];
      };
      const stored = new Set([...snap.endUsers, ...snap.addresses].map((r) => r.sid));
      const lost = [...acked].filter((s) => !stored.has(s));
      expect(lost).toEqual([]);
    }
    // The file also loads: one more start answers every acknowledged SID.
    const { child, url } = await launch(dataFile);
    try {
      const some = [...acked].filter((s) => s.startsWith("IT")).slice(-5);
      for (const sid of some) {
        const res = await fetch(`${url}/v1/EndUsers/${sid}`, { headers: { Authorization: AUTH } });
        expect(res.status).toBe(200);
      }
      expect(acked.size).toBeGreaterThanOrEqual(500);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    expect((await readdir(dir)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});

/**
 * Shared state for real: Pulumi's postgres:// backend (CLI >= 3.176) on a
 * PostgreSQL started by scripts/postgres.sh. Two runners (two working
 * directories, nothing shared but the backend URL) apply the same YAML at
 * once: one applies, the other exits 5 naming the lock, and every profile is
 * created once (the emulator's request log). A third runner with no local
 * state then plans: no changes. The backend's password appears in no output.
 *
 * "At once" is made certain, not left to timing: runner A reaches Trust Hub
 * through a gate that holds its first write (A holds the stack lock by then)
 * until runner B has finished.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { cli, secondariesYaml, startWorld, writes, type World } from "../reliability/world.ts";
import { pulumiDir } from "../action/pulumi-dir.ts";
import { startPostgres, type Postgres } from "./postgres.ts";

let pg: Postgres;
let w: World;

/** A forwarding proxy to the emulator that holds POSTs until open() (or 45 s). */
async function gate(
  target: string,
): Promise<{ url: string; held: Promise<void>; open(): void; close(): Promise<void> }> {
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  let heldOne!: () => void;
  const held = new Promise<void>((r) => (heldOne = r));
  const t = new URL(target);
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === "POST") {
        heldOne();
        await Promise.race([opened, new Promise((r) => setTimeout(r, 45_000))]);
      }
      const up = request(
        { host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    open: release,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  pg = startPostgres(`t${process.pid}`);
  w = await startWorld({ secondaries: 3, submit: false });
  Object.assign(w.env, { PULUMI_BACKEND_URL: pg.url, TRUSTHUB_PULUMI_BIN: pulumiDir() });
}, 600_000);

afterAll(async () => {
  await w?.close();
  pg?.stop();
});

const runner = (): World => ({ ...w, cwd: mkdtempSync(join(tmpdir(), "trusthub-runner-")) });

it("two runners apply at once: one applies, the other exits 5 on the lock, nothing twice; a third plans no changes", async () => {
  // The stack exists already (a first-ever apply races on creating it, a separate case).
  const first = mkdtempSync(join(tmpdir(), "trusthub-first-"));
  cpSync(w.dir, first, { recursive: true });
  writeFileSync(join(first, "brands.yaml"), secondariesYaml(1, false));
  const init = await cli(["apply", first, "--auto-approve"], runner()).done;
  expect(init.stderr).toBe("");
  expect(init.code, init.stdout).toBe(EXIT.ok);
  const from = w.exchanges.length;

  const g = await gate(w.env["TRUSTHUB_API_URL"]!);
  const a = cli(["apply", w.dir, "--auto-approve"], runner(), { TRUSTHUB_API_URL: g.url });
  await g.held; // A is writing: it holds the stack lock
  const b = await cli(["apply", w.dir, "--auto-approve"], runner()).done;
  g.open();
  const ra = await a.done;
  await g.close();

  expect(b.code, b.stdout + b.stderr).toBe(EXIT.locked);
  expect(b.stderr).toMatch(/stack AC\w+ is locked: held by \S+@\S+ \(pid \d+\)/);
  expect(ra.stderr).toBe("");
  expect(ra.code, ra.stdout).toBe(EXIT.ok);
  const created = w.exchanges
    .slice(from)
    .filter((e) => e.method === "POST" && e.path === "/v1/CustomerProfiles")
    .map((e) => e.form["FriendlyName"]);
  expect(created.sort()).toEqual(["Brand 0001", "Brand 0002"]);
  expect(writes(w.exchanges.slice(from)).length).toBeGreaterThan(0);

  const c = runner();
  const plan = await cli(["plan", w.dir, "--detailed-exitcode"], c).done;
  // Only the target line, naming the shared stack with the backend's password masked.
  expect(plan.stderr).toMatch(
    /^Target: emulator \S+ \(account AC\w+\); state: stack AC\w+ in postgres:\/\/[^\n]*\n$/,
  );
  expect(plan.stderr).toContain(":****@");
  expect(plan.stdout).toMatch(/No changes/);
  expect(plan.code).toBe(EXIT.ok);
  // The third runner kept no state of its own: it read the stack from PostgreSQL.
  expect(existsSync(join(c.cwd, ".trusthub", "state"))).toBe(false);

  for (const out of [init, ra, b, plan]) {
    expect(out.stdout + out.stderr).not.toContain(pg.password);
  }
}, 600_000);

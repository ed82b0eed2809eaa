/**
 * A plan reads a postgres:// stack straight from PostgreSQL (one SELECT,
 * src/state/postgres-state.ts), not through `pulumi stack export`: the
 * state is written by a real `trusthub apply` through the Pulumi CLI, then
 * read with a `pulumi` that fails and records every call. The direct read
 * gives the export's records, honours `table=`, picks the newest of
 * `.json` / `.json.gz` / `.json.zst` as Pulumi does, falls back on a row
 * it does not know, and refuses a corrupt blob naming the backend, password
 * masked.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync, zstdCompressSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportStack } from "../../src/apply/export.ts";
import { EXIT } from "../../src/errors.ts";
import { readManaged, recordsFrom, type StackExporter } from "../../src/state/pulumi-state.ts";
import { pulumiDir } from "../action/pulumi-dir.ts";
import { cli, startWorld, type World } from "../reliability/world.ts";
import { startPostgres, type Postgres } from "./postgres.ts";

let pg_: Postgres;
let w: World;
let db: pg.Client;
/** A `pulumi` that records its arguments and fails (but for `pulumi version`). */
let fakeBin: string;
let calls: string;

const runner = (): World => ({ ...w, cwd: mkdtempSync(join(tmpdir(), "trusthub-pgread-")) });
const stack = (): string =>
  w.conn.target.kind === "sandbox" ? "sandbox" : w.conn.target.accountSid;
const failing: StackExporter = () => Promise.reject(new Error("pulumi stack export was called"));

/** readManaged in-process against `url`, with the given exporter, collecting notes. */
async function read(url: string, exporter: StackExporter = failing) {
  const notes: string[] = [];
  const records = await readManaged({
    env: { ...w.env, PULUMI_BACKEND_URL: url },
    cwd: w.cwd,
    target: w.conn.target,
    exportStack: exporter,
    note: (l) => notes.push(l),
  });

  return { records, notes };
}

/** A copy of Pulumi's table under another name (same rows, same updated_at). */
async function copyTable(name: string): Promise<string> {
  await db.query(`CREATE TABLE ${name} AS SELECT * FROM pulumi_state`);
  return `${pg_.url}&table=${name}`;
}

/** Pulumi keys every blob under the URL's path, the database name. */
const checkpointKey = () =>
  `${new URL(pg_.url).pathname.slice(1)}/.pulumi/stacks/trusthub/${stack()}.json`;

beforeAll(async () => {
  pg_ = startPostgres(`r${process.pid}`);
  w = await startWorld({ secondaries: 2, submit: false });
  Object.assign(w.env, { PULUMI_BACKEND_URL: pg_.url, TRUSTHUB_PULUMI_BIN: pulumiDir() });
  const applied = await cli(["apply", w.dir, "--auto-approve"], runner()).done;
  expect(applied.code, applied.stdout + applied.stderr).toBe(EXIT.ok);
  db = new pg.Client({ connectionString: pg_.url });
  await db.connect();
  fakeBin = mkdtempSync(join(tmpdir(), "trusthub-fake-pulumi-"));
  calls = join(fakeBin, "calls.log");
  writeFileSync(
    join(fakeBin, "pulumi"),
    `#!/bin/sh\necho "$@" >> '${calls}'\n[ "$1" = version ] && echo v3.274.1 && exit 0\nexit 1\n`,
  );
  chmodSync(join(fakeBin, "pulumi"), 0o755);
}, 600_000);

afterAll(async () => {
  await db?.end();
  await w?.close();
  pg_?.stop();
});

it("plan reads the stack from PostgreSQL without starting pulumi", async () => {
  const plan = await cli(["plan", w.dir, "--detailed-exitcode"], runner(), {
    TRUSTHUB_PULUMI_BIN: fakeBin,
  }).done;
  expect(plan.stderr).toMatch(/^Target: [^\n]*state: stack AC\w+ in postgres:\/\/[^\n]*\n$/);
  expect(plan.stdout).toMatch(/No changes/);
  expect(plan.code).toBe(EXIT.ok);
  expect(existsSync(calls)).toBe(false);

  // The same plan with a URL the direct reader does not map goes to the (failing) pulumi.
  const other = await cli(["plan", w.dir], runner(), {
    TRUSTHUB_PULUMI_BIN: fakeBin,
    PULUMI_BACKEND_URL: `${pg_.url}&target_session_attrs=any`,
  }).done;
  expect(other.code).toBe(EXIT.error);
  expect(readFileSync(calls, "utf8")).toMatch(/^stack export --stack organization\/trusthub\/AC/m);
  expect(plan.stdout + plan.stderr + other.stdout + other.stderr).not.toContain(pg_.password);
}, 120_000);

it("gives the records `pulumi stack export` gives", async () => {
  const direct = await read(pg_.url);
  const exported = recordsFrom(
    ((await exportStack(w.env, w.cwd, pg_.url, stack())) ?? []) as Parameters<
      typeof recordsFrom
    >[0],
  );
  expect(Object.keys(exported).length).toBeGreaterThanOrEqual(2);
  expect(direct.records).toEqual(exported);
  expect(direct.notes).toEqual([]);
}, 120_000);

it("reads the table named by `table=`, and a stack missing there is no stack", async () => {
  const expected = (await read(pg_.url)).records;
  const url = await copyTable("custom_state");
  expect((await read(url)).records).toEqual(expected);
  await db.query(`DELETE FROM custom_state WHERE key LIKE '%/.pulumi/stacks/%'`);
  expect(await read(url)).toEqual({ records: {}, notes: [] });
  expect((await read(pg_.url)).records).toEqual(expected); // the default table is untouched
});

it("reads the newest of .json, .json.gz and .json.zst, as Pulumi does", async () => {
  const expected = (await read(pg_.url)).records;
  const url = await copyTable("gz_state");
  const row = await db.query<{ b: string }>(
    `SELECT data->>'data' AS b FROM gz_state WHERE key = $1`,
    [checkpointKey()],
  );
  const gz = gzipSync(Buffer.from(row.rows[0]!.b, "base64")).toString("base64");
  await db.query(
    `INSERT INTO gz_state (key, data, updated_at) VALUES ($1, json_build_object('data', $2::text), now() + interval '1 second')`,
    [`${checkpointKey()}.gz`, gz],
  );
  // The older plain checkpoint is garbage now: only the newer .gz can give the records.
  await db.query(
    `UPDATE gz_state SET data = json_build_object('data', 'bm90IGpzb24=') WHERE key = $1`,
    [checkpointKey()],
  );
  expect((await read(url)).records).toEqual(expected);

  const zst = zstdCompressSync(Buffer.from(row.rows[0]!.b, "base64")).toString("base64");
  await db.query(
    `INSERT INTO gz_state (key, data, updated_at) VALUES ($1, json_build_object('data', $2::text), now() + interval '2 seconds')`,
    [`${checkpointKey()}.zst`, zst],
  );
  await db.query(
    `UPDATE gz_state SET data = json_build_object('data', 'bm90IGd6') WHERE key = $1`,
    [`${checkpointKey()}.gz`],
  );
  expect((await read(url)).records).toEqual(expected);
});

it("falls back to `pulumi stack export` on a row in a shape it does not know, and says so", async () => {
  const url = await copyTable("odd_state");
  await db.query(
    `UPDATE odd_state SET data = json_build_object('data', data->>'data', 'encoding', 'zz') WHERE key = $1`,
    [checkpointKey()],
  );
  const seen: string[] = [];
  const exporter: StackExporter = (_env, _cwd, backend, s) => {
    seen.push(`${backend} ${s}`);
    return Promise.resolve([]);
  };
  const r = await read(url, exporter);
  expect(seen).toEqual([`${url} ${stack()}`]);
  expect(r.records).toEqual({});
  expect(r.notes).toHaveLength(1);
  expect(r.notes[0]).toMatch(/through `pulumi stack export`: .*odd_state.* not in the format/);
  expect(r.notes[0]).toContain(":****@");
  expect(r.notes[0]).not.toContain(pg_.password);
});

it("refuses a corrupt checkpoint blob, naming the backend with its password masked", async () => {
  const url = await copyTable("bad_state");
  await db.query(
    `UPDATE bad_state SET data = json_build_object('data', encode(convert_to('{"checkpoint": {"latest": [', 'UTF8'), 'base64')) WHERE key = $1`,
    [checkpointKey()],
  );
  await expect(read(url)).rejects.toMatchObject({
    code: "state/corrupt",
    message: expect.stringMatching(
      /checkpoint .*\.json in postgres:\/\/trusthub:\*\*\*\*@.*bad_state.* is corrupt/,
    ),
  });
  // Not base64 (Go's encoder writes none of these characters): refused too, not skipped over.
  const url2 = await copyTable("bad64_state");
  await db.query(`UPDATE bad64_state SET data = '{"data":"e30=@@@@"}' WHERE key = $1`, [
    checkpointKey(),
  ]);
  await expect(read(url2)).rejects.toThrow(/bad64_state.* is corrupt \(not base64\)/);
  const plan = await cli(["plan", w.dir], runner(), {
    TRUSTHUB_PULUMI_BIN: fakeBin,
    PULUMI_BACKEND_URL: url,
  }).done;
  expect(plan.code).toBe(EXIT.error);
  expect(plan.stderr).toMatch(/is corrupt \(not valid JSON/);
  expect(plan.stdout + plan.stderr).not.toContain(pg_.password);
}, 120_000);

it("a backend with no meta.yaml is read without Pulumi when it holds no such stack", async () => {
  await db.query(`CREATE TABLE empty_state AS SELECT * FROM pulumi_state WITH NO DATA`);
  expect(await read(`${pg_.url}&table=empty_state`)).toEqual({ records: {}, notes: [] });

  // A legacy layout (no meta.yaml, `.pulumi/stacks/<stack>.json`): left to Pulumi.
  const url = await copyTable("legacy_state");
  const prefix = new URL(pg_.url).pathname.slice(1);
  await db.query(`DELETE FROM legacy_state WHERE key = $1`, [`${prefix}/.pulumi/meta.yaml`]);
  await db.query(`UPDATE legacy_state SET key = $1 WHERE key = $2`, [
    `${prefix}/.pulumi/stacks/${stack()}.json`,
    checkpointKey(),
  ]);
  const seen: string[] = [];
  const r = await read(url, (_env, _cwd, _backend, s) => {
    seen.push(s);
    return Promise.resolve(undefined);
  });
  expect(seen).toEqual([stack()]);
  expect(r).toEqual({ records: {}, notes: [] }); // routine: a note only with TRUSTHUB_DEBUG
});

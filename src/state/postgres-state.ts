/**
 * A stack's checkpoint read straight from Pulumi's postgres:// backend, with
 * one SELECT (node-postgres), instead of starting `pulumi stack export`
 * (about 1.5 s at 1,000 profiles, most of it the CLI).
 *
 * The layout is Pulumi's DIY backend (pulumi v3.274.1, pkg/backend/diy): a
 * blob store whose rows (postgres/bucket.go, schema.sql) are `key TEXT`,
 * `data JSON` = {"data": "<base64 of the blob>"} and `updated_at`. The blob
 * `<database>/.pulumi/meta.yaml` (every key starts with the URL's path,
 * src/state/postgres-url.ts) holds `version: 1` for project-scoped stacks, whose
 * checkpoint is `<database>/.pulumi/stacks/<project>/<stack>.json`, `.json.gz` or
 * `.json.zst`; Pulumi reads the most recently updated of the three
 * (state.go stackPath). The blob is scanned like the file backend's
 * checkpoint (src/state/checkpoint-scan.ts). A backend with no meta.yaml and
 * no such stack in either layout (meta.go: a new one) holds no such stack.
 *
 * Anything unexpected (the URL, the layout, a row in another shape, a failed
 * connection) is not guessed at: the answer is `fallback` with the reason,
 * and the caller runs `pulumi stack export`. A blob in the known shape that
 * does not decode is an error naming the backend (password masked).
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import * as zlib from "node:zlib";
import { UserError } from "../errors.ts";
import { redactBackendUrl } from "./backend-url.ts";
import { CheckpointScanner, type ScannedResource } from "./checkpoint-scan.ts";
import { pgTarget, type PgTarget } from "./postgres-url.ts";

type Env = Record<string, string | undefined>;

export type PostgresRead =
  | { kind: "resources"; resources: ScannedResource[] }
  /** The backend holds project-scoped stacks, and not this one. */
  | { kind: "absent" }
  /** Read through `pulumi stack export` instead; `unexpected` when the user should hear why. */
  | { kind: "fallback"; why: string; unexpected: boolean };

const META = ".pulumi/meta.yaml";
const CHUNK = 1 << 16;
const PLAIN_START = '{"data":"';

interface Row {
  key: string;
  data: string | null;
}

export async function readPostgresStack(
  env: Env,
  url: string,
  project: string,
  stack: string,
): Promise<PostgresRead> {
  if (!/^[\w.-]+$/.test(stack)) return quiet(`the stack name ${stack} is not a plain name`);
  const target = pgTarget(url, env, existsSync(join(homedir(), ".postgresql", "root.crt")));
  if (typeof target === "string") return quiet(target);
  const metaKey = `${target.prefix}${META}`;
  const variants = (b: string) => [b, `${b}.gz`, `${b}.zst`];
  const checkpoints = variants(`${target.prefix}.pulumi/stacks/${project}/${stack}.json`);
  // Where a legacy (version 0, no meta.yaml) backend would keep it: only whether it is there.
  const legacy = variants(`${target.prefix}.pulumi/stacks/${stack}.json`);
  let rows: Row[];
  try {
    rows = await select(target, metaKey, [metaKey, ...legacy], checkpoints);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // The table does not exist yet: Pulumi creates it on first use.
    if (code === "42P01") return quiet(`table ${target.table} does not exist yet`);
    const why = e instanceof Error ? e.message : String(e);
    return { kind: "fallback", why: `PostgreSQL: ${mask(why, target)}`, unexpected: true };
  }
  const where = `${redactBackendUrl(url)} (table ${target.table})`;
  const meta = rows.find((r) => r.key === metaKey);
  if (!meta) {
    // No meta.yaml and the stack in neither layout: Pulumi finds no stack either.
    if (rows.length === 0) return { kind: "absent" };
    return quiet(`${where} has no ${metaKey} (a legacy layout)`);
  }
  const metaBlob = envelope(meta);
  if (metaBlob === undefined) return odd(`${metaKey} in ${where}`);
  const version = /^version:\s*(\d+)\s*$/m.exec(decode(metaBlob, metaKey, where).toString("utf8"));
  if (version?.[1] !== "1") return quiet(`${metaKey} in ${where} is not version 1`);

  const row = rows.find((r) => checkpoints.includes(r.key) && r.data !== null);
  if (!row) return { kind: "absent" };
  const blob = envelope(row);
  if (blob === undefined) return odd(`${row.key} in ${where}`);
  let bytes = decode(blob, row.key, where);
  if (row.key.endsWith(".gz") || row.key.endsWith(".zst")) {
    const zstd = (zlib as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync;
    if (row.key.endsWith(".zst") && !zstd) return quiet("this Node has no zstd");
    try {
      bytes = row.key.endsWith(".gz") ? zlib.gunzipSync(bytes) : zstd!(bytes);
    } catch (e) {
      throw corrupt(row.key, where, e instanceof Error ? e.message : String(e));
    }
  }
  return { kind: "resources", resources: scan(bytes, row.key, where) };
}

/**
 * The rows of `others` (only meta.yaml with its data) and of the candidate
 * checkpoints, one round trip; only the newest checkpoint's data is sent
 * (ties: the last key, as in Pulumi's listing order).
 */
async function select(
  target: PgTarget,
  metaKey: string,
  others: string[],
  checkpoints: string[],
): Promise<Row[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client(target.connection);
  client.on("error", () => undefined); // a dropped connection after the query: nothing to do
  await client.connect();
  try {
    const res = await client.query<Row>({
      text:
        `SELECT key, CASE WHEN key = $1 OR (key = ANY($3::text[]) AND row_number() OVER ` +
        `(PARTITION BY key = ANY($3::text[]) ORDER BY updated_at DESC, key DESC) = 1) ` +
        `THEN data::text END AS data FROM ${target.table} ` +
        `WHERE key = ANY($2::text[]) OR key = ANY($3::text[])`,
      values: [metaKey, others, checkpoints],
    });
    return res.rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The base64 text of a row in Pulumi's shape ({"data": "<base64>"} and nothing else), else undefined. */
function envelope(row: Row): string | undefined {
  const text = row.data ?? "";
  // As Go's json.Marshal writes it (a JSON column keeps the text): no parse of megabytes needed.
  const n = text.length;
  if (text.startsWith(PLAIN_START) && text.endsWith('"}') && text.indexOf('"', 9) === n - 2) {
    return text.slice(PLAIN_START.length, -2);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  const data = (v as { data?: unknown }).data;
  return keys.length === 1 && typeof data === "string" ? data : undefined;
}

/** Standard base64 with padding, as Go's StdEncoding; Node skips other characters, so they shorten the result. */
function decode(text: string, key: string, where: string): Buffer {
  const bytes = Buffer.from(text, "base64");
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  if (
    text.length % 4 !== 0 ||
    bytes.length !== (text.length / 4) * 3 - pad ||
    text.includes("-") ||
    text.includes("_")
  ) {
    throw corrupt(key, where, "not base64");
  }
  return bytes;
}

function scan(bytes: Buffer, key: string, where: string): ScannedResource[] {
  const scanner = new CheckpointScanner();
  const decoder = new StringDecoder("utf8");
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      scanner.write(decoder.write(bytes.subarray(i, i + CHUNK)));
    }
    scanner.write(decoder.end());
    return scanner.end();
  } catch (e) {
    throw corrupt(key, where, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function corrupt(key: string, where: string, why: string): UserError {
  return new UserError(
    "state/corrupt",
    `the Pulumi checkpoint ${key} in ${where} is corrupt (${why})`,
  );
}

function quiet(why: string): PostgresRead {
  return { kind: "fallback", why, unexpected: false };
}

function odd(what: string): PostgresRead {
  return {
    kind: "fallback",
    why: `${what} is not in the format this version knows`,
    unexpected: true,
  };
}

/** A driver message with the connection's password taken out, should it appear. */
function mask(text: string, target: PgTarget): string {
  const p = target.connection.password;
  return (p ? text.split(p).join("****") : text).slice(0, 500);
}

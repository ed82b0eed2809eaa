/**
 * A private PostgreSQL server for a test file, started by the project's own
 * scripts/postgres.sh (it installs PostgreSQL first where it is missing and
 * the test runs as root): a fresh cluster in a temporary directory, stopped
 * again by stop(). Fails with the script's own error text when it cannot.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = join(import.meta.dirname, "..", "..", "scripts", "postgres.sh");

export interface Postgres {
  /** postgres://trusthub:<password>@127.0.0.1:<port>/<db>?sslmode=disable */
  url: string;
  password: string;
  /** e.g. "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)" */
  version: string;
  stop(): void;
}

function script(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync("bash", [SCRIPT, ...args], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) {
    throw new Error(`scripts/postgres.sh ${args.join(" ")} failed (exit ${r.status}): ${r.stderr}`);
  }
  return { stdout: r.stdout.trim(), stderr: r.stderr };
}

export function startPostgres(db = "trusthub"): Postgres {
  // As root the server runs as the `postgres` user: it must reach the directory.
  const dir = mkdtempSync(join(tmpdir(), "trusthub-pg-"));
  chmodSync(dir, 0o755);
  const cluster = join(dir, "cluster");
  const started = script(["start", "--dir", cluster, "--db", db]);
  const url = started.stdout;
  const version = /\(postgres \(PostgreSQL\) ([^\n]*)\)\n/.exec(started.stderr)?.[1] ?? "?";
  const password = decodeURIComponent(new URL(url).password);
  return {
    url,
    password,
    version: `PostgreSQL ${version}`,
    stop: () => {
      script(["stop", "--dir", cluster]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

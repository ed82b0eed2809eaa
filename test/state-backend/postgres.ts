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
  stop(): void;
}

function script(args: string[]): string {
  const r = spawnSync("bash", [SCRIPT, ...args], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) {
    throw new Error(`scripts/postgres.sh ${args.join(" ")} failed (exit ${r.status}): ${r.stderr}`);
  }
  return r.stdout.trim();
}

export function startPostgres(db = "trusthub"): Postgres {
  // As root the server runs as the `postgres` user: it must reach the directory.
  const dir = mkdtempSync(join(tmpdir(), "trusthub-pg-"));
  chmodSync(dir, 0o755);
  const cluster = join(dir, "cluster");
  const url = script(["start", "--dir", cluster, "--db", db]);
  const password = decodeURIComponent(new URL(url).password);
  return {
    url,
    password,
    stop: () => {
      script(["stop", "--dir", cluster]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where Pulumi's postgres:// backend keeps its blobs, worked out from the
 * backend URL the way the Pulumi CLI does (pkg/backend/diy/postgres/bucket.go
 * of pulumi v3.274.1): the `table` query parameter names the table (default
 * `pulumi_state`) and is removed; the rest of the URL goes to the Go driver
 * lib/pq (v1.12), whose defaults differ from node-postgres' (no `sslmode`
 * means `require`, not plain text). The DIY backend itself keys every blob
 * under the URL's path (the database name). Pure.
 *
 * Only URLs whose every part we can map exactly are read directly; for any
 * other (a Unix socket or several hosts, sslmode verify-*, allow or prefer,
 * client certificates, any parameter not listed here) the answer is a
 * reason, and the caller reads the stack through `pulumi stack export`.
 */
type Env = Record<string, string | undefined>;

export const DEFAULT_TABLE = "pulumi_state";

/** What node-postgres' Client needs, every field explicit (its own env defaults are not used). */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl: false | { rejectUnauthorized: false };
  connectionTimeoutMillis: number;
  application_name?: string;
}

export interface PgTarget {
  connection: PgConnection;
  /** Interpolated into SQL as Pulumi does; checked to be a plain (optionally schema-qualified) name. */
  table: string;
  /**
   * What every key starts with: Pulumi's DIY backend keeps a non-file
   * bucket's blobs under the URL's path (backend.go: PrefixedBucket), which
   * for postgres:// is the database name, e.g. `trusthub/`.
   */
  prefix: string;
}

const KNOWN_PARAMS = new Set(["table", "sslmode", "connect_timeout", "application_name"]);
const TABLE = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/;
/** libpq variables that would make lib/pq connect differently from what is mapped here. */
const UNMAPPED_ENV = [
  "PGSERVICE",
  "PGSSLCERT",
  "PGSSLKEY",
  "PGSSLROOTCERT",
  "PGSSLNEGOTIATION",
  "PGTARGETSESSIONATTRS",
  "PGOPTIONS",
];
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://");
}

/**
 * The connection and table of a postgres:// backend URL, or why it is not
 * read directly. `hasRootCert` says whether ~/.postgresql/root.crt exists:
 * lib/pq then verifies the server even under sslmode=require.
 */
export function pgTarget(url: string, env: Env, hasRootCert: boolean): PgTarget | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "the backend URL does not parse as a URL";
  }
  if (u.protocol !== "postgres:") return "not a postgres:// URL";
  const unknown = [...u.searchParams.keys()].filter((k) => !KNOWN_PARAMS.has(k));
  if (unknown.length > 0) return `URL parameter ${unknown.join(", ")} is passed to lib/pq as is`;
  for (const k of UNMAPPED_ENV) if (env[k]) return `${k} is set`;

  const rawHost = u.hostname;
  if (rawHost === "" || rawHost.includes("%") || rawHost.includes(",")) {
    return "the URL names no single TCP host";
  }
  const host = rawHost.startsWith("[") ? rawHost.slice(1, -1) : rawHost;
  const portText = u.port || env["PGPORT"] || "5432";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) return "the port is not a number";

  const user = u.username ? decodeURIComponent(u.username) : env["PGUSER"];
  if (!user) return "the URL names no user";
  const password = u.password ? decodeURIComponent(u.password) : env["PGPASSWORD"];
  const path = decodeURIComponent(u.pathname.replace(/^\//, ""));
  const database = path || env["PGDATABASE"];
  if (!database) return "the URL names no database";

  const table = u.searchParams.get("table") || DEFAULT_TABLE;
  if (!TABLE.test(table)) return "the table name is not a plain identifier";

  const mode = u.searchParams.get("sslmode") ?? env["PGSSLMODE"] ?? "require";
  let ssl: PgConnection["ssl"];
  if (mode === "disable") ssl = false;
  else if (mode === "require" && !hasRootCert) ssl = { rejectUnauthorized: false };
  else return `sslmode ${mode}${mode === "require" ? " with ~/.postgresql/root.crt" : ""}`;

  const timeoutText = u.searchParams.get("connect_timeout") ?? env["PGCONNECT_TIMEOUT"];
  let connectionTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MS;
  if (timeoutText !== undefined && timeoutText !== null) {
    if (!/^\d+$/.test(timeoutText)) return "connect_timeout is not a whole number";
    connectionTimeoutMillis = Number(timeoutText) * 1000; // 0: wait as long as it takes
  }
  const appName = u.searchParams.get("application_name") ?? env["PGAPPNAME"];
  return {
    connection: {
      host,
      port,
      user,
      ...(password !== undefined && { password }),
      database,
      ssl,
      connectionTimeoutMillis,
      ...(appName ? { application_name: appName } : {}),
    },
    table,
    prefix: prefixOf(u.pathname),
  };
}

/** Go's url.Path (decoded) without its leading slashes, plus a trailing one when not empty. */
function prefixOf(pathname: string): string {
  const p = decodeURIComponent(pathname).replace(/^\/+/, "");
  return p === "" || p.endsWith("/") ? p : `${p}/`;
}

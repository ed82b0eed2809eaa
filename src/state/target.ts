/**
 * Which Trust Hub the tool talks to: the one place that decides it, for
 * `plan`, `apply`, `status`, `import`, the `Pulumi.yaml` program and the
 * provider process. Pure: it reads an environment and starts nothing (the
 * embedded sandbox is started by src/workflow/target.ts when this says so).
 * - TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, or TWILIO_ACCOUNT_SID +
 *   TWILIO_API_KEY + TWILIO_API_SECRET: Twilio itself ("twilio"), or the
 *   emulator at TRUSTHUB_API_URL when that is set ("emulator");
 * - no credentials at all: the embedded sandbox ("sandbox").
 * Conflicting settings are refused, never resolved one way or the other:
 * an auth token together with an API key, TRUSTHUB_API_URL without
 * credentials or not an http(s) URL (or with a user or password in it),
 * TRUSTHUB_SANDBOX_ACCOUNT together with credentials, half a provider
 * hand-off. Errors name variables, never values. Credentials stay inside
 * the Connection: never printed, never stored.
 */
import { createHash } from "node:crypto";
import { UserError } from "../errors.ts";
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { CREDENTIAL_VARS, SANDBOX_ACCOUNT_VAR, SANDBOX_PARENT_VAR } from "./account-env.ts";

export const TWILIO_TRUSTHUB_URL = "https://trusthub.twilio.com";

type Env = Record<string, string | undefined>;

/** What the environment asks for: a connection, or the embedded sandbox (with a declared account's name). */
export type TargetSpec =
  { kind: "remote"; conn: Connection } | { kind: "sandbox"; account?: string; parent?: string };

const fail = (message: string, code = "target/credentials"): never => {
  throw new UserError(code, message);
};

function getter(env: Env): (name: string) => string | undefined {
  return (name) => {
    const v = env[name]?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
}

export function resolveTargetSpec(env: Env): TargetSpec {
  const get = getter(env);
  const apiUrl = get("TRUSTHUB_API_URL");
  const sandboxAccount = get(SANDBOX_ACCOUNT_VAR);
  const anyCredential = CREDENTIAL_VARS.some((n) => get(n) !== undefined);
  if (!anyCredential) {
    if (apiUrl !== undefined) {
      fail(
        "TRUSTHUB_API_URL is set but no credentials are: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) for that emulator",
      );
    }
    const parent = sandboxAccount === undefined ? undefined : get(SANDBOX_PARENT_VAR);
    return {
      kind: "sandbox",
      ...(sandboxAccount !== undefined && { account: sandboxAccount }),
      ...(parent !== undefined && { parent }),
    };
  }
  if (sandboxAccount !== undefined) {
    fail(
      `${SANDBOX_ACCOUNT_VAR} names an embedded-sandbox account, but Twilio credentials are set too: unset one of them`,
    );
  }
  const accountSid = get("TWILIO_ACCOUNT_SID");
  if (accountSid === undefined) {
    return fail("TWILIO_ACCOUNT_SID is not set (needed with any Twilio credentials)");
  }
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
    fail("TWILIO_ACCOUNT_SID is not an account SID (AC followed by 32 hex digits)");
  }
  const key = get("TWILIO_API_KEY");
  const secret = get("TWILIO_API_SECRET");
  const token = get("TWILIO_AUTH_TOKEN");
  let username: string;
  let password: string;
  if (key !== undefined || secret !== undefined) {
    if (token !== undefined) {
      fail(
        "both TWILIO_AUTH_TOKEN and an API key (TWILIO_API_KEY / TWILIO_API_SECRET) are set: set one way of signing in, not both",
      );
    }
    if (key === undefined || secret === undefined) {
      return fail(
        `${key === undefined ? "TWILIO_API_KEY" : "TWILIO_API_SECRET"} is not set (API keys need both TWILIO_API_KEY and TWILIO_API_SECRET)`,
      );
    }
    username = key;
    password = secret;
  } else if (token !== undefined) {
    username = accountSid;
    password = token;
  } else {
    return fail("TWILIO_AUTH_TOKEN is not set (or use TWILIO_API_KEY and TWILIO_API_SECRET)");
  }
  const target: TargetInfo =
    apiUrl !== undefined
      ? { kind: "emulator", url: checkUrl(apiUrl), accountSid }
      : { kind: "twilio", url: TWILIO_TRUSTHUB_URL, accountSid };
  return { kind: "remote", conn: { target, username, password } };
}

/** TRUSTHUB_API_URL (or `name`), checked: an http(s) base URL without user or password; no trailing slash. */
export function checkUrl(raw: string, name = "TRUSTHUB_API_URL"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      "TRUSTHUB_API_URL is not a URL (expected e.g. http://127.0.0.1:4010)",
      "target/url",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    fail(`${name} must be an http or https URL`, "target/url");
  }
  if (url.username !== "" || url.password !== "") {
    fail(
      `${name} must not hold a user or password: credentials go in TWILIO_* variables`,
      "target/url",
    );
  }
  if (url.search !== "" || url.hash !== "") {
    fail(`${name} must be a base URL (no ?query or #fragment)`, "target/url");
  }
  return raw.replace(/\/+$/, "");
}

/** A declared account's own account in the embedded sandbox: SID and token derived from its name. */
export function sandboxAccountFor(name: string): { sid: string; token: string } {
  const hex = createHash("sha256").update(`trusthub-sandbox-account:${name}`).digest("hex");
  return { sid: `AC${hex.slice(0, 32)}`, token: hex.slice(32, 64) };
}

/**
 * The hand-off from `trusthub apply` to its provider process: the connection
 * apply resolved travels in these variables (never in inputs, outputs, state
 * or the serialized provider), so the provider writes where the plan read.
 */
export const PROVIDER_ENV = {
  kind: "TRUSTHUB_PROVIDER_KIND",
  url: "TRUSTHUB_PROVIDER_URL",
  accountSid: "TRUSTHUB_PROVIDER_ACCOUNT_SID",
  username: "TRUSTHUB_PROVIDER_USERNAME",
  password: "TRUSTHUB_PROVIDER_PASSWORD",
} as const;

export function handOff(conn: Connection): Record<string, string> {
  return {
    [PROVIDER_ENV.kind]: conn.target.kind,
    [PROVIDER_ENV.url]: conn.target.url,
    [PROVIDER_ENV.accountSid]: conn.target.accountSid,
    [PROVIDER_ENV.username]: conn.username,
    [PROVIDER_ENV.password]: conn.password,
  };
}

/**
 * The provider process's connection: apply's hand-off when present (all of
 * it), else the same resolution as every command (`pulumi up` through
 * `Pulumi.yaml`: TRUSTHUB_API_URL is honoured). The embedded sandbox lives
 * inside `trusthub apply` only, so without credentials this refuses.
 */
export function providerConnection(env: Env): Connection {
  const get = getter(env);
  const names = Object.values(PROVIDER_ENV);
  const set = names.filter((n) => get(n) !== undefined);
  if (set.length > 0) {
    if (set.length !== names.length) {
      fail(
        `the provider hand-off is incomplete (${names.filter((n) => !set.includes(n)).join(", ")} not set): run the provider through \`trusthub apply\``,
      );
    }
    const kind = get(PROVIDER_ENV.kind);
    if (kind !== "twilio" && kind !== "emulator" && kind !== "sandbox") {
      fail(`${PROVIDER_ENV.kind} must be twilio, emulator or sandbox`);
    }
    return {
      target: {
        kind: kind as TargetInfo["kind"],
        url: checkUrl(get(PROVIDER_ENV.url)!, PROVIDER_ENV.url),
        accountSid: get(PROVIDER_ENV.accountSid)!,
      },
      username: get(PROVIDER_ENV.username)!,
      password: get(PROVIDER_ENV.password)!,
    };
  }
  const spec = resolveTargetSpec(env);
  if (spec.kind === "sandbox") {
    return fail(
      "the Trust Hub provider has no credentials: run it through `trusthub apply`, or set " +
        "TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET), and TRUSTHUB_API_URL for an emulator",
    );
  }
  return spec.conn;
}

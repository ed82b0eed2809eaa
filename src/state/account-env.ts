/**
 * The environment one account's commands run with. A declared account
 * (`account:` in YAML) names the variables that hold its credentials; they
 * are copied onto the standard names resolveTarget reads (TWILIO_ACCOUNT_SID,
 * TWILIO_AUTH_TOKEN or TWILIO_API_KEY + TWILIO_API_SECRET, TRUSTHUB_API_URL),
 * and the default account's own credentials are removed so they can never
 * leak into another account. TRUSTHUB_STACK applies to the default account
 * only (each account has its own stack: its SID).
 *
 * When no Twilio credentials are set at all (the embedded sandbox), a
 * declared account whose variables are unset too becomes its own sandbox
 * account (TRUSTHUB_SANDBOX_ACCOUNT, stack `sandbox-<name>`).
 * Errors name variables, never values.
 */
import { UserError } from "../errors.ts";
import type { AccountRef } from "../model/config.ts";

type Env = Record<string, string | undefined>;

/** The variables that hold Twilio credentials (an auth token or an API key). */
export const CREDENTIAL_VARS = [
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_API_KEY",
  "TWILIO_API_SECRET",
] as const;

const STANDARD = [
  ...CREDENTIAL_VARS,
  "TRUSTHUB_API_URL",
  "TRUSTHUB_STACK",
  "TRUSTHUB_SANDBOX_ACCOUNT",
  "TRUSTHUB_SANDBOX_PARENT",
] as const;

export const SANDBOX_ACCOUNT_VAR = "TRUSTHUB_SANDBOX_ACCOUNT";
/** In the embedded sandbox: the account is a subaccount of this declared account. */
export const SANDBOX_PARENT_VAR = "TRUSTHUB_SANDBOX_PARENT";

export function accountEnv(env: Env, account: AccountRef): Env {
  if (account.source === undefined && account.accountSidEnv === undefined) return env;
  const get = (name: string | undefined): string | undefined => {
    const v = name === undefined ? undefined : env[name]?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const out: Env = { ...env };
  for (const n of STANDARD) delete out[n];
  const fail = (msg: string): never => {
    throw new UserError("target/credentials", `account ${account.name}: ${msg}`);
  };
  const vars = [
    account.accountSidEnv,
    account.authTokenEnv,
    account.apiKeyEnv,
    account.apiSecretEnv,
    account.apiUrlEnv,
  ];
  const anyDefault = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY"].some(
    (n) => get(n) !== undefined,
  );
  if (!anyDefault && vars.every((v) => get(v) === undefined)) {
    out[SANDBOX_ACCOUNT_VAR] = account.name;
    if (account.parent !== undefined) out[SANDBOX_PARENT_VAR] = account.parent;
    out["TRUSTHUB_STACK"] = `sandbox-${account.name}`;
    return out;
  }
  const sid = get(account.accountSidEnv);
  if (sid === undefined) fail(`${account.accountSidEnv ?? "accountSidEnv"} is not set`);
  out["TWILIO_ACCOUNT_SID"] = sid;
  const key = get(account.apiKeyEnv);
  const secret = get(account.apiSecretEnv);
  const token = get(account.authTokenEnv);
  if (key !== undefined || secret !== undefined) {
    if (key === undefined)
      fail(`${account.apiKeyEnv ?? "apiKeyEnv"} is not set (needed with its API secret)`);
    if (secret === undefined)
      fail(`${account.apiSecretEnv ?? "apiSecretEnv"} is not set (needed with its API key)`);
    out["TWILIO_API_KEY"] = key;
    out["TWILIO_API_SECRET"] = secret;
  } else if (token !== undefined) {
    out["TWILIO_AUTH_TOKEN"] = token;
  } else {
    const names = [account.authTokenEnv, account.apiKeyEnv].filter(Boolean).join(" or ");
    fail(
      names === ""
        ? "declares no credential variable: set authTokenEnv, or apiKeyEnv and apiSecretEnv"
        : `${names} is not set`,
    );
  }
  if (account.apiUrlEnv !== undefined) {
    const url = get(account.apiUrlEnv);
    if (url === undefined) fail(`${account.apiUrlEnv} is not set`);
    out["TRUSTHUB_API_URL"] = url;
  }
  return out;
}

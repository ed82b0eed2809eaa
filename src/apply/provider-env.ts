/**
 * The contract between the engine and the provider process: the target and
 * credentials travel in the provider's environment (never in inputs, outputs,
 * state or the serialized provider).
 */
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { loadEnv } from "../state/http.ts";

export const PROVIDER_ENV = {
  kind: "TRUSTHUB_PROVIDER_KIND",
  url: "TRUSTHUB_PROVIDER_URL",
  accountSid: "TRUSTHUB_PROVIDER_ACCOUNT_SID",
  username: "TRUSTHUB_PROVIDER_USERNAME",
  password: "TRUSTHUB_PROVIDER_PASSWORD",
} as const;

/** Environment variables that hand a connection to the provider process. */
export function providerEnv(conn: Connection): Record<string, string> {
  return {
    [PROVIDER_ENV.kind]: conn.target.kind,
    [PROVIDER_ENV.url]: conn.target.url,
    [PROVIDER_ENV.accountSid]: conn.target.accountSid,
    [PROVIDER_ENV.username]: conn.username,
    [PROVIDER_ENV.password]: conn.password,
    // --parallelism / --max-rps: the provider process bounds its own requests the same way.
    ...loadEnv(),
  };
}

/**
 * The provider's connection: TRUSTHUB_PROVIDER_* (set by `trusthub apply`), else
 * the usual Twilio variables (for `pulumi up` run directly against Twilio).
 */
export function connectionFromEnv(env: Record<string, string | undefined>): Connection {
  const url = env[PROVIDER_ENV.url];
  const user = env[PROVIDER_ENV.username];
  const pass = env[PROVIDER_ENV.password];
  if (url && user && pass) {
    const kind = env[PROVIDER_ENV.kind];
    const target: TargetInfo = {
      kind: kind === "twilio" || kind === "sandbox" ? kind : "emulator",
      url,
      accountSid: env[PROVIDER_ENV.accountSid] || user,
    };
    return { target, username: user, password: pass };
  }
  const account = env["TWILIO_ACCOUNT_SID"];
  const key = env["TWILIO_API_KEY"];
  const secret = env["TWILIO_API_SECRET"];
  const token = env["TWILIO_AUTH_TOKEN"];
  if (account && ((key && secret) || token)) {
    return {
      target: { kind: "twilio", url: "https://trusthub.twilio.com", accountSid: account },
      username: key && secret ? key : account,
      password: key && secret ? secret : (token as string),
    };
  }
  throw new Error(
    "the Trust Hub provider has no credentials: run it through `trusthub apply`, or set " +
      "TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)",
  );
}

/**
 * apply's pre-flight: what would otherwise fail only after the plan was
 * printed and approved is checked first, once the target is known and before
 * anything is read or shown: the secrets passphrase (the embedded sandbox
 * generates one), the Pulumi CLI, the state backend (a file:// backend's
 * directory can be created) and the credentials (one cheap authenticated
 * request: the first customer profile, PageSize=1).
 */
import { UserError } from "../errors.ts";
import type { AccountRef } from "../model/config.ts";
import type { Connection } from "../model/trusthub.ts";
import { passphraseEnv, readyBackend } from "../apply/engine-env.ts";
import { findPulumiCliSoon } from "../apply/pulumi-bin.ts";
import { createClient } from "../state/client.ts";
import { describeFailure } from "../state/failure.ts";

type Env = Record<string, string | undefined>;

export async function preflight(
  conn: Connection,
  env: Env,
  cwd: string,
  account?: AccountRef,
): Promise<void> {
  passphraseEnv(env, cwd, conn.target);
  await findPulumiCliSoon(env);
  readyBackend(env, cwd);
  await checkCredentials(conn, account);
}

/** GET /v1/CustomerProfiles?PageSize=1: a 401/403 names the variables to check. */
export async function checkCredentials(conn: Connection, account?: AccountRef): Promise<void> {
  const client = createClient(conn);
  try {
    await client.trusthub.v1.customerProfiles.page({ pageSize: 1 });
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    const where = `${conn.target.url} (account ${conn.target.accountSid})`;
    if (status === 401 || status === 403) {
      throw new UserError(
        "target/credentials",
        `Trust Hub at ${where} refused the credentials (HTTP ${status}): check ${credentialVars(account)}`,
      );
    }
    throw new UserError(
      "target/unreachable",
      `pre-flight request GET /v1/CustomerProfiles to ${where}: ${describeFailure(e)}`,
    );
  }
}

/** The variables that hold an account's credentials: its account: block's names, else the standard ones. */
function credentialVars(account: AccountRef | undefined): string {
  if (account?.accountSidEnv !== undefined) {
    const secret =
      account.apiKeyEnv !== undefined
        ? `${account.apiKeyEnv} and ${account.apiSecretEnv ?? "apiSecretEnv"}`
        : (account.authTokenEnv ?? "authTokenEnv");
    return `${account.accountSidEnv} and ${secret} (account ${account.name})`;
  }
  return "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)";
}

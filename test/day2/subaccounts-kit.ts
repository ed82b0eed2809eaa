/** Emulator accounts, `account` blocks and live reads for the subaccount tests. */
import type { Connection } from "../../src/model/trusthub.ts";
import { createClient } from "../../src/state/client.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";

/** A fixed emulator account: SID AC<n padded>, a 32-character token. */
export const acct = (n: number) => ({
  sid: `AC${String(n).padStart(32, "0")}`,
  token: `token${n}`.padEnd(32, "x"),
});

/** The variable-name stem of an account: sub-a -> SUB_A. */
export const upper = (name: string) => name.toUpperCase().replace(/-/g, "_");

/** The YAML `account` block: <NAME>_SID, <NAME>_TOKEN, the emulator at EMULATOR_URL. */
export function accountBlock(name: string, parent?: string): Record<string, string> {
  return {
    name,
    accountSidEnv: `${upper(name)}_SID`,
    authTokenEnv: `${upper(name)}_TOKEN`,
    apiUrlEnv: "EMULATOR_URL",
    ...(parent ? { parent } : {}),
  };
}

/** The profiles apply manages in an account: SID, status, owner and assigned object SIDs, by key. */
export async function liveProfiles(
  conn: Connection,
  env: Record<string, string>,
  cwd: string,
): Promise<Record<string, { sid: string; status: string; account: string; objects: string[] }>> {
  const records = await readManaged({ env, cwd, target: conn.target });
  const th = createClient(conn).trusthub.v1;
  const out: Awaited<ReturnType<typeof liveProfiles>> = {};
  for (const key of Object.keys(records).sort()) {
    const sid = records[key]!.profileSid;
    const p = await th.customerProfiles(sid).fetch();
    const assigned = await th.customerProfiles(sid).customerProfilesEntityAssignments.list();
    out[key] = {
      sid,
      status: p.status,
      account: p.accountSid,
      objects: assigned.map((a) => a.objectSid),
    };
  }
  return out;
}

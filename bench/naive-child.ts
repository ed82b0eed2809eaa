/**
 * The reference line (child process): a naive reader that refreshes every
 * object with its own request, the access pattern of the Twilio Terraform
 * provider's refresh: for each profile in state, fetch the profile, list its
 * entity assignments, fetch each end user, the supporting document and the
 * address. Resources are refreshed `parallel` at a time (Terraform's default
 * -parallelism is 10), each resource's requests one after another.
 * Object SIDs come from the same state the planner reads (Pulumi checkpoint).
 * Input: $BENCH_ARGS = {url, sid, token, cwd, parallel}. Prints one JSON line.
 */
import { readManaged } from "../src/state/pulumi-state.ts";
import { createClient } from "../src/state/client.ts";
import * as w from "../src/apply/writer.ts";
import { connectionOf } from "./emu.ts";
import { pool } from "./pool.ts";

const args = JSON.parse(process.env["BENCH_ARGS"] ?? "{}") as {
  url: string;
  sid: string;
  token: string;
  cwd: string;
  parallel: number;
};
const conn = connectionOf(args.url, { sid: args.sid, token: args.token });
const started = performance.now();
const records = Object.values(await readManaged({ env: {}, cwd: args.cwd, target: conn.target }));
const c = createClient(conn);
let missing = 0;
const count = (found: unknown) => {
  if (!found) missing += 1;
};
const failures = await pool(records, args.parallel, async (r) => {
  count(await w.fetchProfile(c, r.profileSid));
  await w.listAssignments(c, r.profileSid);
  for (const sid of Object.values(r.endUsers)) if (sid) count(await w.fetchEndUser(c, sid));
  if (r.documentSid) count(await w.fetchDocument(c, r.documentSid));
  if (r.addressSid) count(await w.fetchAddress(c, conn.target.accountSid, r.addressSid));
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, profiles: records.length, missing, failures: failures.length, firstError: failures[0]?.error })}\n`,
);

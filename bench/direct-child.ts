/**
 * The direct-write floor (child process): the writes `trusthub apply` makes
 * for N new secondaries, sent straight through the official SDK with the same
 * code (the provider's reconcile(), then one evaluation per written profile,
 * as src/apply/submit.ts does) and the same concurrency as Pulumi's
 * --parallel, without plan, Pulumi engine or state. Prints one JSON line.
 * Input: $BENCH_ARGS = {url, sid, token, dir, primarySid, parallel}.
 */
import { loadConfig } from "../src/config/index.ts";
import { desiredBundle, policySidFor } from "../src/plan/desired.ts";
import { createClient } from "../src/state/client.ts";
import { configureLoad } from "../src/state/http.ts";
import { reconcile } from "../src/apply/reconcile.ts";
import { evaluate } from "../src/apply/writer.ts";
import { connectionOf } from "./emu.ts";
import { pool } from "./pool.ts";

const args = JSON.parse(process.env["BENCH_ARGS"] ?? "{}") as {
  url: string;
  sid: string;
  token: string;
  dir: string;
  primarySid: string;
  parallel: number;
};
const loaded = await loadConfig([args.dir], { env: {}, cwd: args.dir });
if (!loaded.config) throw new Error("bench config does not load");
// The same process-wide request limit as `trusthub apply --parallel N` sets (src/state/http.ts);
// without it the HTTP layer's default (10 in flight) would halve the floor's concurrency.
configureLoad({ parallelism: args.parallel });
const conn = connectionOf(args.url, { sid: args.sid, token: args.token });
const client = createClient(conn);
const bundles = loaded.config.secondaries.map((s) =>
  desiredBundle(s, { primarySid: args.primarySid }),
);
const started = performance.now();
let notCompliant = 0;
const failures = await pool(bundles, args.parallel, async (d) => {
  const r = await reconcile(client, conn.target, d, undefined);
  const ev = await evaluate(client, r.record.profileSid, policySidFor(d.kind));
  if (ev.status !== "compliant") notCompliant += 1;
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, profiles: bundles.length, failures: failures.length, notCompliant, firstError: failures[0]?.error })}\n`,
);

/**
 * The crash matrix for trust products (issue 14): a secondary (approved) with
 * an A2P messaging product and a SHAKEN/STIR product on one phone number. For
 * every write of the apply that creates the products, `trusthub apply` is
 * killed with SIGKILL (CLI, Pulumi engine and provider) right after Trust Hub
 * answered that write. A re-run must end with exactly two products, one A2P end
 * user, exact assignments and one channel endpoint, both submitted: an object
 * the crash left behind is adopted, never created twice. `--parallelism 1`
 * keeps the two products' writes in one order.
 * Needs the planner's trust product actions (src/plan, plan branch).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { createClient } from "../../src/state/client.ts";
import { managedProductsOf, readManaged } from "../../src/state/pulumi-state.ts";
import { cli, slot, startWorld, writes, type World } from "./world.ts";

const NUMBER = "+15005550199";
const TP = /^POST \/v1\/TrustProducts$/;
const TP_BV = /^POST \/v1\/TrustProducts\/BU\w+\/EntityAssignments$/;
/**
 * The writes in the order Pulumi carries them out with `--parallelism 1`: one product after the
 * other, A2P first (the registration order: since issue 15 the resources carry no serialized
 * provider, whose asynchronous serialization used to put SHAKEN/STIR first; the same every run).
 */
const STEPS: [string, RegExp][] = [
  ["create A2P product", TP],
  ["create A2P end user", /^POST \/v1\/EndUsers$/],
  ["assign end user", TP_BV],
  ["assign customer profile (A2P)", TP_BV],
  ["evaluate A2P", /^POST \/v1\/TrustProducts\/BU\w+\/Evaluations$/],
  ["submit A2P", /^POST \/v1\/TrustProducts\/BU\w+$/],
  ["create SHAKEN/STIR product", TP],
  ["assign customer profile (SHAKEN/STIR)", TP_BV],
  ["assign phone number", /^POST \/v1\/TrustProducts\/BU\w+\/ChannelEndpointAssignments$/],
  ["evaluate SHAKEN/STIR", /^POST \/v1\/TrustProducts\/BU\w+\/Evaluations$/],
  ["submit SHAKEN/STIR", /^POST \/v1\/TrustProducts\/BU\w+$/],
];

const args = (w: World) => ["apply", w.dir, "--auto-approve", "--parallelism", "1"];

/** A world whose secondary is approved and declares its products (first apply done). */
async function productWorld(): Promise<World> {
  const w = await startWorld({ secondaries: 1, submit: true });
  await w.ctl.createPhoneNumber({ phoneNumber: NUMBER });
  const file = join(w.dir, "brands.yaml");
  const text = readFileSync(file, "utf8").replace(
    "    submit: true\n",
    `    submit: true\n    phoneNumbers: ["${NUMBER}"]\n    trustProducts:\n      a2pMessaging: { companyType: private }\n      shakenStir: {}\n`,
  );
  writeFileSync(file, text);
  const first = await cli(args(w), w).done;
  expect(first.code).toBe(EXIT.blocked); // products wait for the profile's approval
  const c = createClient(w.conn);
  for (const p of await c.trusthub.v1.customerProfiles.list()) {
    if (p.status === "pending-review") await w.ctl.approve(p.sid);
  }
  w.exchanges.length = 0;
  return w;
}

describe("kill -9 right after each write of a trust product's creation", () => {
  const table = STEPS.map((s, i) => [i + 1, s[0], s[1]] as const);
  it.concurrent.each(table)(
    "write #%i (%s): the re-run ends with exactly one of everything",
    (k, _label, pattern) =>
      slot(async () => {
        const w = await productWorld();
        try {
          // 100 ms a request: Pulumi's save of a finished step lands before the next reply.
          await w.ctl.setFaults({ latencyMs: 100 });
          let seen = 0;
          let killedAt: string | undefined;
          let printedBefore = ""; // stdout as of the write before the kill point
          const run = cli(args(w), w);
          w.hooks.add((e) => {
            if (killedAt || e.method === "GET" || e.path.startsWith("/__sandbox")) return;
            if (e.status >= 300) return;
            if (++seen === k - 1) printedBefore = run.stdoutSoFar();
            if (seen !== k) return;
            killedAt = `${e.method} ${e.path}`;
            setImmediate(() => {
              try {
                process.kill(-run.pid, "SIGKILL");
              } catch {
                // already gone
              }
            });
          });
          const first = await run.done;
          expect(killedAt).toMatch(pattern);
          expect(first.code).not.toBe(EXIT.ok);
          w.hooks.clear();
          await w.ctl.resetFaults();
          // Per-step checkpoints: every product apply reported done one Twilio write before the
          // kill is in the state, under the SID it reported (the A2P product once SHAKEN/STIR
          // started). Not the last instant: Pulumi emits a step's outputs event before it saves
          // the step (engine/update.go, OnResourceStepPost).
          const doneLines = /^ {2}(\S+): \w+ done \((BU\w+)\)$/gm;
          if (k >= 7) expect([...first.stdout.matchAll(doneLines)].length).toBeGreaterThan(0);
          const finished = [...printedBefore.matchAll(doneLines)];
          const managed = await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target });
          const state = { ...managed, ...managedProductsOf(managed) };
          for (const [, key, sid] of finished) {
            const rec = state[key!] as { profileSid?: string; productSid?: string } | undefined;
            expect(rec?.productSid ?? rec?.profileSid).toBe(sid);
          }

          const again = await cli(args(w), w).done;
          if (again.code !== EXIT.ok)
            console.log(`write #${k}: state in ${w.cwd}\n${again.stdout}`);
          expect(again.stderr).toBe("");
          expect(again.code).toBe(EXIT.ok);
          const c = createClient(w.conn);
          const products = await c.trusthub.v1.trustProducts.list();
          expect(products.map((p) => p.status)).toEqual(["pending-review", "pending-review"]);
          const a2pUsers = (await c.trusthub.v1.endUsers.list()).filter(
            (u) => u.type === "us_a2p_messaging_profile_information",
          );
          expect(a2pUsers).toHaveLength(1);
          for (const p of products) {
            const bv = await c.trusthub.v1
              .trustProducts(p.sid)
              .trustProductsEntityAssignments.list();
            const objects = bv.map((a) => a.objectSid);
            expect(new Set(objects).size).toBe(objects.length);
            expect(objects.filter((s) => s.startsWith("BU"))).toHaveLength(1);
          }
          const ss = products.find((p) => p.friendlyName.includes("SHAKEN"))!;
          const ra = await c.trusthub.v1
            .trustProducts(ss.sid)
            .trustProductsChannelEndpointAssignment.list();
          expect(ra).toHaveLength(1);
          expect(writes(w.exchanges).filter((x) => TP.test(x))).toHaveLength(2);
        } finally {
          await w.close();
        }
      }),
    240_000,
  );
});

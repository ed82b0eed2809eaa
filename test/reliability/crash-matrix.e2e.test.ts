/**
 * No duplicates, ever: the crash matrix. For every write step in the creation
 * of a secondary profile (profile, three end users, address, document, five
 * entity assignments, its evaluation, submit), `trusthub apply` is killed
 * with SIGKILL (its whole process group: CLI, Pulumi engine and provider)
 * right after Trust Hub answered that write. A re-run of apply must then end
 * with exactly one profile and one of each of its objects, matching the YAML:
 * an object the crash left behind is adopted (the counts are exact, so a
 * leaked object fails the test), never created twice.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { planExitCode } from "../../src/plan/exit-code.ts";
import { createClient } from "../../src/state/client.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { cli, slot, startWorld, writes } from "./world.ts";

/** The writes of a fresh apply of one secondary (submit: true), in order. */
const STEPS: [string, RegExp][] = [
  ["create profile", /^POST \/v1\/CustomerProfiles$/],
  ["create end user: business information", /^POST \/v1\/EndUsers$/],
  ["create end user: representative 1", /^POST \/v1\/EndUsers$/],
  ["create end user: representative 2", /^POST \/v1\/EndUsers$/],
  ["create address", /^POST \/2010-04-01\/Accounts\/AC\w+\/Addresses\.json$/],
  ["create supporting document", /^POST \/v1\/SupportingDocuments$/],
  ["assign business information", /^POST \/v1\/CustomerProfiles\/BU\w+\/EntityAssignments$/],
  ["assign representative 1", /^POST \/v1\/CustomerProfiles\/BU\w+\/EntityAssignments$/],
  ["assign representative 2", /^POST \/v1\/CustomerProfiles\/BU\w+\/EntityAssignments$/],
  ["assign document", /^POST \/v1\/CustomerProfiles\/BU\w+\/EntityAssignments$/],
  ["assign primary profile", /^POST \/v1\/CustomerProfiles\/BU\w+\/EntityAssignments$/],
  ["evaluate secondary", /^POST \/v1\/CustomerProfiles\/BU\w+\/Evaluations$/],
  ["submit", /^POST \/v1\/CustomerProfiles\/BU\w+$/],
];

describe("kill -9 right after each write of a secondary's creation", () => {
  const table = STEPS.map((s, i) => [i + 1, s[0], s[1]] as const);
  it.concurrent.each(table)(
    "write #%i (%s): the re-run ends with exactly one of everything",
    (k, _label, pattern) =>
      slot(async () => {
        const w = await startWorld({ secondaries: 1, submit: true });
        try {
          // 100 ms a request: the state check below needs Pulumi's save of a finished step to
          // land before the next write's reply (a save takes milliseconds, more under load).
          await w.ctl.setFaults({ latencyMs: 100 });
          // The adopted primary's evaluation is not a step of the secondary's creation (and writes
          // nothing to it): not counted.
          const [primary] = await createClient(w.conn).trusthub.v1.customerProfiles.list();
          const primaryEvaluation = `/v1/CustomerProfiles/${primary!.sid}/Evaluations`;
          let seen = 0;
          let killedAt: string | undefined;
          let printedBefore = ""; // stdout as of the write before the kill point
          const run = cli(["apply", w.dir, "--auto-approve"], w);
          w.hooks.add((e) => {
            if (killedAt || e.method === "GET" || e.path.startsWith("/__sandbox")) return;
            if (e.status >= 300 || e.path === primaryEvaluation) return;
            if (++seen === k - 1) printedBefore = run.stdoutSoFar();
            if (seen !== k) return;
            killedAt = `${e.method} ${e.path}`;
            // After the reply is written: Trust Hub has done it, apply may not have recorded it.
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
          // Per-step checkpoints (on below 100 profiles): a profile apply reported done at
          // least one Twilio write (100 ms) before the kill is in the state, under its SID.
          // Not the lines printed in the last instant: Pulumi emits a step's outputs event
          // before it saves that step (engine/update.go, OnResourceStepPost), so a kill can land
          // between the two; the re-run below then adopts it without a duplicate.
          const doneLines = /^ {2}(\S+): \w+ done \((BU\w+)\)$/gm;
          if (k >= 12) expect([...first.stdout.matchAll(doneLines)]).toHaveLength(2);
          const state = await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target });
          for (const [, key, sid] of printedBefore.matchAll(doneLines)) {
            expect(state[key!]?.profileSid).toBe(sid);
          }
          w.hooks.clear();
          await w.ctl.resetFaults();

          const again = await cli(["apply", w.dir, "--auto-approve"], w).done;
          if (again.code !== EXIT.ok) console.log(`write #${k}: state in ${w.cwd}`);
          expect(again.stderr).toBe("");
          expect(again.code).toBe(EXIT.ok);
          expect(again.stdout).toMatch(/0 failed|Nothing to change/);
          // 1 primary + 1 secondary (3 end users each): nothing duplicated, nothing leaked.
          expect(await w.ctl.stats()).toMatchObject({
            profiles: 2,
            endUsers: 6,
            documents: 2,
            addresses: 2,
          });
          const c = createClient(w.conn);
          const profiles = await c.trusthub.v1.customerProfiles.list();
          const secondary = profiles.find((p) => p.friendlyName === "Brand 0000")!;
          expect(secondary.status).toBe("pending-review");
          const assigned = await c.trusthub.v1
            .customerProfiles(secondary.sid)
            .customerProfilesEntityAssignments.list();
          const objects = assigned.map((a) => a.objectSid);
          expect(new Set(objects).size).toBe(5);
          expect(objects.filter((s) => s.startsWith("IT"))).toHaveLength(3);
          expect(objects.filter((s) => s.startsWith("RD"))).toHaveLength(1);
          expect(objects.filter((s) => s.startsWith("BU"))).toHaveLength(1);
          // The account now matches the YAML: `plan --detailed-exitcode` would exit 0.
          const p = await preparePlan({ paths: [w.dir], env: w.env, cwd: w.cwd });
          await p.close();
          expect(planExitCode(p.plan, true)).toBe(EXIT.ok);
          // Every write of the re-run completed the bundle; none created a second profile.
          expect(writes(w.exchanges).filter((x) => x === "POST /v1/CustomerProfiles")).toHaveLength(
            1,
          );
        } finally {
          await w.close();
        }
      }),
    180_000,
  );
});

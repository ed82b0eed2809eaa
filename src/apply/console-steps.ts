/**
 * Against the embedded sandbox only: carry out the steps only the Twilio
 * Console can do (create a primary profile, submit it) through the sandbox
 * controls, so the quick start runs whole. Each one is reported as
 * "Console step, simulated by the sandbox". Never used against Twilio.
 */
import type { Config } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import type { Connection } from "../model/trusthub.ts";
import { desiredBundle } from "../plan/desired.ts";
import { createClient } from "../state/client.ts";
import { reconcile } from "./reconcile.ts";
import { fetchProfile } from "./writer.ts";
import { sandboxControls, type CreatePrimaryInput } from "../emulator/controls-client.ts";

/** Runs the primary's Console steps; returns the lines to print (empty: nothing done). */
export async function simulateConsoleSteps(
  conn: Connection,
  config: Config,
  plan: Plan,
): Promise<string[]> {
  const primary = config.primary;
  if (conn.target.kind !== "sandbox" || !primary) return [];
  const action = plan.actions.find((a) => a.key === primary.key);
  if (!action || action.consoleSteps.length === 0) return [];
  const controls = sandboxControls(conn.target.url, conn.username, conn.password);
  const say = (what: string) => `Console step, simulated by the sandbox: ${what}`;
  if (!action.sid) {
    const d = desiredBundle(primary, {});
    const attrs = (slot: string) => d.endUsers.find((u) => u.slot === slot)?.attributes;
    const input: CreatePrimaryInput = {
      type: primary.kind === "primary-individual" ? "individual" : "business",
      friendlyName: d.profile.friendlyName,
      email: d.profile.email,
      address: { ...d.address },
      submit: false,
      ...(d.profile.statusCallback ? { statusCallback: d.profile.statusCallback } : {}),
    };
    for (const slot of ["business", "representative1", "representative2", "individual"] as const) {
      const a = attrs(slot);
      if (a) input[slot] = a;
    }
    // A pinned SID is asked for; a sandbox that cannot honour it assigns its own.
    const created = await controls.createPrimary({
      ...input,
      ...(primary.sid ? { sid: primary.sid } : {}),
    });
    // The Console names objects its own way: bring them to the YAML (still a draft), then submit.
    await reconcile(createClient(conn), conn.target, d, undefined, { adoptSid: created.sid });
    const lines = [say(`created primary profile ${primary.key} (${created.sid})`)];
    if (primary.sid && created.sid !== primary.sid) {
      lines.push(
        `  note: the YAML pins ${primary.key} to ${primary.sid}, which the sandbox could not reuse; ` +
          `remove that \`sid:\` (or pin ${created.sid}) to work against the sandbox`,
      );
    }
    if (primary.submit) {
      const p = await controls.setStatus(created.sid, "in-review");
      lines.push(say(`submitted ${primary.key} for review (now ${p.status})`));
    }
    return lines;
  }
  // An existing primary with fields to write is submitted after the update (submitPrimaryAfter).
  if (action.changes.length > 0) return [];
  if (primary.submit && (action.status === "draft" || action.status === "twilio-rejected")) {
    const p = await controls.setStatus(action.sid, "in-review");
    return [
      say(`submitted primary profile ${primary.key} (${action.sid}) for review (now ${p.status})`),
    ];
  }
  return [];
}

/** After the writes (sandbox only): submit a primary whose fields were just updated, as the Console would. */
export async function submitPrimaryAfter(
  conn: Connection,
  config: Config,
  plan: Plan,
): Promise<string[]> {
  const primary = config.primary;
  if (conn.target.kind !== "sandbox" || !primary?.submit) return [];
  const action = plan.actions.find((a) => a.key === primary.key);
  if (!action?.sid || action.changes.length === 0 || action.consoleSteps.length === 0) return [];
  const live = await fetchProfile(createClient(conn), action.sid);
  if (!live || (live.status !== "draft" && live.status !== "twilio-rejected")) return [];
  const controls = sandboxControls(conn.target.url, conn.username, conn.password);
  const p = await controls.setStatus(action.sid, "in-review");
  return [
    `Console step, simulated by the sandbox: submitted primary profile ${primary.key} (${action.sid}) for review (now ${p.status})`,
  ];
}

/**
 * Against the embedded sandbox only: carry out the steps only the Twilio
 * Console can do (create a primary profile, submit it) through the sandbox
 * controls, so the quick start runs whole. They are planned steps: the plan
 * shows them (plannedConsoleSteps), and apply runs them only after approval.
 * Each one is reported as "Console step, simulated by the sandbox". Never
 * used against Twilio. The controls are handed in (src/workflow/target.ts).
 */
import type { Config } from "../model/config.ts";
import type { Plan } from "../model/plan.ts";
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { desiredBundle } from "../plan/desired.ts";
import { createClient } from "../state/client.ts";
import { reconcile } from "./reconcile.ts";
import { fetchProfile } from "./writer.ts";

/** What the sandbox's Console controls are asked for (the emulator's /__sandbox API). */
export interface PrimaryDraft {
  type: "business" | "individual";
  sid?: string;
  friendlyName: string;
  email: string;
  statusCallback?: string;
  business?: Record<string, unknown>;
  representative1?: Record<string, unknown>;
  representative2?: Record<string, unknown>;
  individual?: Record<string, unknown>;
  address: Record<string, unknown>;
  submit: boolean;
}

export interface ConsoleSimulator {
  createPrimary(input: PrimaryDraft): Promise<{ sid: string }>;
  setStatus(profileSid: string, status: "in-review"): Promise<{ status: string }>;
}

/**
 * The Console steps apply will simulate against this target, as plan lines
 * (empty: none; always empty against Twilio or an emulator).
 */
export function plannedConsoleSteps(target: TargetInfo, config: Config, plan: Plan): string[] {
  const primary = config.primary;
  if (target.kind !== "sandbox" || !primary) return [];
  const action = plan.actions.find((a) => a.key === primary.key);
  if (!action || action.consoleSteps.length === 0) return [];
  if (!action.sid) {
    return [
      `create the primary profile ${primary.key} with the values of this plan`,
      ...(primary.submit ? [`submit ${primary.key} for review`] : []),
    ];
  }
  const editable = action.status === "draft" || action.status === "twilio-rejected";
  return primary.submit && editable ? [`submit the primary profile ${primary.key} for review`] : [];
}

/** Runs the primary's Console steps; returns the lines to print (empty: nothing done). */
export async function simulateConsoleSteps(
  conn: Connection,
  controls: ConsoleSimulator,
  config: Config,
  plan: Plan,
): Promise<string[]> {
  const primary = config.primary;
  if (conn.target.kind !== "sandbox" || !primary) return [];
  const action = plan.actions.find((a) => a.key === primary.key);
  if (!action || action.consoleSteps.length === 0) return [];
  const say = (what: string) => `Console step, simulated by the sandbox: ${what}`;
  if (!action.sid) {
    const d = desiredBundle(primary, {});
    const attrs = (slot: string) => d.endUsers.find((u) => u.slot === slot)?.attributes;
    const input: PrimaryDraft = {
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
  controls: ConsoleSimulator,
  config: Config,
  plan: Plan,
): Promise<string[]> {
  const primary = config.primary;
  if (conn.target.kind !== "sandbox" || !primary?.submit) return [];
  const action = plan.actions.find((a) => a.key === primary.key);
  if (!action?.sid || action.changes.length === 0 || action.consoleSteps.length === 0) return [];
  const live = await fetchProfile(createClient(conn), action.sid);
  if (!live || (live.status !== "draft" && live.status !== "twilio-rejected")) return [];
  const p = await controls.setStatus(action.sid, "in-review");
  return [
    `Console step, simulated by the sandbox: submitted primary profile ${primary.key} (${action.sid}) for review (now ${p.status})`,
  ];
}

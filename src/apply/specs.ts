/**
 * Plan -> the resources of the Pulumi program: one per profile bundle. Every
 * profile already in the stack is registered on every run (or Pulumi would
 * delete it); only profiles the plan writes get mode `apply`, the rest `hold`
 * (diff answers "no change", so skipped / immutable / untargeted profiles are
 * never touched). The desired and observed bundles are computed with the
 * planner's own functions, so the provider's diff equals the plan's.
 */
import type { Config, Profile } from "../model/config.ts";
import type { Plan, ProfileAction } from "../model/plan.ts";
import type { ObservedAccount } from "../model/trusthub.ts";
import { isImmutableStatus, POLICY_SIDS } from "../domain/twilio.ts";
import { desiredBundle } from "../plan/desired.ts";
import { declaredProfiles, matchProfiles } from "../plan/match.ts";
import { indexAccount, observedBundle } from "../plan/observed.ts";
import type { ProfileInputs } from "./inputs.ts";

const WRITES: ProfileAction["action"][] = ["create", "update", "adopt"];

/** Whether the plan asks apply to write this profile (fields, adoption or a pending submit). */
export function writes(a: ProfileAction): boolean {
  return WRITES.includes(a.action);
}

function primarySidFor(config: Config, account: ObservedAccount, plan: Plan): string | undefined {
  if (!config.primary && account.parentPrimary) return account.parentPrimary.sid;
  if (config.primary) {
    const a = plan.actions.find((x) => x.key === config.primary?.key);
    if (a?.sid) return a.sid;
    return account.managed[config.primary.key]?.profileSid;
  }
  const live = account.profiles.filter((p) => p.policySid === POLICY_SIDS.primaryBusiness);
  const ready = live.filter((p) => p.status === "twilio-approved" || p.status === "in-review");
  const pick = live.length === 1 ? live : ready;
  return pick.length === 1 ? pick[0]?.sid : undefined;
}

export function resourceSpecs(
  config: Config,
  account: ObservedAccount,
  plan: Plan,
): ProfileInputs[] {
  const profiles = new Map<string, Profile>(declaredProfiles(config).map((p) => [p.key, p]));
  const index = indexAccount(account);
  const matches = matchProfiles([...profiles.values()], index);
  const primarySid = primarySidFor(config, account, plan);
  const actions = new Map(plan.actions.map((a) => [a.key, a]));
  const specs: ProfileInputs[] = [];
  const keys = new Set([...actions.keys(), ...Object.keys(account.managed)]);
  for (const key of [...keys].sort()) {
    const action = actions.get(key);
    const profile = profiles.get(key);
    const managed = account.managed[key];
    const kind = profile?.kind ?? action?.kind ?? "secondary";
    // Pruned: no longer registered, so Pulumi deletes it (provider delete).
    if (action?.action === "delete") continue;
    if (!action || !profile || !writes(action)) {
      // Not written this run: keep what the stack has, untouched.
      if (managed) specs.push({ key, kind, mode: "hold" });
      continue;
    }
    const desired = desiredBundle(
      profile,
      profile.kind === "secondary" && primarySid ? { primarySid } : {},
    );
    const match = matches.get(key);
    const live = match?.sid ? observedBundle(index, match.sid, match.record) : undefined;
    const spec: ProfileInputs = {
      key,
      kind: profile.kind,
      mode: "apply",
      desired,
      observed: live ?? null,
    };
    if (!managed && action.sid) spec.adoptSid = action.sid;
    if (action.action === "adopt" && action.status && isImmutableStatus(action.status)) {
      spec.recordOnly = true;
    }
    specs.push(spec);
  }
  return specs;
}

/** Order of registration: the primary first (secondaries are assigned to it). */
export function primaryFirst(specs: ProfileInputs[]): ProfileInputs[] {
  return [...specs].sort(
    (a, b) => (a.kind === "secondary" ? 1 : 0) - (b.kind === "secondary" ? 1 : 0),
  );
}

/**
 * Profiles apply manages (a record in Pulumi state) that the YAML no longer
 * declares. Pruning is opt-in (Argo CD / Flux style): without `prune` they are
 * listed as unchanged with a warning and apply keeps them; with it, a draft or
 * rejected secondary becomes a `delete` (apply deletes the profile and the
 * objects it created for it). Never deleted, whatever the flag:
 *  - primaries (only the Console and Twilio Support remove them);
 *  - pending-review, in-review and twilio-approved profiles (Twilio refuses;
 *    Twilio Support must do it: the plan says so).
 * Live profiles apply never managed are not looked at here at all (hands-off:
 * only keys with a managed record can be pruned). Pure.
 */
import { isImmutableStatus, POLICY_SIDS } from "../domain/twilio.ts";
import type { ProfileKind } from "../model/config.ts";
import type { ProfileAction } from "../model/plan.ts";
import type { ManagedRecord } from "../model/trusthub.ts";
import type { AccountIndex } from "./observed.ts";

export const PRUNE_HINT = "run with --prune to delete";

function kindOf(policySid: string | undefined): ProfileKind {
  if (policySid === POLICY_SIDS.primaryBusiness) return "primary-business";
  if (policySid === POLICY_SIDS.primaryIndividual) return "primary-individual";
  return "secondary";
}

/** One action per managed key not in `declared`, sorted by key. */
export function undeclaredActions(
  index: AccountIndex,
  declared: Set<string>,
  /** Live SIDs declared profiles matched (pinned, managed or by name): never deleted. */
  claimed: Map<string, string>,
  prune: boolean,
): ProfileAction[] {
  const out: ProfileAction[] = [];
  const records = Object.values(index.account.managed).filter((r) => !declared.has(r.key));
  for (const record of records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    out.push(undeclared(index, record, claimed.get(record.profileSid), prune));
  }
  return out;
}

function undeclared(
  index: AccountIndex,
  record: ManagedRecord,
  claimedBy: string | undefined,
  prune: boolean,
): ProfileAction {
  const live = index.profiles.get(record.profileSid);
  const a: ProfileAction = {
    key: record.key,
    kind: kindOf(live?.policySid),
    action: "no-op",
    sid: record.profileSid,
    reasons: ["no longer declared in the YAML; apply manages it"],
    changes: [],
    submit: false,
    consoleSteps: [],
    notes: [],
  };
  const warn = (code: string, message: string): void =>
    void a.notes.push({ code, severity: "warning", message });
  if (live === undefined) {
    // Gone from Trust Hub already: a prune only drops the record (and leftover objects).
    a.reasons.push(`profile ${record.profileSid} no longer exists in Trust Hub`);
    if (prune) {
      a.action = "delete";
      a.reasons.push("forget it and delete the objects apply created for it");
    } else {
      warn(
        "prune/not-declared",
        `no longer declared and gone from Trust Hub; ${PRUNE_HINT} its record`,
      );
    }
    return a;
  }
  a.status = live.status;
  if (claimedBy !== undefined) {
    // A renamed key: the same live profile is declared under another key. Never delete it.
    a.reasons.push(`the same live profile is declared as ${claimedBy}`);
    warn(
      "prune/claimed",
      `no longer declared under this key, but its live profile is declared as ${claimedBy}; it is never deleted`,
    );
    return a;
  }
  if (a.kind !== "secondary") {
    a.reasons.push("primary profiles are never deleted by trusthub");
    warn(
      "prune/primary",
      "a primary profile is no longer declared; trusthub never deletes primaries (only the Twilio Console or Twilio Support can); apply keeps it as it is",
    );
    return a;
  }
  if (isImmutableStatus(live.status)) {
    a.reasons.push(`status ${live.status}: Twilio does not allow deleting it`);
    warn(
      "prune/immutable",
      `no longer declared, but Twilio does not allow deleting a ${live.status} profile through the API: Twilio Support must delete it; apply keeps it`,
    );
    return a;
  }
  if (prune) {
    a.action = "delete";
    a.reasons.push(
      "delete the profile and the objects apply created for it (end users, address document, address)",
    );
  } else {
    a.reasons.push("kept");
    warn("prune/not-declared", `no longer declared; ${PRUNE_HINT} it`);
  }
  return a;
}

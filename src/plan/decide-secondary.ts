/**
 * Secondary profiles: full API lifecycle, but they need a live primary whose
 * business identity is isv_reseller_or_partner to be created, and one in
 * review or approved to be evaluated and submitted. Pure.
 */
import { isEditableStatus, isImmutableStatus } from "../domain/twilio.ts";
import type { ProfileAction } from "../model/plan.ts";
import type { DecideInput } from "./decide.ts";
import { fieldsReason, immutable } from "./decide-common.ts";

const READY_PRIMARY: readonly string[] = ["in-review", "twilio-approved"];

export function decideSecondary(a: ProfileAction, input: DecideInput): ProfileAction {
  const { profile, observed, match, primary } = input;
  if (observed !== undefined && isImmutableStatus(observed.profile.status))
    return immutable(a, match);
  const status = observed?.profile.status;
  const ready = primary.status !== undefined && READY_PRIMARY.includes(primary.status);
  if (observed === undefined) {
    if (primary.sid === undefined) {
      return prerequisite(
        a,
        primary.parentAccount !== undefined
          ? `waits for the primary profile of the parent account ${primary.parentAccount} (a subaccount's secondaries are connected to it); this profile is created once it exists`
          : primary.declaredKey !== undefined
            ? `waits for the primary profile ${primary.declaredKey}, which does not exist yet (see its Console steps); this profile is created once it does`
            : "no primary customer profile exists in this account; create it in the Twilio Console first",
      );
    }
    if (primary.identity !== undefined && primary.identity !== "isv_reseller_or_partner") {
      return prerequisite(
        a,
        `primary ${primary.sid} has business identity ${primary.identity}; secondary profiles need isv_reseller_or_partner (change it in the Console)`,
      );
    }
  }
  const wantsSubmit = profile.submit && (status === undefined || isEditableStatus(status));
  const unchangedRejection = status === "twilio-rejected" && a.changes.length === 0;
  if (wantsSubmit && !unchangedRejection && !ready) {
    return prerequisite(
      a,
      `primary ${primary.sid ?? "(none)"} is ${primary.status ?? "missing"}; a secondary can be evaluated and submitted only once its primary is in-review or twilio-approved`,
    );
  }
  if (observed === undefined) {
    a.action = "create";
    a.reasons.push(match.via === "managed" ? "re-create it" : "no live profile matches; create it");
  } else if (match.via === "name") {
    a.action = "adopt";
  } else if (a.changes.length > 0) {
    a.action = "update";
  } else if (wantsSubmit && !unchangedRejection) {
    a.action = "update";
  }
  if (observed !== undefined && a.changes.length > 0)
    a.reasons.push(fieldsReason(a.changes.length, "to write"));
  if (unchangedRejection && profile.submit) {
    a.notes.push({
      code: "status/rejected-unchanged",
      severity: "warning",
      message:
        "Twilio rejected this profile and the YAML matches what it holds; fix the YAML, then apply resubmits it",
    });
  }
  if (wantsSubmit && !unchangedRejection) {
    a.submit = true;
    a.reasons.push(status === "twilio-rejected" ? "resubmit for review" : "submit for review");
  }
  if (a.action === "no-op") a.reasons.push("in sync");
  return a;
}

function prerequisite(a: ProfileAction, message: string): ProfileAction {
  a.action = "blocked";
  a.reasons.push("a prerequisite is missing: the primary profile");
  a.notes.push({ code: "prerequisite/primary", severity: "error", message });
  return a;
}

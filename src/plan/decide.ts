/**
 * One declared profile -> one action. The rules (reference sections 3 and 11):
 * - immutable statuses (pending-review, in-review, twilio-approved): `skip`
 *   when the YAML drifted (the drift is listed, never written), `no-op` when
 *   in sync; an unmanaged live match is `adopt` instead (apply records it and
 *   writes nothing while it is immutable);
 * - primaries are created and submitted only in the Console: `blocked` with
 *   console steps when missing, or when the only thing left is the submit;
 * - secondaries need a live ISV primary to be created, and one in review or
 *   approved to be evaluated and submitted: otherwise `blocked`;
 * - duplicates, vanished pins and policy mismatches: `blocked` + error note;
 * - `adopt`: apply takes over the live profile, then writes `changes` if the
 *   profile is editable; `update` may carry no field change when only the
 *   submit is pending. Pure.
 */
import { isImmutableStatus, type ProfileStatus } from "../domain/twilio.ts";
import type { Profile } from "../model/config.ts";
import type { FieldChange, ProfileAction } from "../model/plan.ts";
import type { DesiredBundle, ObservedBundle } from "../model/trusthub.ts";
import type { Match } from "./match.ts";

export interface PrimaryContext {
  /** Live primary SID: the declared primary's match, else the account's only business primary. */
  sid?: string;
  status?: ProfileStatus;
  /** Business identity (live attribute when read, else declared); undefined when unknown. */
  identity?: string;
  /** Config key of the declared primary, if any. */
  declaredKey?: string;
}

export interface DecideInput {
  profile: Profile;
  desired: DesiredBundle;
  match: Match;
  observed: ObservedBundle | undefined;
  changes: FieldChange[];
  primary: PrimaryContext;
}

const READY_PRIMARY: readonly string[] = ["in-review", "twilio-approved"];

export function decideAction(input: DecideInput): ProfileAction {
  const { profile, match, observed } = input;
  const a: ProfileAction = {
    key: profile.key,
    kind: profile.kind,
    action: "no-op",
    reasons: [],
    changes: input.changes,
    submit: false,
    consoleSteps: [],
    notes: [],
  };
  if (observed !== undefined) {
    a.sid = observed.profile.sid;
    a.status = observed.profile.status;
  }
  const block = (code: string, reason: string, message: string): ProfileAction => {
    a.action = "blocked";
    a.reasons.push(reason);
    a.notes.push({ code, severity: "error", message });
    return a;
  };
  if (match.candidates.length > 1) {
    a.changes = [];
    return block(
      "match/duplicate",
      "more than one live profile matches",
      `${match.candidates.length} live profiles match this friendly name and policy: ${match.candidates.join(", ")}; pin one with \`sid:\` (the other needs Twilio Support or the Console)`,
    );
  }
  if (match.via === "pinned" && match.missingSid !== undefined) {
    block(
      "match/pinned-missing",
      "the pinned profile is not in this account",
      `pinned profile ${match.missingSid} does not exist in this account`,
    );
    if (profile.kind === "secondary") {
      a.changes = [];
      return a;
    }
    createPrimarySteps(a, profile);
    a.consoleSteps.push(
      `Then set \`sid:\` of ${profile.key} to the new profile's SID (or remove it)`,
    );
    return a;
  }
  if (observed !== undefined && observed.profile.policySid !== input.desired.profile.policySid) {
    return block(
      "match/policy",
      "the live profile has another policy",
      `live profile ${observed.profile.sid} has policy ${observed.profile.policySid}, not ${input.desired.profile.policySid}; a profile's policy cannot change`,
    );
  }
  if (match.via === "managed" && match.missingSid !== undefined) {
    a.reasons.push(`managed profile ${match.missingSid} no longer exists in Trust Hub`);
  } else if (match.via === "pinned") {
    a.reasons.push("matched by pinned sid");
  } else if (match.via === "name") {
    a.reasons.push("found by friendly name and policy; not yet managed by trusthub");
  }
  rejectionNote(a, observed);
  return profile.kind === "secondary" ? decideSecondary(a, input) : decidePrimary(a, input);
}

function decidePrimary(a: ProfileAction, input: DecideInput): ProfileAction {
  const { profile, observed, match } = input;
  const consoleStep = (step: string): void => void a.consoleSteps.push(step);
  if (observed === undefined) {
    a.action = "blocked";
    a.reasons.push("primary profiles can only be created in the Twilio Console");
    consoleStep(
      `Create the primary customer profile "${profile.friendlyName}" in the Twilio Console (Trust Hub > Customer Profiles) with the values of this plan`,
    );
    individualSteps(a, profile);
    if (profile.submit)
      consoleStep("Submit the primary customer profile for review in the Twilio Console");
    return a;
  }
  const status = observed.profile.status;
  if (isImmutableStatus(status)) return immutable(a, match);
  const wantsSubmit = profile.submit;
  if (wantsSubmit) {
    individualSteps(a, profile);
    consoleStep(
      "Submit the primary customer profile for review in the Twilio Console (the API refuses)",
    );
  }
  if (match.via === "name") {
    a.action = "adopt";
  } else if (a.changes.length > 0) {
    a.action = "update";
  } else if (wantsSubmit) {
    a.action = "blocked";
    a.reasons.push(`status ${status}: only the Twilio Console can submit a primary profile`);
    return a;
  }
  if (a.changes.length > 0) a.reasons.push(fieldsReason(a.changes.length, "to write"));
  else if (a.action === "no-op") a.reasons.push("in sync");
  return a;
}

function decideSecondary(a: ProfileAction, input: DecideInput): ProfileAction {
  const { profile, observed, match, primary } = input;
  if (observed !== undefined && isImmutableStatus(observed.profile.status))
    return immutable(a, match);
  const status = observed?.profile.status;
  const ready = primary.status !== undefined && READY_PRIMARY.includes(primary.status);
  if (observed === undefined) {
    if (primary.sid === undefined) {
      return prerequisite(
        a,
        primary.declaredKey !== undefined
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
  const wantsSubmit =
    profile.submit && (status === undefined || status === "draft" || status === "twilio-rejected");
  const unchangedRejection = status === "twilio-rejected" && a.changes.length === 0;
  if (wantsSubmit && !unchangedRejection && !ready) {
    return prerequisite(
      a,
      `primary ${primary.sid ?? "(none)"} is ${primary.status ?? "missing"}; a secondary can be evaluated and submitted only once its primary is in-review or twilio-approved`,
    );
  }
  if (observed === undefined) {
    a.action = "create";
    a.reasons.push("no live profile matches; create it");
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

function immutable(a: ProfileAction, match: Match): ProfileAction {
  const status = a.status ?? "unknown";
  if (match.via === "name") {
    a.action = "adopt";
    a.reasons.push(
      `status ${status}: Trust Hub makes the profile immutable; apply only records it`,
    );
  } else if (a.changes.length > 0) {
    a.action = "skip";
    a.reasons.push(`status ${status}: Trust Hub makes the profile immutable; nothing is written`);
  } else {
    a.reasons.push(`status ${status}; in sync`);
    return a;
  }
  if (a.changes.length > 0) {
    a.reasons.push(fieldsReason(a.changes.length, "drifted from the YAML (shown, not applied)"));
  }
  return a;
}

function prerequisite(a: ProfileAction, message: string): ProfileAction {
  a.action = "blocked";
  a.reasons.push("a prerequisite is missing: the primary profile");
  a.notes.push({ code: "prerequisite/primary", severity: "error", message });
  return a;
}

function createPrimarySteps(a: ProfileAction, profile: Profile): void {
  a.consoleSteps.push(
    `Create the primary customer profile "${profile.friendlyName}" in the Twilio Console (Trust Hub > Customer Profiles) with the values of this plan`,
  );
  individualSteps(a, profile);
  if (profile.submit) {
    a.consoleSteps.push("Submit the primary customer profile for review in the Twilio Console");
  }
}

function individualSteps(a: ProfileAction, profile: Profile): void {
  if (profile.kind !== "primary-individual") return;
  if (profile.consoleOnly.photoId)
    a.consoleSteps.push("Upload a government-issued photo ID in the Twilio Console");
  if (profile.consoleOnly.selfieVerification)
    a.consoleSteps.push("Complete the selfie verification in the Twilio Console");
}

function fieldsReason(n: number, what: string): string {
  return `${n} field${n === 1 ? "" : "s"} ${what}`;
}

function rejectionNote(a: ProfileAction, observed: ObservedBundle | undefined): void {
  if (observed?.profile.status !== "twilio-rejected") return;
  const codes = observed.profile.errors
    .map((e) => (typeof e === "object" && e !== null ? (e as { code?: unknown }).code : e))
    .filter((c): c is number | string => typeof c === "number" || typeof c === "string")
    .map(String)
    .filter((c) => /^\d{1,6}$/.test(c));
  a.notes.push({
    code: "status/rejected",
    severity: "warning",
    message: `Twilio rejected this profile${codes.length > 0 ? ` (error codes ${codes.join(", ")})` : ""}`,
  });
}

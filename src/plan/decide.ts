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
import type { ProfileStatus } from "../domain/twilio.ts";
import type { Profile } from "../model/config.ts";
import type { FieldChange, ProfileAction } from "../model/plan.ts";
import type { DesiredBundle, ObservedBundle } from "../model/trusthub.ts";
import type { Match } from "./match.ts";
import { createPrimarySteps, decidePrimary } from "./decide-primary.ts";
import { decideSecondary } from "./decide-secondary.ts";

export interface PrimaryContext {
  /** Live primary SID: the declared primary's match, else the account's only business primary. */
  sid?: string;
  status?: ProfileStatus;
  /** Business identity (live attribute when read, else declared); undefined when unknown. */
  identity?: string;
  /** Config key of the declared primary, if any. */
  declaredKey?: string;
  /** A subaccount's secondaries use the primary of this parent account. */
  parentAccount?: string;
}

export interface DecideInput {
  profile: Profile;
  desired: DesiredBundle;
  match: Match;
  observed: ObservedBundle | undefined;
  changes: FieldChange[];
  primary: PrimaryContext;
}

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

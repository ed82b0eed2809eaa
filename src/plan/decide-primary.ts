/**
 * Primary profiles: Twilio lets only the Console create and submit them; the
 * API may edit them while editable. Missing -> `blocked` with the Console
 * steps; editable with changes -> `update` (or `adopt`), with the Console
 * submit as a step; in sync but owed a submit -> `blocked`. Pure.
 */
import { isImmutableStatus } from "../domain/twilio.ts";
import type { Profile } from "../model/config.ts";
import type { ProfileAction } from "../model/plan.ts";
import type { DecideInput } from "./decide.ts";
import type { LivePrimary } from "./match.ts";
import { fieldsReason, immutable } from "./decide-common.ts";

export function decidePrimary(a: ProfileAction, input: DecideInput): ProfileAction {
  const { profile, observed, match } = input;
  const consoleStep = (step: string): void => void a.consoleSteps.push(step);
  if (observed === undefined && (match.livePrimaries ?? []).length > 0) {
    return nearMiss(a, profile, match.livePrimaries ?? []);
  }
  if (observed === undefined) {
    a.action = "blocked";
    a.reasons.push("primary profiles can only be created in the Twilio Console");
    createPrimarySteps(a, profile);
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

/**
 * The declared primary matches no live one, but the account holds primaries:
 * name them and say how to point the YAML at one. Never a Console step to
 * create another (Twilio keeps one primary per account; the ISV guides build
 * on the existing one).
 */
function nearMiss(a: ProfileAction, profile: Profile, live: LivePrimary[]): ProfileAction {
  a.action = "blocked";
  a.changes = [];
  const list = live.map((p) => `${p.sid} "${p.friendlyName}" (${p.kind}, ${p.status})`).join("; ");
  a.reasons.push(
    `no live primary is named "${profile.friendlyName}", but the account holds ${live.length === 1 ? "one" : live.length}`,
  );
  const first = live[0]!;
  a.notes.push({
    code: "match/primary-near-miss",
    severity: "error",
    message: `the account already holds primary profile${live.length === 1 ? "" : "s"} ${list}: pin ${live.length === 1 ? "it" : "yours"} with \`sid: ${first.sid}\` under primary ${profile.key}, or set its friendlyName to "${first.friendlyName}"; do not create a second primary`,
  });
  return a;
}

/**
 * The friendly name to type is quoted for a business; an individual's is
 * personal data, so the step points at the YAML instead. Values come from the
 * YAML paths the plan lists (the plan never holds personal values).
 */
export function createPrimarySteps(a: ProfileAction, profile: Profile): void {
  const name =
    profile.kind === "primary-individual"
      ? "with the friendly name of primary.friendlyName in the YAML"
      : `with the friendly name ${JSON.stringify(profile.friendlyName)} (exactly)`;
  a.consoleSteps.push(
    `Create the primary customer profile in the Twilio Console (Trust Hub > Customer Profiles) ${name}, typing the value of each YAML path listed above`,
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

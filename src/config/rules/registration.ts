/**
 * Registration numbers plausible for their type; DUNS gets a warning; type
 * Other carries the name of the other type (Twilio requires it).
 */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { registrationProblem } from "../registration.ts";
import { plain } from "../unlisted.ts";
import { businessProfiles, type RuleContext } from "./context.ts";

export function plausibleRegistrationNumbers(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const { number } = e.profile.business.registration;
    const type = plain(e.profile.business.registration.type);
    const hint = registrationProblem(type, number);
    if (hint === undefined) continue;
    const pointer = `${e.pointer}/business/registration/number`;
    out.push(
      diagnostic(
        "rule/registration-number",
        "error",
        `registration number is not a plausible ${type} (expected ${hint})`,
        e.doc.at(pointer),
        pointer,
      ),
    );
  }
  return out;
}

export function dunsDiscouraged(ctx: RuleContext): Diagnostic[] {
  return businessProfiles(ctx)
    .filter((e) => e.profile.business.registration.type === "DUNS")
    .map((e) => {
      const pointer = `${e.pointer}/business/registration/type`;
      return diagnostic(
        "rule/duns",
        "warning",
        "Twilio asks US businesses for an EIN; DUNS numbers are reported to be refused for A2P 10DLC",
        e.doc.at(pointer),
        pointer,
      );
    });
}

/** `otherType` is expected with type Other (warning) and refused with any other type. */
export function otherRegistrationType(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const r = e.profile.business.registration;
    const isOther = r.type === "Other";
    if (isOther === (r.otherType !== undefined)) continue;
    const base = `${e.pointer}/business/registration`;
    const pointer = isOther ? base : `${base}/otherType`;
    const message = isOther
      ? "registration type Other needs otherType: the name of the registration type (Twilio requires it)"
      : "registration.otherType applies only when registration.type is Other";
    const at = e.doc.at(pointer, isOther ? "value" : "key");
    // Missing: a warning, since the attribute key it travels under is unverified (and a
    // profile imported from Twilio may hold the name under a key we do not know).
    const severity = isOther ? "warning" : "error";
    out.push(diagnostic("rule/registration-other-type", severity, message, at, pointer));
  }
  return out;
}

/** Registration numbers plausible for their type; DUNS gets a warning. */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { registrationProblem } from "../registration.ts";
import { businessProfiles, type RuleContext } from "./context.ts";

export function plausibleRegistrationNumbers(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const { type, number } = e.profile.business.registration;
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

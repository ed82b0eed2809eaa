/**
 * `{unlisted: X}` values (see src/config/unlisted.ts) validate, with a
 * warning: the tool does not know Twilio accepts X, and sends it as written.
 */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { isUnlisted } from "../unlisted.ts";
import { businessProfiles, type RuleContext } from "./context.ts";

export function unlistedValues(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const b = e.profile.business;
    const fields: [string, unknown][] = [
      ["business/identity", b.identity],
      ["business/type", b.type],
      ["business/industry", b.industry],
      ["business/registration/type", b.registration.type],
      ...b.regionsOfOperation.map((r, i): [string, unknown] => [
        `business/regionsOfOperation/${i}`,
        r,
      ]),
      ...e.profile.representatives.map((r, i): [string, unknown] => [
        `representatives/${i}/jobPosition`,
        r.jobPosition,
      ]),
    ];
    for (const [path, value] of fields) {
      if (!isUnlisted(value)) continue;
      const pointer = `${e.pointer}/${path}`;
      out.push(
        diagnostic(
          "rule/unlisted-value",
          "warning",
          `${JSON.stringify(value.unlisted)} is not a value Twilio documents for ${path.replaceAll("/", ".").replace(/\.\d+/g, "")} (docs/twilio-facts.md); it is sent as written`,
          e.doc.at(pointer),
          pointer,
        ),
      );
    }
  }
  return out;
}

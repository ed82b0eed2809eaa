/** Helpers shared by the primary and secondary decisions (see decide.ts). Pure. */
import type { ProfileAction } from "../model/plan.ts";
import type { Match } from "./match.ts";

export function immutable(a: ProfileAction, match: Match): ProfileAction {
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

export function fieldsReason(n: number, what: string): string {
  return `${n} field${n === 1 ? "" : "s"} ${what}`;
}

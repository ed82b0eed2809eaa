/** An individual's date of birth: a real YYYY-MM-DD date, age 16 to 120. */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { individualProfiles, type RuleContext } from "./context.ts";

export const MIN_AGE = 16;
export const MAX_AGE = 120;

/** Undefined when plausible, else what is wrong (never the date itself). */
export function dateOfBirthProblem(value: string, now: Date): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return "must be a date written YYYY-MM-DD";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return "is not a calendar date";
  }
  const age = ageOn(y, mo, d, now);
  if (age < MIN_AGE || age > MAX_AGE)
    return `is not plausible (age must be ${MIN_AGE} to ${MAX_AGE})`;
  return undefined;
}

function ageOn(y: number, mo: number, d: number, now: Date): number {
  const beforeBirthday =
    now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

export function plausibleDatesOfBirth(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of individualProfiles(ctx)) {
    const problem = dateOfBirthProblem(e.profile.individual.dateOfBirth, ctx.now);
    if (problem === undefined) continue;
    const pointer = `${e.pointer}/individual/dateOfBirth`;
    out.push(
      diagnostic(
        "rule/date-of-birth",
        "error",
        `date of birth ${problem}`,
        e.doc.at(pointer),
        pointer,
      ),
    );
  }
  return out;
}

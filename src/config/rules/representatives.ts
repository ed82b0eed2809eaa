/** Authorized representatives: two must be different people; one is accepted with a warning. */
import type { Diagnostic, WrittenRepresentative } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { toE164 } from "../phone.ts";
import { businessProfiles, type RuleContext } from "./context.ts";

export function distinctRepresentatives(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const [one, two] = e.profile.representatives;
    if (!one || !two) continue;
    const country = e.profile.address.isoCountry;
    const same = sameness(one, two, country);
    if (!same) continue;
    const pointer = `${e.pointer}/representatives/1`;
    out.push(
      diagnostic(
        "rule/same-representative",
        "error",
        `representative 2 has the same ${same} as representative 1; Twilio needs two different people (or leave representative 2 out)`,
        e.doc.at(pointer),
        pointer,
      ),
    );
  }
  return out;
}

function sameness(
  a: WrittenRepresentative,
  b: WrittenRepresentative,
  country: string,
): string | undefined {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
  if (norm(a.firstName) === norm(b.firstName) && norm(a.lastName) === norm(b.lastName))
    return "name";
  if (norm(a.email) === norm(b.email)) return "email";
  const phoneA = toE164(a.phone, country) ?? norm(a.phone);
  const phoneB = toE164(b.phone, country) ?? norm(b.phone);
  return phoneA === phoneB ? "phone number" : undefined;
}

export function secondRepresentative(ctx: RuleContext): Diagnostic[] {
  return businessProfiles(ctx)
    .filter((e) => e.role === "secondary" && e.profile.representatives.length === 1)
    .map((e) => {
      const pointer = `${e.pointer}/representatives`;
      return diagnostic(
        "rule/single-representative",
        "warning",
        "only one authorized representative: the Twilio Console asks for two, the API accepts one",
        e.doc.at(pointer, "key"),
        pointer,
      );
    });
}

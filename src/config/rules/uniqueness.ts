/** Rules across all files: unique keys, friendly names and sids; one primary; one defaults. */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { allProfiles, where, type ProfileEntry, type RuleContext } from "./context.ts";

/** Reports every later occurrence of a value, naming the first occurrence. */
function duplicates(
  entries: readonly ProfileEntry[],
  field: "key" | "friendlyName" | "sid",
  code: string,
  label: string,
): Diagnostic[] {
  const first = new Map<string, ProfileEntry>();
  const out: Diagnostic[] = [];
  for (const e of entries) {
    const value = e.profile[field]?.trim();
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, e);
      continue;
    }
    const pointer = `${e.pointer}/${field}`;
    const firstAt = where(earlier.doc.at(`${earlier.pointer}/${field}`));
    out.push(
      diagnostic(
        code,
        "error",
        `${label} is already used at ${firstAt}`,
        e.doc.at(pointer),
        pointer,
      ),
    );
  }
  return out;
}

export function uniqueKeys(ctx: RuleContext): Diagnostic[] {
  return duplicates(allProfiles(ctx), "key", "rule/duplicate-key", "profile key");
}

export function uniqueFriendlyNames(ctx: RuleContext): Diagnostic[] {
  return duplicates(
    allProfiles(ctx),
    "friendlyName",
    "rule/duplicate-friendly-name",
    "friendlyName",
  );
}

export function uniqueSids(ctx: RuleContext): Diagnostic[] {
  return duplicates(allProfiles(ctx), "sid", "rule/duplicate-sid", "sid");
}

export function onePrimary(ctx: RuleContext): Diagnostic[] {
  const primaries = allProfiles(ctx).filter((e) => e.role === "primary");
  const [first, ...rest] = primaries;
  // Positions only for a diagnostic: a valid config never re-parses its files.
  if (!first || rest.length === 0) return [];
  const firstAt = where(first.doc.at("/primary", "key"));
  return rest.map((e) =>
    diagnostic(
      "rule/two-primaries",
      "error",
      `an account has at most one primary profile; another is declared at ${firstAt}`,
      e.doc.at("/primary", "key"),
      "/primary",
    ),
  );
}

const DEFAULT_FIELDS = ["submit", "notificationEmail", "statusCallback"] as const;

export function consistentDefaults(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of DEFAULT_FIELDS) {
    let first: { value: unknown; at: string } | undefined;
    for (const doc of ctx.documents) {
      const value = doc.written.defaults?.[field];
      if (value === undefined) continue;
      const pointer = `/defaults/${field}`;
      if (!first) {
        first = { value, at: where(doc.at(pointer)) };
      } else if (first.value !== value) {
        out.push(
          diagnostic(
            "rule/conflicting-defaults",
            "error",
            `defaults.${field} differs from the value at ${first.at}; defaults apply to the whole account`,
            doc.at(pointer),
            pointer,
          ),
        );
      }
    }
  }
  return out;
}

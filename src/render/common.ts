/**
 * What every plan renderer shares: action markers and labels, the summary
 * sentence, which profiles are worth showing, and how a field change reads.
 * Pure.
 */
import type { ActionKind, FieldChange, Plan, PlanSummary, ProfileAction } from "../model/plan.ts";
import type { TargetInfo } from "../model/trusthub.ts";
import { printable } from "./source-line.ts";

export const ACTION_MARKER: Record<ActionKind, string> = {
  create: "+",
  update: "~",
  delete: "-",
  adopt: "<",
  skip: "/",
  blocked: "!",
  "no-op": "=",
};

export const ACTION_LEGEND: Record<ActionKind, string> = {
  create: "create",
  update: "update in place",
  delete: "delete",
  adopt: "adopt (take over a live profile apply has never managed)",
  skip: "skip: immutable in its status; drift shown, nothing written",
  blocked: "blocked: needs the Twilio Console or a prerequisite",
  "no-op": "unchanged",
};

/** Order of actions in legends and tables. */
export const ACTION_ORDER: ActionKind[] = [
  "create",
  "update",
  "adopt",
  "delete",
  "skip",
  "blocked",
  "no-op",
];

export function targetLine(t: TargetInfo): string {
  const kind =
    t.kind === "sandbox" ? "embedded sandbox" : t.kind === "emulator" ? "emulator" : "Twilio";
  return `${kind} ${t.url} (account ${t.accountSid})`;
}

/** Whether the plan holds anything for apply to do or for a human to look at. */
export function hasChanges(s: PlanSummary): boolean {
  return s.create + s.update + s.adopt + s.delete + s.submit > 0;
}

/**
 * Profiles the detailed sections show: everything except quiet no-ops (a no-op with phone number
 * changes or a trust product worth showing is not quiet).
 */
export function isShown(a: ProfileAction): boolean {
  return isShownItem(a) || (a.trustProducts ?? []).some(isShownItem);
}

/** A profile's or trust product's own action is worth showing. */
export function isShownItem(
  a: Pick<ProfileAction, "action" | "submit" | "notes" | "changes">,
): boolean {
  return (
    a.action !== "no-op" ||
    a.submit ||
    a.changes.length > 0 ||
    a.notes.some((n) => n.severity !== "info")
  );
}

/** What the action's profile is, as the plan names it. */
export function roleLabel(kind: ProfileAction["kind"]): string {
  return kind === "secondary"
    ? "secondary"
    : kind === "primary-individual"
      ? "primary (individual)"
      : "primary";
}

export function actionTitle(a: ProfileAction): string {
  const role = roleLabel(a.kind);
  const status = a.status ? ` [${a.status}]` : "";
  const sid = a.sid ? ` ${a.sid}` : "";
  return `${role} ${a.key}${sid}${status}: ${actionWords(a)}`;
}

/** "update, then submit for review"; an update with nothing to write is only a submit. */
export function actionWords(a: Pick<ProfileAction, "action" | "submit" | "changes">): string {
  if (a.action === "update" && a.submit && a.changes.length === 0) return "submit for review";
  return `${a.action}${a.submit ? ", then submit for review" : ""}`;
}

export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  const ps = plan.productSummary;
  const numbers = numberWrites(plan);
  const quiet = (x: PlanSummary): boolean => !hasChanges(x) && x.blocked === 0 && x.skip === 0;
  if (quiet(s) && (ps === undefined || quiet(ps)) && numbers === 0)
    return "No changes. Trust Hub matches the configuration.";
  const extra = numbers > 0 ? `; ${plural(numbers, "phone number assignment")} to write` : "";
  if (ps === undefined) return `Plan: ${counts(s)}${extra}.`;
  return `Plan: ${counts(s)}. Trust products: ${counts(ps)}${extra}.`;
}

/** Phone number changes apply writes on profiles and products that are otherwise no-op or skip. */
export function numberWrites(plan: Plan): number {
  let n = 0;
  for (const a of [...plan.actions, ...plan.actions.flatMap((x) => x.trustProducts ?? [])]) {
    if (a.action === "no-op" || a.action === "skip")
      n += a.changes.filter((c) => c.slot === "phoneNumbers").length;
  }
  return n;
}

function counts(s: PlanSummary): string {
  const writes = [
    `${s.create} to create`,
    `${s.update} to update`,
    `${s.adopt} to adopt`,
    ...(s.delete > 0 ? [`${s.delete} to delete`] : []),
    `${s.submit} to submit`,
  ].join(", ");
  const other = [
    `${s.skip} skipped (immutable)`,
    `${s.blocked} blocked`,
    `${s["no-op"]} unchanged`,
  ].join(", ");
  return `${writes}; ${other}`;
}

export type FieldMark = "+" | "-" | "~";

/**
 * + addition, - removal, ~ change. A redacted change has no values to tell
 * by; whole objects are only ever added or removed together with their
 * (public) friendly_name, so the slot's friendly_name change tells, else a
 * new profile's policy SID.
 */
export function fieldMark(c: FieldChange, all: FieldChange[] = []): FieldMark {
  if (c.before === undefined && c.after !== undefined) return "+";
  if (c.after === undefined && c.before !== undefined) return "-";
  if (c.before === undefined && c.after === undefined) {
    const name = all.find((o) => o.slot === c.slot && o.field === "friendly_name" && !o.sensitive);
    if (name !== undefined && name !== c) return fieldMark(name);
    // An individual's profile has no public friendly name: a new profile
    // (its policy SID added) is added whole.
    const policy = all.find((o) => o.slot === "profile" && o.field === "policy_sid");
    if (policy !== undefined && fieldMark(policy) === "+") return "+";
  }
  return "~";
}

export function fieldLabel(c: FieldChange): string {
  return `${c.slot}.${c.field}`;
}

/** A value as it reads in a plan: quoted, with control characters escaped. */
export function quote(v: string): string {
  // JSON escapes C0; printable() the rest (DEL, C1, bidi controls).
  return printable(JSON.stringify(v));
}

/** Long or multi-line values are shown as a diff rather than old -> new. */
export function isLong(c: FieldChange): boolean {
  const b = c.before ?? "";
  const a = c.after ?? "";
  return b.includes("\n") || a.includes("\n") || b.length + a.length > 120;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Plan -> terminal text, Terraform style: the target, a legend of the markers
 * in use, one block per profile (quiet no-ops are counted, not listed), field
 * changes as `old -> new` (a word or line diff for long values), and a summary
 * line. Sensitive values print as "(sensitive)". Colours only when asked. Pure.
 */
import { diffLines, diffWordsWithSpace } from "diff";
import type {
  FieldChange,
  Plan,
  PlanNote,
  ProfileAction,
  TrustProductAction,
} from "../model/plan.ts";
import {
  ACTION_LEGEND,
  ACTION_MARKER,
  ACTION_ORDER,
  actionTitle,
  actionWords,
  fieldLabel,
  fieldMark,
  isLong,
  isShown,
  isShownItem,
  quote,
  summaryLine,
} from "./common.ts";
import { printable } from "./source-line.ts";

export interface TextOptions {
  color: boolean;
}

const SGR = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  cyan: [36, 39],
  magenta: [35, 39],
  bold: [1, 22],
  dim: [2, 22],
} as const;
type Style = keyof typeof SGR;

const ACTION_STYLE: Record<ProfileAction["action"], Style> = {
  create: "green",
  update: "yellow",
  delete: "red",
  adopt: "cyan",
  skip: "magenta",
  blocked: "red",
  "no-op": "dim",
};

export function renderText(plan: Plan, opts: TextOptions): string {
  const paint = (style: Style, text: string): string =>
    opts.color ? `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m` : text;
  const out: string[] = [`Trust Hub plan against the ${targetText(plan)}`, ""];
  const shown = plan.actions.filter(isShown);
  if (shown.length > 0) {
    const items = [...shown, ...shown.flatMap((a) => (a.trustProducts ?? []).filter(isShownItem))];
    const used = ACTION_ORDER.filter((k) => items.some((a) => a.action === k));
    out.push("Profile actions are marked:");
    for (const k of used)
      out.push(`  ${paint(ACTION_STYLE[k], ACTION_MARKER[k])} ${ACTION_LEGEND[k]}`);
    out.push("");
  }
  const sandbox = plan.target.kind === "sandbox";
  for (const a of shown) out.push(...renderAction(a, paint, sandbox), "");
  out.push(paint("bold", summaryLine(plan)));
  return `${out.join("\n")}\n`;
}

function targetText(plan: Plan): string {
  const t = plan.target;
  const kind =
    t.kind === "sandbox" ? "embedded sandbox" : t.kind === "emulator" ? "emulator" : "Twilio";
  return `${kind} at ${t.url} (account ${t.accountSid}).`;
}

function renderAction(
  a: ProfileAction,
  paint: (s: Style, t: string) => string,
  sandbox: boolean,
): string[] {
  const lines = [
    `${paint(ACTION_STYLE[a.action], ACTION_MARKER[a.action])} ${paint("bold", actionTitle(a))}`,
  ];
  for (const r of a.reasons) lines.push(`    ${paint("dim", printable(r))}`);
  for (const c of a.changes) lines.push(...renderChange(c, a.changes, paint));
  if (a.consoleSteps.length > 0) {
    lines.push(
      sandbox
        ? "    Console steps (only the Console can do these; the embedded sandbox simulates them when apply is approved):"
        : "    Console steps (only the Twilio Console can do these):",
    );
    a.consoleSteps.forEach((s, i) => lines.push(`      ${i + 1}. ${printable(s)}`));
  }
  for (const n of a.notes) lines.push(`    ${noteText(n, paint)}`);
  for (const p of (a.trustProducts ?? []).filter(isShownItem))
    lines.push(...renderProduct(p, paint).map((l) => `    ${l}`));
  const r = a.brandReadiness;
  if (r !== undefined) {
    const sids = [
      `customer profile ${r.customerProfileSid ?? "(not created)"}`,
      `A2P trust product ${r.a2pTrustProductSid ?? "(not created)"}`,
    ].join(", ");
    lines.push(`    brand registration: ${r.ready ? "ready" : "not ready"} (${sids})`);
  }
  return lines;
}

/** One trust product under its profile (issue 14), indented by the caller. */
function renderProduct(p: TrustProductAction, paint: (s: Style, t: string) => string): string[] {
  const status = p.status ? ` [${p.status}]` : "";
  const sid = p.sid ? ` ${p.sid}` : "";
  const title = `trust product ${p.key}${sid}${status}: ${actionWords(p)}`;
  const lines = [
    `${paint(ACTION_STYLE[p.action], ACTION_MARKER[p.action])} ${paint("bold", title)}`,
  ];
  for (const r of p.reasons) lines.push(`    ${paint("dim", printable(r))}`);
  for (const c of p.changes) lines.push(...renderChange(c, p.changes, paint));
  for (const n of p.notes) lines.push(`    ${noteText(n, paint)}`);
  return lines;
}

function noteText(n: PlanNote, paint: (s: Style, t: string) => string): string {
  const label =
    n.severity === "error"
      ? paint("red", "error")
      : n.severity === "warning"
        ? paint("yellow", "warning")
        : "note";
  return `${label} [${n.code}]: ${printable(n.message)}`;
}

const MARK_STYLE = { "+": "green", "-": "red", "~": "yellow" } as const;

function renderChange(
  c: FieldChange,
  all: FieldChange[],
  paint: (s: Style, t: string) => string,
): string[] {
  const mark = fieldMark(c, all);
  const head = `    ${paint(MARK_STYLE[mark], mark)} ${fieldLabel(c)}`;
  if (c.before === undefined && c.after === undefined)
    return [`${head}: ${paint("dim", "(sensitive)")}`];
  if (mark === "+") return [`${head}: ${quote(c.after ?? "")}`];
  if (mark === "-") return [`${head}: ${quote(c.before ?? "")} -> (removed)`];
  if (!isLong(c)) return [`${head}: ${quote(c.before ?? "")} -> ${quote(c.after ?? "")}`];
  const before = c.before ?? "";
  const after = c.after ?? "";
  if (before.includes("\n") || after.includes("\n")) {
    const lines = [`${head}:`];
    for (const part of diffLines(before, after)) {
      const sign = part.added ? "+" : part.removed ? "-" : " ";
      const style: Style = part.added ? "green" : part.removed ? "red" : "dim";
      for (const l of part.value.replace(/\n$/, "").split("\n"))
        lines.push(`        ${paint(style, `${sign} ${l}`)}`);
    }
    return lines;
  }
  const words = diffWordsWithSpace(before, after)
    .map((p) =>
      p.added
        ? paint("green", `{+${p.value}+}`)
        : p.removed
          ? paint("red", `[-${p.value}-]`)
          : p.value,
    )
    .join("");
  return [`${head}: ${words}`];
}

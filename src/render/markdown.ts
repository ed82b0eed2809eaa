/**
 * Plan -> GitHub-flavoured markdown for pull-request comments: a hidden marker
 * line (so CI can find and update its previous comment), the summary, a
 * count table, then one <details> section per profile worth showing (open
 * when it has Console steps, so a reviewer sees what to do by hand). Fields
 * read as YAML paths, Twilio's name beside them. Values are exact: code
 * spans fenced longer than any backtick run they hold, control characters
 * escaped; the target line is stable (no sandbox port). Kept under
 * MAX_MARKDOWN characters: sections that do not fit are collapsed into a
 * closing note. Sensitive values read "(sensitive)". Pure.
 */
import { diffLines } from "diff";
import type {
  FieldChange,
  Plan,
  PlanNote,
  ProfileAction,
  TrustProductAction,
} from "../model/plan.ts";
import {
  ACTION_MARKER,
  actionWords,
  fieldMark,
  isShown,
  isShownItem,
  plural,
  roleLabel,
  summaryLine,
} from "./common.ts";
import { printable } from "./source-line.ts";
import { productYamlPath, yamlPath } from "./yaml-paths.ts";
import { countTable, numberDelta, readiness } from "./markdown-products.ts";

/** GitHub caps comments at 65,536 characters; stay well below. */
export const MAX_MARKDOWN = 60_000;

export function planMarker(plan: Plan): string {
  return `<!-- trusthub-plan target=${plan.target.kind}:${plan.target.accountSid} -->`;
}

export function renderMarkdown(plan: Plan, opts: { limit?: number } = {}): string {
  const limit = opts.limit ?? MAX_MARKDOWN;
  const t = plan.target;
  const head = [
    planMarker(plan),
    "### Trust Hub plan",
    "",
    `**${summaryLine(plan)}**`,
    "",
    `Target: ${targetLine(plan)}, account \`${t.accountSid}\``,
    "",
    ...countTable(plan),
    "",
    "",
  ].join("\n");
  const shown = plan.actions.filter(isShown);
  const sections = shown.map(section);
  const tail = (n: number): string =>
    `> ${plural(n, "more profile")} not shown to keep this comment under ${limit.toLocaleString("en-US")} characters: run \`trusthub plan\` or see the JSON plan for all of them (${shown
      .slice(shown.length - n)
      .map((a) => `\`${a.key}\` ${a.action}`)
      .slice(0, 20)
      .join(", ")}${n > 20 ? ", …" : ""}).\n`;
  const checksum = `\n<sub>checksum \`${plan.checksum}\`</sub>\n`;
  let body = head;
  let i = 0;
  for (; i < sections.length; i++) {
    const s = sections[i]!;
    const rest = sections.length - i - 1;
    const reserve = rest > 0 ? tail(rest).length + 400 : 0;
    if (body.length + s.length + reserve + checksum.length > limit) break;
    body += s;
  }
  if (i < sections.length) body += `\n${tail(sections.length - i)}`;
  return body + checksum;
}

/** The sandbox's port changes on every run: name its data file instead. */
function targetLine(plan: Plan): string {
  const t = plan.target;
  if (t.kind === "sandbox") return "embedded sandbox (`.trusthub/sandbox.json`)";
  return `${t.kind} ${code(t.url, false)}`;
}

function section(a: ProfileAction): string {
  const n = a.changes.length;
  const what = actionWords(a);
  const shownProducts = (a.trustProducts ?? []).filter(isShownItem);
  const products =
    shownProducts.length === 0
      ? ""
      : `; trust products: ${shownProducts.map((p) => `${ACTION_MARKER[p.action]} ${p.product}${numberDelta(p.changes)}`).join(", ")}`;
  const summary = `${ACTION_MARKER[a.action]} <code>${html(a.key)}</code> ${what}${n > 0 ? ` (${plural(n, "field")})` : ""}${numberDelta(a.changes)}${products}`;
  const open = a.consoleSteps.length > 0 ? " open" : "";
  const lines = [`<details${open}><summary>${summary}</summary>`, ""];
  const kind = roleLabel(a.kind);
  lines.push(
    `${kind}${a.sid ? ` \`${a.sid}\`` : ""}${a.status ? `, status \`${a.status}\`` : ""}`,
    "",
  );
  for (const r of a.reasons) lines.push(`- ${md(r)}`);
  if (a.reasons.length > 0) lines.push("");
  lines.push(...changeTable(a.changes, yamlPath));
  if (a.consoleSteps.length > 0) {
    lines.push("**Console steps** (only the Twilio Console can do these):", "");
    a.consoleSteps.forEach((s, i) => lines.push(`${i + 1}. ${step(s)}`));
    lines.push("");
  }
  lines.push(...notes(a.notes));
  if (shownProducts.length > 0) lines.push("**Trust products**", "");
  for (const p of shownProducts) lines.push(...productSection(p));
  if (a.brandReadiness !== undefined) lines.push(readiness(a.brandReadiness), "");
  lines.push("</details>", "");
  return `${lines.join("\n")}\n`;
}

function productSection(p: TrustProductAction): string[] {
  const n = p.changes.length;
  const lines = [
    `\`${ACTION_MARKER[p.action]}\` <code>${html(p.key)}</code> ${actionWords(p)}${n > 0 ? ` (${plural(n, "field")})` : ""}${p.sid ? ` \`${p.sid}\`` : ""}${p.status ? `, status \`${p.status}\`` : ""}`,
    "",
  ];
  for (const r of p.reasons) lines.push(`- ${md(r)}`);
  if (p.reasons.length > 0) lines.push("");
  lines.push(...changeTable(p.changes, (c) => productYamlPath(p.product, c)));
  lines.push(...notes(p.notes));
  return lines;
}

function notes(list: PlanNote[]): string[] {
  const lines: string[] = [];
  for (const note of list) {
    const icon = note.severity === "error" ? "❌" : note.severity === "warning" ? "⚠️" : "ℹ️";
    lines.push(`- ${icon} \`${note.code}\` ${md(note.message)}`);
  }
  if (list.length > 0) lines.push("");
  return lines;
}

function changeTable(
  changes: FieldChange[],
  pathOf: (c: FieldChange) => string | undefined,
): string[] {
  const lines: string[] = [];
  if (changes.length > 0) {
    lines.push("| | YAML | Twilio | Before | After |", "| --- | --- | --- | --- | --- |");
    const long: FieldChange[] = [];
    for (const c of changes) {
      const mark = fieldMark(c, changes);
      const redacted = c.before === undefined && c.after === undefined;
      const before =
        c.before !== undefined ? value(c.before) : redacted && mark !== "+" ? "_(sensitive)_" : "";
      const after =
        c.after !== undefined
          ? value(c.after)
          : redacted && mark !== "-"
            ? "_(sensitive)_"
            : "_(removed)_";
      if (!redacted && (isMultiline(c.before) || isMultiline(c.after))) long.push(c);
      const path = pathOf(c);
      const yaml = path === undefined ? "_(derived)_" : code(path);
      lines.push(`| ${mark} | ${yaml} | ${c.slot} ${code(c.field)} | ${before} | ${after} |`);
    }
    lines.push("");
    for (const c of long) {
      const all = [c.before ?? "", c.after ?? ""].join("\n");
      const fence = "`".repeat(Math.max(3, longestRun(all) + 1));
      lines.push(
        `${code(pathOf(c) ?? `${c.slot}.${c.field}`, false)} in full:`,
        "",
        `${fence}diff`,
      );
      for (const part of diffLines(c.before ?? "", c.after ?? "")) {
        const sign = part.added ? "+" : part.removed ? "-" : " ";
        for (const l of part.value.replace(/\n$/, "").split("\n"))
          lines.push(`${sign} ${printable(l)}`);
      }
      lines.push(fence, "");
    }
  }
  return lines;
}

/** A value in a table cell: a code span; pipes, line breaks and controls escaped, long ones cut. */
function value(v: string): string {
  if (v === "") return "_(empty)_";
  // Long and multi-line values are also shown in full below the table.
  const oneLine = v.length > 200 ? `${v.slice(0, 200)}…` : v;
  return code(oneLine.replace(/\r?\n/g, "⏎"));
}

function isMultiline(v: string | undefined): boolean {
  return v !== undefined && (v.includes("\n") || v.length > 200);
}

/**
 * A code span holding `text` unaltered: fenced by more backticks than its
 * longest run, padded when it starts or ends with a backtick or space; in a
 * table a pipe is `\|` (GitHub removes that backslash in tables only).
 */
export function code(text: string, inTable = true): string {
  const shown = printable(text);
  const safe = inTable ? shown.replace(/\|/g, "\\|") : shown;
  const fence = "`".repeat(longestRun(safe) + 1);
  const pad = /^[`\s]|[`\s]$/.test(safe) ? " " : "";
  return `${fence}${pad}${safe}${pad}${fence}`;
}

function longestRun(text: string): number {
  let best = 0;
  for (const m of text.matchAll(/`+/g)) best = Math.max(best, m[0].length);
  return best;
}

/** A Console step; its quoted values (JSON strings) become exact code spans to type. */
function step(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    out += md(text.slice(last, m.index));
    out += quoted(m[0]);
    last = m.index + m[0].length;
  }
  return out + md(text.slice(last));
}

function quoted(json: string): string {
  try {
    return code(JSON.parse(json) as string, false);
  } catch {
    return md(json);
  }
}

function md(text: string): string {
  return printable(html(text)).replace(/\|/g, "\\|");
}

function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Plans of several accounts in one output. One account (whatever its name)
 * renders exactly like a single plan. Several: text and markdown get one
 * section per account, headed by its name (each section keeps its own target
 * line and, in markdown, its own hidden marker); JSON is a wrapper
 * `{format_version: 2, accounts: [{account, plan}]}` whose plans are the
 * single-account JSON unchanged. A safety warning, when given, follows its
 * account's plan. Pure.
 */
import { PLAN_FORMAT_VERSION, type Plan } from "../model/plan.ts";
import { renderJson, safeJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderText } from "./text.ts";

export interface AccountSection {
  name: string;
  plan: Plan;
  /** Safety-threshold warning text (plan/safety.ts), "" when none. */
  warning: string;
}

const quoteLines = (text: string): string =>
  text
    .split("\n")
    .map((l) => `> ${l.trim()}`)
    .join("\n");

function markdownOne(s: AccountSection): string {
  const warning = s.warning === "" ? "" : `\n> [!WARNING]\n${quoteLines(s.warning)}\n`;
  return renderMarkdown(s.plan) + warning;
}

export function renderAccountsText(list: AccountSection[], opts: { color: boolean }): string {
  if (list.length === 1) return renderText(list[0]!.plan, opts);
  return list.map((s) => `=== account ${s.name} ===\n${renderText(s.plan, opts)}`).join("\n");
}

export function renderAccountsMarkdown(list: AccountSection[]): string {
  if (list.length === 1) return markdownOne(list[0]!);
  return list
    .map((s) =>
      markdownOne(s).replace("### Trust Hub plan", `### Trust Hub plan: account \`${s.name}\``),
    )
    .join("\n");
}

export function renderAccountsJson(list: AccountSection[]): string {
  if (list.length === 1) return renderJson(list[0]!.plan);
  const accounts = list.map((s) => ({
    account: s.name,
    plan: JSON.parse(renderJson(s.plan)) as unknown,
  }));
  return `${safeJson({ format_version: PLAN_FORMAT_VERSION, accounts })}\n`;
}

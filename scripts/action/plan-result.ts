/**
 * What the action reads from the JSON plan (`trusthub plan --out`, format 1 or
 * 2, schemas/plan.schema.json): the counts summed over accounts (profiles and
 * trust products) and the phone number assignments to write, the checksum(s),
 * the labels they call for, and the step outputs. Pure.
 */
import { LABELS } from "./github.ts";

export const COUNTS = [
  "create",
  "update",
  "adopt",
  "no-op",
  "skip",
  "blocked",
  "delete",
  "submit",
] as const;
export type Counts = Record<(typeof COUNTS)[number], number>;

interface ChangeJson {
  slot: string;
}

interface PlanJson {
  summary: Partial<Counts>;
  /** Format 2: trust products per action kind (absent when the plan has none). */
  productSummary?: Partial<Counts>;
  actions?: { changes?: ChangeJson[]; trustProducts?: { changes?: ChangeJson[] }[] }[];
  checksum: string;
}

export interface PlanResult {
  /** Profiles' and trust products' actions per kind, summed. */
  counts: Counts;
  /**
   * Format 2: phone number assignments to write (slot `phoneNumbers`), on profiles and trust
   * products; apply writes them even on a no-op or a skip, which the counts do not show.
   */
  numbers: number;
  /** One plan: its checksum; several accounts: `name=checksum` separated by spaces. */
  checksum: string;
}

/** Single-account JSON, or the several-accounts wrapper `{format_version, accounts: [{account, plan}]}`. */
export function readPlanJson(text: string): PlanResult {
  const data = JSON.parse(text) as {
    format_version?: number;
    accounts?: { account: string; plan: PlanJson }[];
  } & Partial<PlanJson>;
  if (data.format_version !== 1 && data.format_version !== 2)
    throw new Error("not a trusthub plan (format_version 1 or 2)");
  const plans: [string, PlanJson][] = data.accounts
    ? data.accounts.map((a) => [a.account, a.plan])
    : [["", data as PlanJson]];
  const counts = Object.fromEntries(COUNTS.map((k) => [k, 0])) as Counts;
  let numbers = 0;
  const numbersIn = (changes: ChangeJson[] | undefined) =>
    (changes ?? []).filter((c) => c.slot === "phoneNumbers").length;
  for (const [, p] of plans) {
    for (const k of COUNTS) counts[k] += (p.summary[k] ?? 0) + (p.productSummary?.[k] ?? 0);
    for (const a of p.actions ?? []) {
      numbers += numbersIn(a.changes);
      for (const t of a.trustProducts ?? []) numbers += numbersIn(t.changes);
    }
  }
  const checksum =
    plans.length === 1
      ? plans[0]![1].checksum
      : plans.map(([name, p]) => `${name}=${p.checksum}`).join(" ");
  return { counts, numbers, checksum };
}

/** The trusthub:* labels a plan calls for; `numbers`: phone number assignments to write. */
export function labelsFor(c: Counts, numbers = 0): string[] {
  const out: string[] = [];
  if (c.create + c.update + c.adopt + c.delete + c.submit + numbers > 0) out.push(LABELS.changes);
  if (c.blocked > 0) out.push(LABELS.blocked);
  if (c.delete > 0) out.push(LABELS.deletes);
  if (out.length === 0) out.push(LABELS.noChanges);
  return out;
}

/** `name=value` lines for $GITHUB_OUTPUT (values are single-line). */
export function outputLines(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${String(v).replace(/[\r\n]+/g, " ")}\n`)
    .join("");
}

/** The comment and summary body when trusthub failed: the error text (names, never values). */
export function errorMarkdown(command: string, code: number, stderr: string): string {
  const text = stderr.trim().slice(-20_000).replace(/```/g, "` ` `");
  return [
    `${MARKER_LINE_ERROR}`,
    `### Trust Hub ${command} failed (exit ${code})`,
    "",
    "```",
    text === "" ? "(no error output)" : text,
    "```",
    "",
  ].join("\n");
}

export const MARKER_LINE_ERROR = "<!-- trusthub-plan error -->";

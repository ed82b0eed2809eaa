/**
 * The parts of the markdown plan that trust products (issue 14) add: the
 * count table with a column of trust products (only when the plan has any),
 * the phone number assignments in a section's folded summary line, and the
 * brand readiness line. Pure.
 */
import type { BrandReadiness, FieldChange, Plan } from "../model/plan.ts";
import { ACTION_MARKER, ACTION_ORDER } from "./common.ts";

/** Actions per kind; a column of trust products when the plan has any (issue 14). */
export function countTable(plan: Plan): string[] {
  const ps = plan.productSummary;
  if (ps === undefined) {
    return [
      "| Action | Profiles |",
      "| --- | ---: |",
      ...ACTION_ORDER.map((k) => `| ${ACTION_MARKER[k]} ${k} | ${plan.summary[k]} |`),
      `| submit for review | ${plan.summary.submit} |`,
    ];
  }
  return [
    "| Action | Profiles | Trust products |",
    "| --- | ---: | ---: |",
    ...ACTION_ORDER.map((k) => `| ${ACTION_MARKER[k]} ${k} | ${plan.summary[k]} | ${ps[k]} |`),
    `| submit for review | ${plan.summary.submit} | ${ps.submit} |`,
  ];
}

/** What a brand registration needs, and whether it is ready. */
export function readiness(r: BrandReadiness): string {
  const sid = (v: string | undefined): string => (v === undefined ? "_(not created)_" : `\`${v}\``);
  return `Brand registration: **${r.ready ? "ready" : "not ready"}** (customer profile ${sid(r.customerProfileSid)}, A2P trust product ${sid(r.a2pTrustProductSid)})`;
}

/**
 * The phone number assignments among `changes`, for a folded summary line: " (+2 -1 numbers)";
 * "" without any. A reviewer sees number changes without opening the section.
 */
export function numberDelta(changes: readonly FieldChange[]): string {
  const nums = changes.filter((c) => c.slot === "phoneNumbers");
  if (nums.length === 0) return "";
  const add = nums.filter((c) => c.after !== undefined).length;
  const parts = [add > 0 ? `+${add}` : "", nums.length > add ? `-${nums.length - add}` : ""];
  return ` (${parts.filter((x) => x !== "").join(" ")} ${nums.length === 1 ? "number" : "numbers"})`;
}

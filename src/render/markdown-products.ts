/**
 * The parts of the markdown plan that trust products (issue 14) add: the
 * count table with a column of trust products (only when the plan has any)
 * and the brand readiness line. Pure.
 */
import type { BrandReadiness, Plan } from "../model/plan.ts";
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

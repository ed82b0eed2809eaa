/**
 * The trust products' part of `trusthub apply` (issue 14): whether the plan
 * has product work, and the report of what the engine did to each product
 * (its provider evaluates and submits it, so the outcome carries both). Lines
 * hold keys, SIDs, statuses and Twilio's requirement names only.
 */
import type { ProfileOutcome } from "../apply/engine.ts";
import type { ProductOutputs } from "../apply/product-inputs.ts";
import type { Plan, TrustProductAction } from "../model/plan.ts";
import { codeMeaning } from "../render/status.ts";

const WRITES: TrustProductAction["action"][] = ["create", "update", "adopt", "delete"];

export function productActions(plan: Plan): TrustProductAction[] {
  return plan.actions.flatMap((a) => a.trustProducts ?? []);
}

/**
 * Whether apply has anything to do for a trust product (a write, a delete or a submit), or for a
 * profile's phone numbers: a profile whose only change is its numbers (slot "phoneNumbers") still
 * runs Pulumi, whatever its action says (numbers change in any status), unless it is blocked.
 */
export function hasProductWork(plan: Plan): boolean {
  const numbers = (changes: { slot: string }[]) => changes.some((c) => c.slot === "phoneNumbers");
  return (
    productActions(plan).some((t) => WRITES.includes(t.action) || t.submit) ||
    plan.actions.some((a) => a.action !== "blocked" && numbers(a.changes))
  );
}

export interface ProductReport {
  lines: string[];
  /** Products that failed or whose evaluation is noncompliant. */
  notOk: number;
  submitted: number;
}

/** The report of the products' outcomes (empty when the run had none). */
export function productReport(outcomes: ProfileOutcome[]): ProductReport {
  const mine = outcomes.filter((o) => o.product === true);
  const report: ProductReport = { lines: [], notOk: 0, submitted: 0 };
  if (mine.length === 0) return report;
  const count = { create: 0, adopt: 0, update: 0, delete: 0, failed: 0 };
  for (const o of mine) {
    const out = o.outputs as unknown as ProductOutputs | undefined;
    if (!o.ok) {
      count.failed++;
      report.notOk++;
      continue;
    }
    if (o.op === "create") count[out && isAdopt(out) ? "adopt" : "create"]++;
    else if (o.op === "update") count.update++;
    else if (o.op === "delete") count.delete++;
    if (o.op === "same" || o.op === "delete" || !out) continue;
    const head = `${o.key} (${out.productSid}): ${out.status}`;
    if (out.evaluation === "noncompliant") {
      report.notOk++;
      report.lines.push(`  ${head}, evaluation noncompliant`);
      for (const f of out.failures ?? []) {
        const where = f.field ? `${f.requirement}.${f.field}` : f.requirement;
        report.lines.push(
          `    ${where}: ${f.code === null ? "failed" : `${f.code} ${codeMeaning(f.code)}`}`,
        );
      }
    } else {
      report.lines.push(
        `  ${head}${out.evaluation ? `, evaluation ${out.evaluation}` : ""}${out.submitted ? ", submitted for review" : ""}`,
      );
    }
    if (out.submitted) report.submitted++;
  }
  report.lines.unshift(
    `Trust products: ${count.create} created, ${count.adopt} adopted, ${count.update} updated, ` +
      (count.delete > 0 ? `${count.delete} deleted, ` : "") +
      `${report.submitted} submitted, ${count.failed} failed.`,
  );
  return report;
}

/** A create whose first write was not the product itself: it existed (adopted). */
function isAdopt(out: ProductOutputs): boolean {
  return !(out.writes ?? []).some((w) => w.startsWith("trust product created"));
}

/**
 * `trusthub status` for trust products (issue 14): each product's status and
 * its last evaluation's failures, grouped under its profile. Pure. Products
 * are named by key (or friendly name when undeclared); failures by object
 * type, field and code, as for profiles (src/render/status.ts).
 */
import type { TrustProductKind } from "../model/config.ts";
import type { EvaluationSummary, LiveStatus, StatusReport } from "./status.ts";

export interface ProductStatusEntry {
  /** `<profile key>/<kind>` (declared products only). */
  key?: string;
  /** The declared profile it belongs to. */
  profileKey?: string;
  product?: TrustProductKind;
  sid?: string;
  friendlyName: string;
  status: LiveStatus;
  evaluation?: EvaluationSummary;
  /** Why a declared product has no live status, or what it waits for (free of personal data). */
  note?: string;
}

/** The status report with its trust products (present only when there are any). */
export type StatusReportWithProducts = StatusReport & { trust_products?: ProductStatusEntry[] };

/** The text section of the products, grouped by profile; "" when there are none. */
export function renderProductStatusText(products: ProductStatusEntry[] | undefined): string {
  if (!products || products.length === 0) return "";
  const lines = ["", "Trust products:"];
  const label = (p: ProductStatusEntry): string => p.key ?? JSON.stringify(p.friendlyName);
  const w = Math.max(0, ...products.map((p) => label(p).length));
  let group: string | undefined;
  for (const p of products) {
    if (p.profileKey !== undefined && p.profileKey !== group) {
      group = p.profileKey;
      lines.push(`  ${group}:`);
    }
    lines.push(`    ${label(p).padEnd(w)}  ${(p.sid ?? "-").padEnd(34)}  ${p.status}`.trimEnd());
    if (p.note !== undefined) lines.push(`      ${p.note}`);
    const ev = p.evaluation;
    if (ev !== undefined) {
      lines.push(`      last evaluation ${ev.sid} (${ev.dateCreated}): ${ev.status}`);
      for (const f of ev.failures) {
        const where = `${f.objectType || f.requirement}${f.field ? ` ${f.field}` : ""}`;
        const code = f.code === null ? "" : ` ${f.code}`;
        lines.push(`        ${where}:${code} ${f.meaning ?? "failed"}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

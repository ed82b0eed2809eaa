/**
 * Plan-wide steps of trust products (issue 14): undeclared managed products
 * grouped under their profile's action, the fingerprints of live products
 * the plan matched, and the product summary. Pure.
 */
import type {
  Fingerprints,
  PlanSummary,
  ProfileAction,
  TrustProductAction,
} from "../model/plan.ts";
import { PRODUCT_ORDER } from "./product-facts.ts";
import type { ProductContext } from "./products.ts";
import { splitProductKey, undeclaredProducts } from "./prune-product.ts";

/**
 * Adds undeclared managed products to their profile's action (declared or undeclared); a
 * targeted plan (`all` false) plans nothing undeclared. Products whose profile has no action
 * are left out of the actions (registration() still holds them).
 */
export function attachUndeclaredProducts(
  ctx: ProductContext,
  actions: ProfileAction[],
  all: boolean,
  prune: boolean,
): void {
  if (!all) return;
  const declared = new Set(actions.flatMap((a) => (a.trustProducts ?? []).map((p) => p.key)));
  const byKey = new Map(actions.map((a) => [a.key, a]));
  const claimed = new Map<string, string>();
  for (const [key, m] of ctx.matches) for (const sid of m.candidates) claimed.set(sid, key);
  for (const p of undeclaredProducts(ctx.account, declared, prune, claimed)) {
    const owner = byKey.get(splitProductKey(p.key)?.profileKey ?? "");
    if (owner === undefined) continue;
    owner.trustProducts = [...(owner.trustProducts ?? []), p].sort(byKind);
  }
}

function byKind(a: TrustProductAction, b: TrustProductAction): number {
  return PRODUCT_ORDER.indexOf(a.product) - PRODUCT_ORDER.indexOf(b.product);
}

/** Status and date_updated of every live trust product the plan matched or names. */
export function productFingerprints(ctx: ProductContext, actions: ProfileAction[]): Fingerprints {
  const live = new Map((ctx.account.trustProducts ?? []).map((p) => [p.sid, p]));
  const sids = new Set<string>();
  for (const m of ctx.matches.values()) m.candidates.forEach((s) => sids.add(s));
  for (const a of actions) for (const p of a.trustProducts ?? []) if (p.sid) sids.add(p.sid);
  const out: Fingerprints = {};
  for (const sid of sids) {
    const p = live.get(sid);
    if (p !== undefined) out[sid] = { status: p.status, dateUpdated: p.dateUpdated };
  }
  return out;
}

/** Trust product actions per kind; undefined when the plan has none. */
export function summarizeProducts(actions: ProfileAction[]): PlanSummary | undefined {
  const all = actions.flatMap((a) => a.trustProducts ?? []);
  if (all.length === 0) return undefined;
  const s: PlanSummary = {
    create: 0,
    update: 0,
    adopt: 0,
    "no-op": 0,
    skip: 0,
    blocked: 0,
    delete: 0,
    submit: 0,
  };
  for (const p of all) {
    s[p.action] += 1;
    if (p.submit) s.submit += 1;
  }
  return s;
}

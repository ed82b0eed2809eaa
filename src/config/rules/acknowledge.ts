/**
 * `acknowledge: [code, ...]` on a profile (or a trust product): the warnings with those codes about
 * that profile are known and accepted, so they are not reported again (CI
 * logs stay quiet). Only warnings can be acknowledged; errors always show.
 */
import type { Diagnostic } from "../../model/config.ts";
import { allProfiles, type RuleContext } from "./context.ts";
import { allProducts } from "./product-context.ts";

/** The warnings a profile may acknowledge (the schema's enum lists the same). */
export const ACKNOWLEDGEABLE = [
  "rule/single-representative",
  "rule/duns",
  "rule/primary-undeclared",
] as const;

/** The warnings a trust product may acknowledge (the schema's productAcknowledge lists the same). */
export const PRODUCT_ACKNOWLEDGEABLE = ["rule/unlisted-value"] as const;

/** The diagnostics without the warnings their profile or trust product acknowledges. */
export function withoutAcknowledged(ctx: RuleContext, diags: Diagnostic[]): Diagnostic[] {
  const acks = [
    ...allProfiles(ctx).map((e) => ({
      doc: e.doc,
      pointer: e.pointer,
      codes: e.profile.acknowledge,
    })),
    ...allProducts(ctx).map((e) => ({
      doc: e.profile.doc,
      pointer: e.pointer,
      codes: e.product.acknowledge,
    })),
  ].filter((e) => (e.codes ?? []).length > 0);
  if (acks.length === 0) return diags;
  return diags.filter((d) => {
    if (d.severity !== "warning" || d.file === undefined || d.path === undefined) return true;
    const path = d.path;
    return !acks.some((e) => {
      if (e.doc.file !== d.file || !(e.codes ?? []).includes(d.code)) return false;
      if (path !== e.pointer && !path.startsWith(`${e.pointer}/`)) return false;
      // Same file and pointer: make sure it is this document (a file may hold several).
      return [e.doc.at(path), e.doc.at(path, "key")].some(
        (r) => r.line === d.line && r.column === d.column,
      );
    });
  });
}

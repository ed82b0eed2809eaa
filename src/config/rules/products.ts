/**
 * Trust products (issue 14): CNAM's display name and registration type, an
 * A2P messaging profile's stock fields, unique sids, unlisted company types.
 * The Twilio facts (CNAM conditions, EIN/DUNS) are src/domain/trust-products.ts's,
 * with their sources in src/domain/facts-products.ts and docs/twilio-facts.md.
 */
import type { Diagnostic, WrittenA2pMessaging, WrittenCnam } from "../../model/config.ts";
import {
  CNAM_DISPLAY_NAME_MAX_LENGTH,
  CNAM_DISPLAY_NAME_PATTERN,
  CNAM_REGISTRATION_ID_TYPES,
} from "../../domain/trust-products.ts";
import { diagnostic, fieldLabel } from "../diagnostic.ts";
import { isUnlisted } from "../unlisted.ts";
import { allProfiles, isIndividual, where, type RuleContext } from "./context.ts";
import { PRODUCT_KINDS } from "../products.ts";
import { allProducts } from "./product-context.ts";

const CNAM_CHARACTERS = new RegExp(CNAM_DISPLAY_NAME_PATTERN);

/** Why a CNAM display name is refused (Twilio's CNAM conditions), or undefined when it is fine. */
export function cnamDisplayNameProblem(name: string): string | undefined {
  if ([...name].length > CNAM_DISPLAY_NAME_MAX_LENGTH) {
    return `is longer than ${CNAM_DISPLAY_NAME_MAX_LENGTH} characters`;
  }
  if (!/^[A-Za-z]/.test(name)) return "must begin with a letter";
  if (!CNAM_CHARACTERS.test(name)) {
    return "may contain only letters, digits, periods, commas and spaces";
  }
  return undefined;
}

export function cnamDisplayName(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of allProducts(ctx)) {
    if (p.field !== "cnam") continue;
    const problem = cnamDisplayNameProblem((p.product as WrittenCnam).displayName);
    if (problem === undefined) continue;
    const pointer = `${p.pointer}/displayName`;
    const message = `${fieldLabel(pointer)} ${problem} (Twilio's CNAM conditions)`;
    out.push(
      diagnostic("rule/cnam-display-name", "error", message, p.profile.doc.at(pointer), pointer),
    );
  }
  return out;
}

export function cnamRegistration(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of allProducts(ctx)) {
    if (p.field !== "cnam") continue;
    const profile = p.profile.profile;
    const type = isIndividual(profile) ? undefined : profile.business.registration.type;
    if ((CNAM_REGISTRATION_ID_TYPES as readonly unknown[]).includes(type)) continue;
    const message = `${fieldLabel(p.pointer)}: CNAM needs a business profile registered with an EIN or a DUNS number (Twilio's CNAM eligibility)`;
    out.push(
      diagnostic(
        "rule/cnam-registration",
        "error",
        message,
        p.profile.doc.at(p.pointer, "key"),
        p.pointer,
      ),
    );
  }
  return out;
}

const STOCK_FIELDS = ["stockExchange", "stockTicker"] as const;

/** Twilio's A2P ISV guide: stock_exchange and stock_ticker for public companies only. */
export function a2pStockFields(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of allProducts(ctx)) {
    if (p.field !== "a2pMessaging") continue;
    const a2p = p.product as WrittenA2pMessaging;
    const doc = p.profile.doc;
    if (a2p.companyType === "public") {
      const missing = STOCK_FIELDS.filter((f) => a2p[f] === undefined);
      if (missing.length === 0) continue;
      const pointer = `${p.pointer}/companyType`;
      const message = `companyType public needs ${missing.join(" and ")} (Twilio's A2P messaging profile)`;
      out.push(diagnostic("rule/a2p-stock-fields", "error", message, doc.at(pointer), pointer));
      continue;
    }
    for (const f of STOCK_FIELDS) {
      if (a2p[f] === undefined) continue;
      const pointer = `${p.pointer}/${f}`;
      const message = `${fieldLabel(pointer)} applies only when companyType is public`;
      out.push(
        diagnostic("rule/a2p-stock-fields", "error", message, doc.at(pointer, "key"), pointer),
      );
    }
  }
  return out;
}

/** A trust product's sid is unique among all profile and product sids of the account. */
export function uniqueProductSids(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  type Doc = RuleContext["documents"][number];
  const first = new Map<string, { doc: Doc; pointer: string; product: boolean }>();
  for (const e of allProfiles(ctx)) {
    const products = e.profile.trustProducts ?? {};
    const sids = [
      { sid: e.profile.sid, pointer: `${e.pointer}/sid`, product: false },
      ...PRODUCT_KINDS.map(({ field }) => ({
        sid: products[field]?.sid,
        pointer: `${e.pointer}/trustProducts/${field}/sid`,
        product: true,
      })),
    ];
    for (const { sid, pointer, product } of sids) {
      if (sid === undefined) continue;
      const earlier = first.get(sid);
      if (earlier === undefined) {
        first.set(sid, { doc: e.doc, pointer, product });
      } else if (product || earlier.product) {
        // Two profiles with one sid: uniqueSids reports it.
        const message = `sid is already used at ${where(earlier.doc.at(earlier.pointer))}`;
        out.push(diagnostic("rule/duplicate-sid", "error", message, e.doc.at(pointer), pointer));
      }
    }
  }
  return out;
}

export function unlistedCompanyTypes(ctx: RuleContext): Diagnostic[] {
  return allProducts(ctx)
    .filter((p) => p.field === "a2pMessaging")
    .flatMap((p) => {
      const value = (p.product as WrittenA2pMessaging).companyType;
      if (!isUnlisted(value)) return [];
      const pointer = `${p.pointer}/companyType`;
      const message = `${JSON.stringify(value.unlisted)} is not a value Twilio documents for companyType (docs/twilio-facts.md); it is sent as written`;
      return [
        diagnostic("rule/unlisted-value", "warning", message, p.profile.doc.at(pointer), pointer),
      ];
    });
}

/**
 * Phone numbers of profiles and voice trust products: valid (E.164 via
 * libphonenumber-js, national formats with the address country), each
 * assigned to one profile of the account, a voice product's numbers among its
 * profile's, at least one per voice product, US numbers (not toll-free) for CNAM. That the
 * account holds a number is checked by the plan (it needs the account's list).
 */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic, fieldLabel } from "../diagnostic.ts";
import { CNAM_ISO_COUNTRIES, TOLL_FREE_AREA_CODES } from "../../domain/trust-products.ts";
import { phoneRegion, toE164 } from "../phone.ts";
import { allProfiles, where, type RuleContext } from "./context.ts";
import {
  allProducts,
  isVoice,
  productNumbers,
  profileNumbers,
  type NumberRef,
  type ProductEntry,
} from "./product-context.ts";

/** Every written number: the profiles' lists and the products' own lists. */
function writtenNumbers(ctx: RuleContext) {
  const out: { ref: NumberRef; country: string; at: RuleContext["documents"][number] }[] = [];
  for (const e of allProfiles(ctx)) {
    const country = e.profile.address.isoCountry;
    for (const ref of profileNumbers(e)) out.push({ ref, country, at: e.doc });
  }
  for (const p of allProducts(ctx)) {
    if (p.product.phoneNumbers === undefined) continue;
    const country = p.profile.profile.address.isoCountry;
    for (const ref of productNumbers(p)) out.push({ ref, country, at: p.profile.doc });
  }
  return out;
}

export function validPhoneNumbers(ctx: RuleContext): Diagnostic[] {
  return writtenNumbers(ctx)
    .filter((n) => toE164(n.ref.value, n.country) === undefined)
    .map((n) =>
      diagnostic(
        "rule/phone",
        "error",
        `${fieldLabel(n.ref.pointer)}: not a valid phone number; write it in E.164, e.g. +12025550171`,
        n.at.at(n.ref.pointer),
        n.ref.pointer,
      ),
    );
}

/**
 * A number is assigned to one customer profile: listed once in a profile and
 * in no other profile of the account; also once in each product's own list.
 */
export function uniquePhoneNumbers(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  type Doc = RuleContext["documents"][number];
  // Positions only for diagnostics: a valid config never re-parses its files.
  const report = (doc: Doc, ref: NumberRef, first: { doc: Doc; pointer: string }, tail: string) => {
    const message = `phone number is already listed at ${where(first.doc.at(first.pointer))}${tail}`;
    out.push(
      diagnostic("rule/duplicate-phone-number", "error", message, doc.at(ref.pointer), ref.pointer),
    );
  };
  const owner = new Map<string, { doc: Doc; pointer: string }>();
  for (const e of allProfiles(ctx)) {
    const country = e.profile.address.isoCountry;
    for (const ref of profileNumbers(e)) {
      const e164 = toE164(ref.value, country);
      if (e164 === undefined) continue;
      const first = owner.get(e164);
      if (first === undefined) owner.set(e164, { doc: e.doc, pointer: ref.pointer });
      else report(e.doc, ref, first, "; a number is assigned to one customer profile");
    }
  }
  for (const p of allProducts(ctx)) {
    if (p.product.phoneNumbers === undefined) continue;
    const seen = new Map<string, { doc: Doc; pointer: string }>();
    const country = p.profile.profile.address.isoCountry;
    for (const ref of productNumbers(p)) {
      const e164 = toE164(ref.value, country);
      if (e164 === undefined) continue;
      const first = seen.get(e164);
      if (first === undefined) seen.set(e164, { doc: p.profile.doc, pointer: ref.pointer });
      else report(p.profile.doc, ref, first, "");
    }
  }
  return out;
}

/** Twilio assigns a voice product only numbers already assigned to its customer profile. */
export function productNumbersOnProfile(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of allProducts(ctx)) {
    if (!isVoice(p) || p.product.phoneNumbers === undefined) continue;
    const country = p.profile.profile.address.isoCountry;
    const profile = new Set(profileNumbers(p.profile).map((n) => toE164(n.value, country)));
    for (const ref of productNumbers(p)) {
      const e164 = toE164(ref.value, country);
      if (e164 === undefined || profile.has(e164)) continue;
      out.push(
        diagnostic(
          "rule/product-phone-number",
          "error",
          `${fieldLabel(ref.pointer)}: not in the profile's phoneNumbers; a trust product's numbers must first be assigned to its customer profile`,
          p.profile.doc.at(ref.pointer),
          ref.pointer,
        ),
      );
    }
  }
  return out;
}

export function voiceProductsNeedNumbers(ctx: RuleContext): Diagnostic[] {
  return allProducts(ctx)
    .filter((p) => isVoice(p) && productNumbers(p).length === 0)
    .map((p) => {
      const own = p.product.phoneNumbers !== undefined;
      const pointer = own ? `${p.pointer}/phoneNumbers` : p.pointer;
      const message = own
        ? `${fieldLabel(pointer)} is empty: a voice trust product needs at least one phone number`
        : `${fieldLabel(p.pointer)} needs at least one phone number: list the numbers in the profile's phoneNumbers (the product takes them all by default)`;
      return diagnostic(
        "rule/product-no-numbers",
        "error",
        message,
        p.profile.doc.at(pointer, own ? "value" : "key"),
        pointer,
      );
    });
}

/** Whether a valid number may carry CNAM: a US number (libphonenumber's region) and not toll-free. */
function cnamEligible(value: string, country: string): boolean {
  const e164 = toE164(value, country);
  if (e164 === undefined) return true; // rule/phone reports it
  const region = phoneRegion(value, country);
  if (!(CNAM_ISO_COUNTRIES as readonly (string | undefined)[]).includes(region)) return false;
  return !(TOLL_FREE_AREA_CODES as readonly string[]).includes(e164.slice(2, 5));
}

/**
 * Twilio's CNAM page: CNAM is available only for US numbers, and not for
 * toll-free ones (the emulator refuses such an assignment with a 400).
 */
export function cnamNumbers(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tail = "Twilio offers CNAM for US numbers only, not toll-free ones";
  for (const p of allProducts(ctx).filter((e: ProductEntry) => e.field === "cnam")) {
    const country = p.profile.profile.address.isoCountry;
    const refused = productNumbers(p).filter((ref) => !cnamEligible(ref.value, country));
    const report = (pointer: string, anchor: "value" | "key", message: string) =>
      out.push(
        diagnostic(
          "rule/cnam-number",
          "error",
          message,
          p.profile.doc.at(pointer, anchor),
          pointer,
        ),
      );
    if (p.product.phoneNumbers !== undefined) {
      for (const ref of refused)
        report(ref.pointer, "value", `${fieldLabel(ref.pointer)}: ${tail}`);
    } else if (refused.length > 0) {
      const label = fieldLabel(p.pointer);
      const n = refused.length;
      const message = `${label} takes all of the profile's numbers, ${n} of them not eligible: list the eligible ones in its phoneNumbers; ${tail}`;
      report(p.pointer, "key", message);
    }
  }
  return out;
}

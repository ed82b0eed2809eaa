/**
 * What the trust-product rules see: each declared product with its profile,
 * its pointer, and the phone numbers it gets (its own list, or by default all
 * of its profile's), each with the pointer where it is written.
 */
import type {
  WrittenBusinessProfile,
  WrittenPrimary,
  WrittenTrustProductBase,
  WrittenTrustProducts,
} from "../../model/config.ts";
import { joinPointer } from "../diagnostic.ts";
import { PRODUCT_KINDS, VOICE_FIELDS } from "../products.ts";
import { allProfiles, type ProfileEntry, type RuleContext } from "./context.ts";

export type ProductField = keyof WrittenTrustProducts;

export interface ProductEntry {
  profile: ProfileEntry<WrittenPrimary | WrittenBusinessProfile>;
  field: ProductField;
  /** "<profile pointer>/trustProducts/<field>". */
  pointer: string;
  product: WrittenTrustProductBase & { phoneNumbers?: string[] };
}

export interface NumberRef {
  value: string;
  pointer: string;
}

export function allProducts(ctx: RuleContext): ProductEntry[] {
  const out: ProductEntry[] = [];
  for (const profile of allProfiles(ctx)) {
    const products = profile.profile.trustProducts;
    if (!products) continue;
    for (const { field } of PRODUCT_KINDS) {
      const product = products[field];
      if (product === undefined) continue;
      const pointer = joinPointer(`${profile.pointer}/trustProducts`, field);
      out.push({ profile, field, pointer, product });
    }
  }
  return out;
}

export function isVoice(e: ProductEntry): boolean {
  return (VOICE_FIELDS as readonly string[]).includes(e.field);
}

/** A profile's own numbers, with pointers. */
export function profileNumbers(e: ProfileEntry): NumberRef[] {
  return (e.profile.phoneNumbers ?? []).map((value, i) => ({
    value,
    pointer: `${e.pointer}/phoneNumbers/${i}`,
  }));
}

/** The numbers a voice product gets: its own list, else all of its profile's. */
export function productNumbers(e: ProductEntry): NumberRef[] {
  const own = e.product.phoneNumbers;
  if (own === undefined) return profileNumbers(e.profile);
  return own.map((value, i) => ({ value, pointer: `${e.pointer}/phoneNumbers/${i}` }));
}

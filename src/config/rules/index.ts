/**
 * The semantic rules, run on schema-valid documents of all files together.
 * Adding a check = one small function and one entry here.
 */
import type { Diagnostic } from "../../model/config.ts";
import { withoutAcknowledged } from "./acknowledge.ts";
import { validEmails, validPhones, validUrls } from "./contact.ts";
import type { Rule, RuleContext } from "./context.ts";
import { isoCountries } from "./country.ts";
import { brandOwnerEmail, secondariesHaveEmail, validDefaults } from "./defaults.ts";
import { plausibleDatesOfBirth } from "./date-of-birth.ts";
import { secondariesNeedIsvPrimary } from "./isv.ts";
import {
  dunsDiscouraged,
  otherRegistrationType,
  plausibleRegistrationNumbers,
} from "./registration.ts";
import { distinctRepresentatives, secondRepresentative } from "./representatives.ts";
import {
  cnamNumbers,
  productNumbersOnProfile,
  uniquePhoneNumbers,
  validPhoneNumbers,
  voiceProductsNeedNumbers,
} from "./phone-numbers.ts";
import {
  a2pStockFields,
  cnamDisplayName,
  cnamRegistration,
  uniqueProductSids,
  unlistedCompanyTypes,
} from "./products.ts";
import { unlistedValues } from "./unlisted.ts";
import {
  consistentDefaults,
  onePrimary,
  uniqueFriendlyNames,
  uniqueKeys,
  uniqueSids,
} from "./uniqueness.ts";

export const RULES: readonly Rule[] = [
  uniqueKeys,
  uniqueFriendlyNames,
  uniqueSids,
  onePrimary,
  consistentDefaults,
  validDefaults,
  secondariesHaveEmail,
  brandOwnerEmail,
  secondariesNeedIsvPrimary,
  distinctRepresentatives,
  secondRepresentative,
  validPhones,
  validEmails,
  validUrls,
  plausibleRegistrationNumbers,
  dunsDiscouraged,
  otherRegistrationType,
  unlistedValues,
  isoCountries,
  plausibleDatesOfBirth,
  // trust products and phone numbers (issue 14)
  validPhoneNumbers,
  uniquePhoneNumbers,
  productNumbersOnProfile,
  voiceProductsNeedNumbers,
  cnamNumbers,
  cnamDisplayName,
  cnamRegistration,
  a2pStockFields,
  uniqueProductSids,
  unlistedCompanyTypes,
];

/**
 * Runs every rule; diagnostics at pointers in `skip` (unresolved env
 * references) are dropped, and warnings their profile acknowledges.
 */
export function runRules(
  ctx: RuleContext,
  skip: (file: string, pointer: string) => boolean,
): Diagnostic[] {
  const all = RULES.flatMap((rule) => rule(ctx)).filter(
    (d) => d.file === undefined || d.path === undefined || !skip(d.file, d.path),
  );
  return withoutAcknowledged(ctx, all);
}

export type { Rule, RuleContext, RuleDocument } from "./context.ts";

/** Address countries must be ISO 3166-1 alpha-2 codes. */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { allProfiles, type RuleContext } from "./context.ts";
import { ISO_COUNTRIES } from "./iso-countries.ts";

export function isIsoCountry(value: string): boolean {
  return ISO_COUNTRIES.has(value.trim().toUpperCase());
}

export function isoCountries(ctx: RuleContext): Diagnostic[] {
  return allProfiles(ctx)
    .filter((e) => !isIsoCountry(e.profile.address.isoCountry))
    .map((e) => {
      const pointer = `${e.pointer}/address/isoCountry`;
      return diagnostic(
        "rule/country",
        "error",
        "address.isoCountry must be an ISO 3166-1 alpha-2 country code, e.g. US or GB",
        e.doc.at(pointer),
        pointer,
      );
    });
}

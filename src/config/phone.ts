/** Phone numbers: parsed with libphonenumber-js, national formats read with the address country. */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * Parsed forms by country and number: each phone is checked by two rules and
 * normalised, and libphonenumber is the slow part of loading 10,000 profiles.
 */
const cache = new Map<string, string | undefined>();

/** The E.164 form, or undefined when the number is not valid. */
export function toE164(value: string, country: string | undefined): string | undefined {
  const id = `${country ?? ""}\u0000${value}`;
  if (cache.has(id)) return cache.get(id);
  const e164 = parse(value, country);
  if (cache.size >= 50_000) cache.clear();
  cache.set(id, e164);
  return e164;
}

function parse(value: string, country: string | undefined): string | undefined {
  const defaultCountry = /^[A-Za-z]{2}$/.test(country ?? "")
    ? (country?.toUpperCase() as CountryCode)
    : undefined;
  try {
    const parsed = defaultCountry
      ? parsePhoneNumberFromString(value.trim(), defaultCountry)
      : parsePhoneNumberFromString(value.trim());
    return parsed?.isValid() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}

/** The region of a valid number (e.g. "US", "CA"), or undefined. */
export function phoneRegion(value: string, country: string | undefined): string | undefined {
  const e164 = toE164(value, country);
  return e164 === undefined ? undefined : parsePhoneNumberFromString(e164)?.country;
}

/** Phone numbers: parsed with libphonenumber-js, national formats read with the address country. */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** The E.164 form, or undefined when the number is not valid. */
export function toE164(value: string, country: string | undefined): string | undefined {
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

/**
 * Business registration numbers: plausibility per type and the canonical
 * form stored in Config (so `12-3456789` and `123456789` never diff).
 * Tax identifiers are personal data: callers never print the number.
 */
import type { RegistrationIdType } from "../domain/twilio.ts";

interface Format {
  /** Canonical form of a trimmed number. */
  canonical: (n: string) => string;
  /** Matches a plausible canonical number. */
  pattern: RegExp;
  /** What a plausible number looks like (no user data). */
  hint: string;
}

const digitsOnly = (n: string) => n.replace(/[\s-]/g, "");
const compactUpper = (n: string) => n.replace(/[\s.-]/g, "").toUpperCase();
const asWritten = (n: string) => n.trim();

const FORMATS: Record<RegistrationIdType, Format> = {
  EIN: { canonical: digitsOnly, pattern: /^\d{9}$/, hint: "9 digits, e.g. 12-3456789" },
  DUNS: { canonical: digitsOnly, pattern: /^\d{9}$/, hint: "9 digits" },
  CBN: {
    canonical: compactUpper,
    pattern: /^\d{9}([A-Z]{2}\d{4})?$/,
    hint: "9 digits, optionally followed by a program account such as RT0001",
  },
  CN: {
    canonical: compactUpper,
    pattern: /^(\d{8}|[A-Z]{2}\d{6})$/,
    hint: "8 digits, or 2 letters and 6 digits",
  },
  ACN: { canonical: digitsOnly, pattern: /^\d{9}$/, hint: "9 digits" },
  CIN: {
    canonical: compactUpper,
    pattern: /^[LU]\d{5}[A-Z]{2}\d{4}[A-Z]{3}\d{6}$/,
    hint: "21 characters, e.g. U12345MH2010PTC123456",
  },
  VAT: {
    canonical: compactUpper,
    pattern: /^[A-Z]{2}[0-9A-Z+*]{2,13}$/,
    hint: "a 2-letter country prefix and 2 to 13 letters or digits",
  },
  VATRN: {
    canonical: compactUpper,
    pattern: /^(RO)?\d{2,10}$/,
    hint: "2 to 10 digits, optionally prefixed RO",
  },
  RN: { canonical: asWritten, pattern: /[0-9A-Za-z]/, hint: "letters or digits" },
  Other: { canonical: asWritten, pattern: /[0-9A-Za-z]/, hint: "letters or digits" },
};

/** Types outside the documented list (written `{unlisted: X}`) are kept as written. */
function formatOf(type: string): Format {
  return Object.hasOwn(FORMATS, type) ? FORMATS[type as RegistrationIdType] : FORMATS.Other;
}

export function canonicalRegistrationNumber(type: string, number: string): string {
  return formatOf(type).canonical(number.trim());
}

/** Undefined when plausible, else a description of the expected form. */
export function registrationProblem(type: string, number: string): string | undefined {
  const format = formatOf(type);
  return format.pattern.test(format.canonical(number.trim())) ? undefined : format.hint;
}

/**
 * Local policy evaluation: checks a desired bundle against the requirements of
 * its Twilio policy (reference 4.1 and 7) and returns warnings for what
 * Twilio's evaluation would reject at once. Messages name slots and fields,
 * never values (they are printed even when personal data is redacted). Pure.
 */
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  JOB_POSITIONS,
  REGIONS_OF_OPERATION,
  REGISTRATION_ID_TYPES,
} from "../domain/twilio.ts";
import type { PlanNote } from "../model/plan.ts";
import type { BundleEndUser, DesiredBundle } from "../model/trusthub.ts";
import {
  BUSINESS_ATTRIBUTES,
  INDIVIDUAL_ATTRIBUTES,
  OPTIONAL_ATTRIBUTES,
  REPRESENTATIVE_ATTRIBUTES,
  normalizeValue,
} from "./fields.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const ENUMS: Record<string, readonly string[]> = {
  business_identity: BUSINESS_IDENTITIES,
  business_type: BUSINESS_TYPES,
  business_industry: BUSINESS_INDUSTRIES,
  business_registration_identifier: REGISTRATION_ID_TYPES,
  job_position: JOB_POSITIONS,
};

export interface EvaluateOptions {
  /** Today's date (YYYY-MM-DD) for date-of-birth checks; omitted: no future check. */
  today?: string;
}

export function evaluateBundle(desired: DesiredBundle, opts: EvaluateOptions = {}): PlanNote[] {
  const notes: PlanNote[] = [];
  const warn = (code: number | string, message: string): void => {
    notes.push({ code: `policy/${code}`, severity: "warning", message });
  };
  const required: [BundleEndUser["slot"], readonly string[]][] =
    desired.kind === "primary-individual"
      ? [["individual", INDIVIDUAL_ATTRIBUTES]]
      : [
          ["business", BUSINESS_ATTRIBUTES],
          ["representative1", REPRESENTATIVE_ATTRIBUTES],
        ];
  for (const [slot, fields] of required) {
    const user = desired.endUsers.find((u) => u.slot === slot);
    if (user === undefined) {
      warn(22214, `${slot}: the end user is missing (Twilio evaluation error 22214)`);
      continue;
    }
    for (const f of fields) {
      if (OPTIONAL_ATTRIBUTES.has(f) || f === "profile_name") continue;
      if (normalizeValue(f, user.attributes[f]) === "") {
        warn(22215, `${slot}: ${f} is empty (Twilio evaluation error 22215)`);
      }
    }
  }
  for (const user of desired.endUsers) checkValues(user, warn, opts);
  checkAddress(desired, warn);
  if (desired.profile.email !== "" && !EMAIL.test(desired.profile.email)) {
    warn("email", "profile: email is not a valid email address");
  }
  return notes;
}

function checkValues(
  user: BundleEndUser,
  warn: (code: number | string, message: string) => void,
  opts: EvaluateOptions,
): void {
  const a = user.attributes;
  const value = (f: string): string => normalizeValue(f, a[f]);
  for (const [f, allowed] of Object.entries(ENUMS)) {
    const v = value(f);
    if (f in a && v !== "" && !allowed.includes(v)) {
      warn("enum", `${user.slot}: ${f} is not one of the values Twilio accepts`);
    }
  }
  if ("business_regions_of_operation" in a) {
    const regions = value("business_regions_of_operation").split(",").filter(Boolean);
    if (regions.some((r) => !(REGIONS_OF_OPERATION as readonly string[]).includes(r))) {
      warn(
        "enum",
        `${user.slot}: business_regions_of_operation has a value Twilio does not accept`,
      );
    }
  }
  for (const f of ["website_url", ...value("social_media_profile_urls").split(",")]) {
    const url = f === "website_url" ? value(f) : f;
    if (url !== "" && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
      const field = f === "website_url" ? f : "social_media_profile_urls";
      warn("url", `${user.slot}: ${field} is not an http(s) URL (RFC 1738)`);
    }
  }
  if (value("business_registration_identifier") === "EIN") {
    if (!/^\d{9}$/.test(value("business_registration_number").replace(/-/g, ""))) {
      warn("registration", `${user.slot}: an EIN has 9 digits`);
    }
  }
  if (value("business_registration_identifier") === "DUNS") {
    warn("registration", `${user.slot}: DUNS numbers are reported as no longer accepted for A2P`);
  }
  if ("email" in a && value("email") !== "" && !EMAIL.test(value("email"))) {
    warn("email", `${user.slot}: email is not a valid email address`);
  }
  if ("phone_number" in a && value("phone_number") !== "" && !E164.test(value("phone_number"))) {
    warn("phone", `${user.slot}: phone_number is not in E.164 form (+ and country code)`);
  }
  if ("birth_date" in a && value("birth_date") !== "")
    checkDate(user, value("birth_date"), warn, opts);
}

function checkDate(
  user: BundleEndUser,
  v: string,
  warn: (code: number | string, message: string) => void,
  opts: EvaluateOptions,
): void {
  const m = DATE.exec(v);
  const valid =
    m !== null &&
    (() => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    })();
  if (!valid) warn("date", `${user.slot}: birth_date is not a date (YYYY-MM-DD)`);
  else if (opts.today !== undefined && v >= opts.today) {
    warn("date", `${user.slot}: birth_date is not in the past`);
  }
}

function checkAddress(desired: DesiredBundle, warn: (c: number | string, m: string) => void): void {
  const a = desired.address;
  const fields: [string, string][] = [
    ["customer_name", a.customerName],
    ["street", a.street],
    ["city", a.city],
    ["region", a.region],
    ["postal_code", a.postalCode],
    ["iso_country", a.isoCountry],
  ];
  for (const [f, v] of fields) {
    if (v.trim() === "") warn(22219, `address: ${f} is empty (Twilio evaluation error 22219)`);
  }
  if (a.isoCountry.trim() !== "" && !/^[A-Za-z]{2}$/.test(a.isoCountry.trim())) {
    warn("address", "address: iso_country is not an ISO 3166-1 alpha-2 code");
  }
}

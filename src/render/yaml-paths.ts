/**
 * Twilio field names -> the YAML path of the value inside a profile
 * (docs/config.md), so reviewers read the names they write. Fields derived by
 * the tool (friendly names of objects, the policy, the document, the
 * assignments) have no YAML path. Pure.
 */
import type { TrustProductKind } from "../model/config.ts";
import type { FieldChange } from "../model/plan.ts";

const PROFILE: Record<string, string> = {
  friendly_name: "friendlyName",
  email: "email",
  status_callback: "statusCallback",
};
const BUSINESS: Record<string, string> = {
  business_name: "business.name",
  business_identity: "business.identity",
  business_type: "business.type",
  business_industry: "business.industry",
  business_registration_identifier: "business.registration.type",
  business_registration_number: "business.registration.number",
  business_regions_of_operation: "business.regionsOfOperation",
  website_url: "business.websiteUrl",
  social_media_profile_urls: "business.socialMediaProfileUrls",
};
const PERSON: Record<string, string> = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone_number: "phone",
  business_title: "businessTitle",
  job_position: "jobPosition",
  profile_name: "profileName",
  birth_date: "dateOfBirth",
};
const ADDRESS: Record<string, string> = {
  customer_name: "address.customerName",
  street: "address.street",
  street_secondary: "address.street2",
  city: "address.city",
  region: "address.region",
  postal_code: "address.postalCode",
  iso_country: "address.isoCountry",
};

/** `business.name`, `representatives[0].phone`, ...; undefined for derived fields. */
export function yamlPath(c: Pick<FieldChange, "slot" | "field">): string | undefined {
  switch (c.slot) {
    case "profile":
      return PROFILE[c.field];
    case "business":
      return BUSINESS[c.field];
    case "representative1":
    case "representative2": {
      const key = PERSON[c.field];
      const i = c.slot === "representative1" ? 0 : 1;
      return key === undefined ? undefined : `representatives[${i}].${key}`;
    }
    case "individual": {
      const key = PERSON[c.field];
      return key === undefined ? undefined : `individual.${key}`;
    }
    case "address":
      return ADDRESS[c.field];
    case "phoneNumbers":
      return "phoneNumbers";
    default:
      return undefined;
  }
}

const PRODUCT_KEYS: Record<TrustProductKind, string> = {
  "a2p-messaging": "a2pMessaging",
  "shaken-stir": "shakenStir",
  cnam: "cnam",
  "voice-integrity": "voiceIntegrity",
};
const END_USER: Record<string, string> = {
  company_type: "companyType",
  stock_exchange: "stockExchange",
  stock_ticker: "stockTicker",
  cnam_display_name: "displayName",
  use_case: "useCase",
  business_employee_count: "employeeCount",
  average_business_day_call_volume: "averageDailyCallVolume",
  notes: "notes",
};

/** `trustProducts.a2pMessaging.companyType`, ...; undefined for derived fields. */
export function productYamlPath(
  kind: TrustProductKind,
  c: Pick<FieldChange, "slot" | "field">,
): string | undefined {
  const base = `trustProducts.${PRODUCT_KEYS[kind]}`;
  const key =
    c.slot === "product"
      ? PROFILE[c.field]
      : c.slot === "endUser"
        ? END_USER[c.field]
        : c.slot === "phoneNumbers"
          ? "phoneNumbers"
          : undefined;
  return key === undefined ? undefined : `${base}.${key}`;
}

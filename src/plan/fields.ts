/**
 * Field vocabulary of the planner: Twilio attribute names per end-user slot,
 * which fields carry personal data, and how values are normalised before they
 * are compared (so that formatting differences never show up as changes).
 */
import { ADDRESS_FRIENDLY_NAME_MAX_LENGTH, FRIENDLY_NAME_MAX_LENGTH } from "../domain/limits.ts";
import { END_USER_ATTRIBUTES, REGISTRATION_OTHER_TYPE_ATTRIBUTE } from "../domain/twilio.ts";
import type { ObjectSlot } from "../model/trusthub.ts";
import { fitName } from "./names.ts";
import { PUBLIC_PRODUCT_ATTRIBUTES } from "./product-facts.ts";

/** Attribute names per end-user slot: src/domain (sources in docs/twilio-facts.md). */
export const BUSINESS_ATTRIBUTES = END_USER_ATTRIBUTES.business;
export const REPRESENTATIVE_ATTRIBUTES = END_USER_ATTRIBUTES.representative;
/**
 * Individual primary: Twilio does not document this end-user type (third-party
 * only, low confidence). `profile_name` is sent so that no YAML field is dropped.
 */
export const INDIVIDUAL_ATTRIBUTES = END_USER_ATTRIBUTES.individual;

/** Attributes holding several values, sent as one comma-separated string. */
export const MULTI_VALUED = new Set(["business_regions_of_operation", "social_media_profile_urls"]);

/** Optional attributes: absent and empty mean the same. */
export const OPTIONAL_ATTRIBUTES = new Set(["social_media_profile_urls"]);

/*
 * Personal data is decided by allow-list: a field is sensitive unless it is
 * known to be public business data. Unknown attributes found on live objects
 * (added in the Console, or by a newer Twilio) are therefore redacted too.
 * Sensitive: person names, emails, phones, registration/tax numbers, birth
 * dates, the address's customer name, street lines and postal code; for an
 * individual's profile, every field (isSensitive's `individual`).
 */
const PUBLIC_END_USER_FIELDS = new Set([
  "friendly_name",
  "business_name",
  "business_identity",
  "business_type",
  "business_industry",
  "business_registration_identifier",
  REGISTRATION_OTHER_TYPE_ATTRIBUTE,
  "business_regions_of_operation",
  "website_url",
  "social_media_profile_urls",
  "business_title",
  "job_position",
]);

const PUBLIC_ADDRESS_FIELDS = new Set(["friendly_name", "city", "region", "iso_country"]);
const PUBLIC_PROFILE_FIELDS = new Set(["friendly_name", "status_callback", "policy_sid"]);

/** Fields that only ever hold Twilio SIDs, never a person's data. */
const SID_FIELDS = new Set(["policy_sid", "address_sids"]);

/**
 * Whether a field holds personal data (redacted unless --show-sensitive). For
 * an individual's profile (`individual` true) every field is: the profile's
 * and objects' friendly names, email, the person's own address (city and
 * region too); only SIDs and assignments stay readable.
 */
export function isSensitive(slot: ObjectSlot, field: string, individual = false): boolean {
  if (individual) return slot !== "assignments" && !SID_FIELDS.has(field);
  switch (slot) {
    case "profile":
      return !PUBLIC_PROFILE_FIELDS.has(field);
    case "address":
      return !PUBLIC_ADDRESS_FIELDS.has(field);
    case "business":
    case "representative1":
    case "representative2":
    case "individual":
      return !PUBLIC_END_USER_FIELDS.has(field);
    case "document":
    case "assignments":
      return false;
    case "product":
      return !PUBLIC_PROFILE_FIELDS.has(field);
    case "endUser":
      return field !== "friendly_name" && !PUBLIC_PRODUCT_ATTRIBUTES.has(field);
    case "phoneNumbers":
      // A business's numbers are public business data; an individual's are personal (above).
      return false;
  }
}

/** Encode several values the way we send them: one comma-separated string. */
export function joinMulti(values: readonly string[]): string {
  return values
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .join(",");
}

/**
 * The canonical comparison form of a value. Multi-valued attributes compare as
 * sets (array or comma string, any order, any spacing); phone numbers ignore
 * punctuation; everything is trimmed; null and absent are the empty string.
 */
export function normalizeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (MULTI_VALUED.has(field)) {
    const parts = Array.isArray(value)
      ? value.map((v) => displayValue(v))
      : displayValue(value).split(",");
    return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ""))].sort().join(",");
  }
  const trimmed = displayValue(value).trim();
  if (field === "phone_number") return trimmed.replace(/[\s().-]/g, "");
  if (field === "iso_country") return trimmed.toUpperCase();
  return trimmed;
}

/** The display form of an observed value (arrays as comma strings). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => displayValue(v)).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  return "";
}

/** Deterministic friendly names of a profile's objects. */
type ObjectNameSlot = Exclude<
  ObjectSlot,
  "profile" | "assignments" | "phoneNumbers" | "product" | "endUser"
>;
export const OBJECT_NAME_SUFFIX: Record<ObjectNameSlot, string> = {
  business: "Business Information",
  representative1: "Authorized Representative 1",
  representative2: "Authorized Representative 2",
  individual: "Individual Information",
  address: "Address",
  document: "Address Document",
};

export function objectFriendlyName(profileFriendlyName: string, slot: ObjectNameSlot): string {
  const max = slot === "address" ? ADDRESS_FRIENDLY_NAME_MAX_LENGTH : FRIENDLY_NAME_MAX_LENGTH;
  return fitName(profileFriendlyName, ` - ${OBJECT_NAME_SUFFIX[slot]}`, max);
}

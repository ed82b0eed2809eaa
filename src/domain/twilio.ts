/**
 * Twilio Trust Hub facts shared by the config validator, the planner and the
 * emulator: policy SIDs, enums spelled exactly as Twilio spells them, and the
 * EndUser / SupportingDocument type and attribute names. Pure data, no I/O.
 * Where each value comes from and how sure we are: src/domain/facts.ts
 * (rendered into docs/twilio-facts.md).
 */

export const PROFILE_STATUSES = [
  "draft",
  "pending-review",
  "in-review",
  "twilio-rejected",
  "twilio-approved",
] as const;

/** Statuses in which Twilio lets a client edit a profile and its objects. */
export const EDITABLE_STATUSES = ["draft", "twilio-rejected"] as const;
/** Statuses in which Twilio makes a profile immutable. */
export const IMMUTABLE_STATUSES = ["pending-review", "in-review", "twilio-approved"] as const;

export const POLICY_SIDS = {
  primaryBusiness: "RN6433641899984f951173ef1738c3bdd0",
  primaryIndividual: "RNffcb02a20420c81caf596ffc44f69712",
  secondary: "RNdfbf3fae0e1107f8aded0e7cead80bf5",
  starter: "RN806dd6cd175f314e1f96a9727ee271f4",
} as const;

export const BUSINESS_IDENTITIES = [
  "direct_customer",
  "isv_reseller_or_partner",
  "unknown",
] as const;

export const BUSINESS_TYPES = [
  "Sole Proprietorship",
  "Partnership",
  "Limited Liability Corporation",
  "Co-operative",
  "Non-profit Corporation",
  "Non-profit",
  "Corporation",
  "Limited Liability Partnership",
] as const;

export const BUSINESS_INDUSTRIES = [
  "AGRICULTURE",
  "AUTOMOTIVE",
  "BANKING",
  "CONSUMER",
  "EDUCATION",
  "ELECTRONICS",
  "ENERGY",
  "ENGINEERING",
  "FAST_MOVING_CONSUMER_GOODS",
  "FINANCIAL",
  "FINTECH",
  "FOOD_AND_BEVERAGE",
  "GOVERNMENT",
  "HEALTHCARE",
  "HOSPITALITY",
  "INSURANCE",
  "JEWELRY",
  "LEGAL",
  "MANUFACTURING",
  "MEDIA",
  "NOT_FOR_PROFIT",
  "OIL_AND_GAS",
  "ONLINE",
  "RAW_MATERIALS",
  "REAL_ESTATE",
  "RELIGION",
  "RETAIL",
  "TECHNOLOGY",
  "TELECOMMUNICATIONS",
  "TRANSPORTATION",
  "TRAVEL",
] as const;

export const REGISTRATION_ID_TYPES = [
  "EIN",
  "DUNS",
  "CBN",
  "CN",
  "ACN",
  "CIN",
  "VAT",
  "VATRN",
  "RN",
  "Other",
] as const;

export const REGIONS_OF_OPERATION = [
  "AFRICA",
  "ASIA",
  "EUROPE",
  "LATIN_AMERICA",
  "USA_AND_CANADA",
  "AUSTRALIA",
] as const;

export const JOB_POSITIONS = [
  "Director",
  "GM",
  "VP",
  "CEO",
  "CFO",
  "General Counsel",
  "Other",
] as const;

export const END_USER_TYPES = {
  business: "customer_profile_business_information",
  representative1: "authorized_representative_1",
  representative2: "authorized_representative_2",
  individual: "individual_customer_profile_information",
} as const;

/** Attribute names of the EndUsers the tool writes, by end-user slot. */
export const END_USER_ATTRIBUTES = {
  business: [
    "business_name",
    "business_identity",
    "business_type",
    "business_industry",
    "business_registration_identifier",
    "business_registration_number",
    "business_regions_of_operation",
    "website_url",
    "social_media_profile_urls",
  ],
  representative: [
    "first_name",
    "last_name",
    "email",
    "phone_number",
    "business_title",
    "job_position",
  ],
  individual: ["profile_name", "first_name", "last_name", "email", "phone_number", "birth_date"],
} as const;

/**
 * The attribute carrying the name of the registration type when
 * business_registration_identifier is `Other`. Twilio documents that the name
 * is required but no public source names the key: unverified.
 */
export const REGISTRATION_OTHER_TYPE_ATTRIBUTE = "business_registration_other_type";

/**
 * Primary policies that third-party code shows but no Twilio page confirms.
 * Not recognised as an ISV's primary (see docs/twilio-facts.md).
 */
export const UNCONFIRMED_PRIMARY_POLICY_SIDS = {
  primaryGovernment: "RN92dc6c39189b4d5ad9c6664f39769f90",
  primaryNonprofit: "RN936f6140f1864391adca88df5d84cb6d",
} as const;

/** ISVs using subaccounts: where primaries may live and what a subaccount may reference. */
export const SUBACCOUNT_RULES = {
  /** A primary customer profile is created only in the parent (top-level) account. */
  primaryOnlyInParent: true,
  /** A subaccount's secondary may assign its parent's primary (ObjectSid from "the primary account"). */
  secondaryMayAssignParentPrimary: true,
} as const;

export const SUPPORTING_DOCUMENT_TYPES = {
  address: "customer_profile_address",
} as const;

export type ProfileStatus = (typeof PROFILE_STATUSES)[number];
export type BusinessIdentity = (typeof BUSINESS_IDENTITIES)[number];
export type BusinessType = (typeof BUSINESS_TYPES)[number];
export type BusinessIndustry = (typeof BUSINESS_INDUSTRIES)[number];
export type RegistrationIdType = (typeof REGISTRATION_ID_TYPES)[number];
export type RegionOfOperation = (typeof REGIONS_OF_OPERATION)[number];
export type JobPosition = (typeof JOB_POSITIONS)[number];

export function isImmutableStatus(status: string): boolean {
  return (IMMUTABLE_STATUSES as readonly string[]).includes(status);
}

/** `draft` or `twilio-rejected`: the statuses a client may edit (EDITABLE_STATUSES). */
export function isEditableStatus(status: string | undefined): boolean {
  return status !== undefined && (EDITABLE_STATUSES as readonly string[]).includes(status);
}

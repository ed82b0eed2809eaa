/**
 * The configuration language, as written in YAML and as normalised.
 *
 * `Written*` types mirror the YAML exactly (schemas/trusthub.schema.json must
 * accept exactly these; test/config/schema-types.test.ts keeps them in step).
 * `Config` is the normalised form every later stage uses: defaults filled in,
 * whitespace trimmed, phones in E.164, registration numbers canonical,
 * `${env:NAME}` references resolved.
 */
import type { A2pCompanyType } from "../domain/trust-products.ts";
import type {
  BusinessIdentity,
  BusinessIndustry,
  BusinessType,
  JobPosition,
  RegionOfOperation,
  RegistrationIdType,
} from "../domain/twilio.ts";

/** Where a value came from: used by diagnostics and by plan reasons. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------- written

/**
 * A value Twilio returned that src/domain/twilio.ts does not list (written by
 * `import` so the YAML still validates; `validate` warns about it).
 */
export interface Unlisted {
  unlisted: string;
}
/** A documented Twilio value, or an explicitly unlisted one. */
export type OrUnlisted<T extends string> = T | Unlisted;
/** After normalisation: a documented value or the unlisted value as written. */
export type Open<T extends string> = T | (string & Record<never, never>);

export interface WrittenAddress {
  customerName: string;
  street: string;
  street2?: string;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  isoCountry: string;
}

export interface WrittenRepresentative {
  firstName: string;
  lastName: string;
  email: string;
  /** E.164 preferred; national formats are accepted with the address country. */
  phone: string;
  businessTitle: string;
  jobPosition: OrUnlisted<JobPosition>;
}

export interface WrittenBusiness {
  /** Legal business name. */
  name: string;
  identity: OrUnlisted<BusinessIdentity>;
  type: OrUnlisted<BusinessType>;
  industry: OrUnlisted<BusinessIndustry>;
  registration: {
    type: OrUnlisted<RegistrationIdType>;
    number: string;
    /** The name of the registration type when `type` is Other. */
    otherType?: string;
  };
  regionsOfOperation: OrUnlisted<RegionOfOperation>[];
  websiteUrl: string;
  socialMediaProfileUrls?: string[];
}

// ---------------------------------------------------------------- trust products (issue 14)

/** The trust products the language knows, in plan and apply order. */
export type TrustProductKind = "a2p-messaging" | "shaken-stir" | "cnam" | "voice-integrity";

/** What every written trust product may set; each defaults from its profile. */
export interface WrittenTrustProductBase {
  /** Default: the profile's friendly name and the product's name, cut to 64 characters. */
  friendlyName?: string;
  /** Default: the profile's email. */
  email?: string;
  /** Default: the profile's status callback. */
  statusCallback?: string;
  /** Pin to an existing live trust product (BU...). */
  sid?: string;
  /** Default: the profile's submit. */
  submit?: boolean;
  acknowledge?: string[];
}

/** A2P 10DLC messaging profile (policy RNb0d4..., end user us_a2p_messaging_profile_information). */
export interface WrittenA2pMessaging extends WrittenTrustProductBase {
  /** Twilio's `company_type` (src/domain/trust-products.ts A2P_COMPANY_TYPES). */
  companyType: OrUnlisted<A2pCompanyType>;
  /** Required when companyType is public. */
  stockExchange?: string;
  /** Required when companyType is public. */
  stockTicker?: string;
}

/** A voice product: its numbers are a subset of the profile's `phoneNumbers` (default: all of them). */
export interface WrittenVoiceProduct extends WrittenTrustProductBase {
  phoneNumbers?: string[];
}

export type WrittenShakenStir = WrittenVoiceProduct;

/** CNAM: the caller name shown (at most 15 characters, Twilio's CNAM conditions). */
export interface WrittenCnam extends WrittenVoiceProduct {
  displayName: string;
}

/** Voice Integrity: the fields of its end user (voice_integrity_information). */
export interface WrittenVoiceIntegrity extends WrittenVoiceProduct {
  useCase: string;
  employeeCount: number;
  averageDailyCallVolume: number;
  notes?: string;
}

export interface WrittenTrustProducts {
  a2pMessaging?: WrittenA2pMessaging;
  shakenStir?: WrittenShakenStir;
  cnam?: WrittenCnam;
  voiceIntegrity?: WrittenVoiceIntegrity;
}

interface WrittenProfileBase {
  /** Stable key used in plans, state and `--target`. */
  key: string;
  friendlyName: string;
  /** Notification email of the profile. */
  email: string;
  statusCallback?: string;
  /** Pin to an existing live profile (BU...). */
  sid?: string;
  /** Whether apply submits the profile for review; default from `defaults.submit`. */
  submit?: boolean;
  /** Warning codes known and accepted for this profile (not reported again). */
  acknowledge?: string[];
  /** The account's (or subaccount's) numbers, E.164, assigned to the profile (ChannelEndpointAssignments). */
  phoneNumbers?: string[];
  /** Trust products built on this profile (issue 14). */
  trustProducts?: WrittenTrustProducts;
}

export interface WrittenBusinessProfile extends Omit<WrittenProfileBase, "email"> {
  /** Default on secondaries: `defaults.notificationEmail` (the ISV's address, Twilio's guide). */
  email?: string;
  business: WrittenBusiness;
  address: WrittenAddress;
  /** Authorized representative 1, and optionally 2. */
  representatives: WrittenRepresentative[];
}

export interface WrittenBusinessPrimary extends WrittenBusinessProfile {
  type: "business";
  email: string;
}

/** Items only the Twilio Console can collect; declared so the plan can say they are owed. */
export interface WrittenConsoleOnly {
  photoId?: "console";
  selfieVerification?: "console";
}

export interface WrittenIndividualPrimary extends WrittenProfileBase {
  type: "individual";
  individual: {
    profileName: string;
    email: string;
    phone: string;
    firstName: string;
    lastName: string;
    /** YYYY-MM-DD */
    dateOfBirth: string;
  };
  address: WrittenAddress;
  consoleOnly?: WrittenConsoleOnly;
}

export type WrittenPrimary = WrittenBusinessPrimary | WrittenIndividualPrimary;

/**
 * The Twilio account (or subaccount) a document's profiles belong to, by the
 * NAMES of the environment variables holding its credentials (never values).
 * Documents without it belong to the default account (the usual TWILIO_* env).
 */
export interface WrittenAccount {
  /** Stable name in plans and output: lowercase letters, digits and hyphens; not "default". */
  name: string;
  /** Variable holding the account (or subaccount) SID, e.g. TWILIO_ACCOUNT_SID_PROD. */
  accountSidEnv: string;
  /** Variable holding its auth token; or use apiKeyEnv + apiSecretEnv. */
  authTokenEnv?: string;
  apiKeyEnv?: string;
  apiSecretEnv?: string;
  /** Variable holding an emulator URL (like TRUSTHUB_API_URL); default: Twilio. */
  apiUrlEnv?: string;
  /**
   * A subaccount: the name of the declared account (its parent) that holds the
   * ISV's primary; this account's secondaries are connected to that primary.
   */
  parent?: string;
}

/** Account-wide defaults (every file of an account must agree on each). */
export interface WrittenDefaults {
  submit?: boolean;
  /** The ISV's own address for status mail: each secondary's `email` unless it sets one. */
  notificationEmail?: string;
  /** The ISV's status callback URL: each secondary's `statusCallback` unless it sets one. */
  statusCallback?: string;
}

/** One YAML document. Several files may be combined; at most one primary per account. */
export interface WrittenDocument {
  version: 1;
  account?: WrittenAccount;
  defaults?: WrittenDefaults;
  primary?: WrittenPrimary;
  secondaries?: WrittenBusinessProfile[];
}

// ---------------------------------------------------------------- normalised

export type ProfileRole = "primary" | "secondary";
export type ProfileKind = "primary-business" | "primary-individual" | "secondary";

export type Address = Required<Omit<WrittenAddress, "street2">> & { street2: string };
export interface Representative extends Omit<WrittenRepresentative, "jobPosition"> {
  jobPosition: Open<JobPosition>;
}
export interface Business {
  name: string;
  identity: Open<BusinessIdentity>;
  type: Open<BusinessType>;
  industry: Open<BusinessIndustry>;
  /** `otherType`: the name of the registration type when `type` is Other. */
  registration: { type: Open<RegistrationIdType>; number: string; otherType?: string };
  regionsOfOperation: Open<RegionOfOperation>[];
  websiteUrl: string;
  socialMediaProfileUrls: string[];
}

interface TrustProductBase {
  kind: TrustProductKind;
  /** `<profile key>/<kind>`, e.g. "acme/a2p-messaging": stable in plans, state and --target. */
  key: string;
  profileKey: string;
  friendlyName: string;
  email: string;
  /** Empty string when not set. */
  statusCallback: string;
  sid?: string;
  submit: boolean;
  /** E.164, sorted; always [] for a2p-messaging. */
  phoneNumbers: string[];
  source: SourceRef;
}
export interface A2pMessagingProduct extends TrustProductBase {
  kind: "a2p-messaging";
  companyType: Open<A2pCompanyType>;
  stockExchange?: string;
  stockTicker?: string;
}
export interface ShakenStirProduct extends TrustProductBase {
  kind: "shaken-stir";
}
export interface CnamProduct extends TrustProductBase {
  kind: "cnam";
  displayName: string;
}
export interface VoiceIntegrityProduct extends TrustProductBase {
  kind: "voice-integrity";
  useCase: string;
  employeeCount: number;
  averageDailyCallVolume: number;
  notes?: string;
}
export type TrustProduct =
  A2pMessagingProduct | ShakenStirProduct | CnamProduct | VoiceIntegrityProduct;

interface ProfileBase {
  key: string;
  friendlyName: string;
  email: string;
  /** Empty string when not set. */
  statusCallback: string;
  sid?: string;
  submit: boolean;
  source: SourceRef;
  /** E.164, sorted, unique; [] when none declared. */
  phoneNumbers: string[];
  /** In TrustProductKind order; [] when none declared. */
  trustProducts: TrustProduct[];
}

export interface BusinessProfile extends ProfileBase {
  kind: "primary-business" | "secondary";
  business: Business;
  address: Address;
  representatives: [Representative] | [Representative, Representative];
}

export interface IndividualProfile extends ProfileBase {
  kind: "primary-individual";
  individual: WrittenIndividualPrimary["individual"];
  address: Address;
  consoleOnly: { photoId: boolean; selfieVerification: boolean };
}

export type Profile = BusinessProfile | IndividualProfile;

export interface Config {
  primary?: BusinessProfile | IndividualProfile;
  secondaries: BusinessProfile[];
  /** Files the config was read from, in load order. */
  files: string[];
}

/** Which account a Config is for: "default" (the usual env) or a declared one. */
export interface AccountRef extends Partial<Omit<WrittenAccount, "name">> {
  name: string;
  /** Where it was first declared (absent for the default account). */
  source?: SourceRef;
}

/** One account's normalised configuration (see src/config/accounts.ts). */
export interface AccountConfig {
  account: AccountRef;
  config: Config;
}

// ---------------------------------------------------------------- diagnostics

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable code per kind of problem, e.g. "schema/required", "rule/duplicate-key". */
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer-ish path inside the document, e.g. "/secondaries/0/email". */
  path?: string;
}

/**
 * Trust Hub objects as the tool sees them, in Twilio's own vocabulary.
 *
 * `Bundle*` describe what a profile should be in Trust Hub (built from the
 * config by src/plan/desired.ts); `Observed*` describe what Trust Hub stores
 * (read by src/state). The plan diffs one against the other.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { ProfileKind, TrustProductKind } from "./config.ts";

/** Attribute values as Twilio stores them (strings, or arrays of strings). */
export type Attributes = Record<string, string | string[]>;

/** Slots of a bundle, the unit of field-level changes. */
export type ObjectSlot =
  | "profile"
  | "business"
  | "representative1"
  | "representative2"
  | "individual"
  | "address"
  | "document"
  | "assignments"
  /** Issue 14: a phone number assigned as a channel endpoint (field = the E.164 number). */
  | "phoneNumbers"
  /** Issue 14: a trust product's own fields (friendly_name, email, status_callback, policy_sid). */
  | "product"
  /** Issue 14: the attributes of a trust product's end user (e.g. company_type). */
  | "endUser";

export interface BundleProfileFields {
  friendlyName: string;
  email: string;
  statusCallback: string;
  policySid: string;
}

export interface BundleEndUser {
  slot: "business" | "representative1" | "representative2" | "individual";
  /** Twilio EndUser type, e.g. customer_profile_business_information. */
  type: string;
  friendlyName: string;
  attributes: Attributes;
}

export interface BundleAddress {
  friendlyName: string;
  customerName: string;
  street: string;
  streetSecondary: string;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
}

/** The supporting document that carries the address (its attributes name the address SID). */
export interface BundleDocument {
  /** Twilio SupportingDocument type, e.g. customer_profile_address. */
  type: string;
  friendlyName: string;
}

/** What one declared profile should be in Trust Hub. Plain JSON. */
export interface DesiredBundle {
  key: string;
  kind: ProfileKind;
  profile: BundleProfileFields;
  endUsers: BundleEndUser[];
  address: BundleAddress;
  /** Set by desiredBundle; optional only so that older callers stay valid. */
  document?: BundleDocument;
  /** The secondary's primary, assigned as a supporting customer profile (SID or "primary:<key>"). */
  primarySid?: string;
  submit: boolean;
}

export interface ObservedProfile {
  sid: string;
  policySid: string;
  friendlyName: string;
  email: string;
  statusCallback: string;
  status: ProfileStatus;
  dateUpdated: string;
  validUntil: string | null;
  /** Rejection errors, as Twilio returns them. */
  errors: unknown[];
}

export interface ObservedEndUser {
  sid: string;
  type: string;
  friendlyName: string;
  attributes: Attributes;
  dateUpdated: string;
}

export interface ObservedAddress extends BundleAddress {
  sid: string;
}

export interface ObservedDocument {
  sid: string;
  type: string;
  friendlyName: string;
  attributes: Attributes;
  status: string;
  dateUpdated: string;
}

export interface ObservedAssignment {
  sid: string;
  objectSid: string;
}

/** What apply recorded about a profile it manages (from Pulumi state). */
export interface ManagedRecord {
  key: string;
  profileSid: string;
  endUsers: Partial<Record<BundleEndUser["slot"], string>>;
  addressSid?: string;
  documentSid?: string;
  /** objectSid -> assignment SID (BV...). */
  assignments: Record<string, string>;
  /** Issue 14: PN... -> RA..., the profile's channel endpoint assignments apply made or found. */
  channelEndpoints?: Record<string, string>;
}

// ---------------------------------------------------------------- trust products (issue 14)

/** What one declared trust product should be in Trust Hub (src/plan builds it). Plain JSON. */
export interface DesiredProduct {
  /** `<profile key>/<kind>`. */
  key: string;
  profileKey: string;
  kind: TrustProductKind;
  /** FriendlyName, Email, StatusCallback, PolicySid of the TrustProduct. */
  product: BundleProfileFields;
  /** The product's end user (A2P, CNAM, Voice Integrity); absent for SHAKEN/STIR. */
  endUser?: { type: string; friendlyName: string; attributes: Attributes };
  /** The customer profile assigned to it: a BU SID, or "profile:<key>" until apply knows it. */
  customerProfileSid: string;
  /** Phone number SIDs (PN...) assigned as ChannelEndpointAssignments, sorted. */
  phoneNumberSids: string[];
  submit: boolean;
}

/** A live TrustProduct (GET /v1/TrustProducts). */
export type ObservedProduct = ObservedProfile;

/** A ChannelEndpointAssignment (RA...) of a customer profile or a trust product. */
export interface ObservedChannelEndpoint {
  sid: string;
  /** PN... */
  channelEndpointSid: string;
}

/** One of the account's incoming phone numbers (2010 API IncomingPhoneNumbers). */
export interface ObservedPhoneNumber {
  /** PN... */
  sid: string;
  /** E.164 */
  phoneNumber: string;
}

/** One live trust product with what is attached to it, as the diff sees it. */
export interface ObservedProductBundle {
  product: ObservedProduct;
  endUser?: ObservedEndUser;
  /** SIDs of every object assigned (IT, BU of the customer profile). */
  assignedObjectSids: string[];
  channelEndpoints: ObservedChannelEndpoint[];
}

/** What apply recorded about a trust product it manages (from Pulumi state). */
export interface ManagedProductRecord {
  key: string;
  productSid: string;
  endUserSid?: string;
  /** objectSid -> assignment SID (BV...). */
  assignments: Record<string, string>;
  /** PN... -> RA... */
  channelEndpoints: Record<string, string>;
}

/** Which Trust Hub the tool talked to. Never carries credentials. */
export interface TargetInfo {
  kind: "twilio" | "emulator" | "sandbox";
  /** Base URL of Trust Hub (e.g. https://trusthub.twilio.com or http://127.0.0.1:4010). */
  url: string;
  accountSid: string;
}

/** Everything the planner needs to know about one account. */
export interface ObservedAccount {
  target: TargetInfo;
  profiles: ObservedProfile[];
  endUsers: ObservedEndUser[];
  documents: ObservedDocument[];
  addresses: ObservedAddress[];
  /** Assignments per profile SID, only for profiles whose assignments were read. */
  assignments: Record<string, ObservedAssignment[]>;
  /** Profiles apply manages, by config key. */
  managed: Record<string, ManagedRecord>;
  /**
   * Issue 14; read only when the config declares trust products or phone numbers (a config
   * without them reads nothing more: absent means "not read").
   */
  trustProducts?: ObservedProduct[];
  /** Entity assignments per trust product SID, for products whose assignments were read. */
  productAssignments?: Record<string, ObservedAssignment[]>;
  /** Channel endpoint assignments per bundle SID (customer profile or trust product). */
  channelEndpoints?: Record<string, ObservedChannelEndpoint[]>;
  /** The account's incoming phone numbers (one list of the 2010 API). */
  phoneNumbers?: ObservedPhoneNumber[];
  /** Trust products apply manages, by product key. */
  managedProducts?: Record<string, ManagedProductRecord>;
  /** A subaccount's parent primary, read from the parent account once per run (src/plan/parent-primary.ts). */
  parentPrimary?: ParentPrimary;
}

/** The primary of a subaccount's parent account: what its secondaries are connected to. */
export interface ParentPrimary {
  /** The parent's account name (`account.parent`). */
  account: string;
  /** Undefined when the parent holds no matching primary yet. */
  sid?: string;
  status?: ProfileStatus;
  identity?: string;
}

/** One live profile with the objects attached to it, as the diff sees it. */
export interface ObservedBundle {
  profile: ObservedProfile;
  endUsers: Partial<Record<BundleEndUser["slot"], ObservedEndUser>>;
  address?: ObservedAddress;
  document?: ObservedDocument;
  /** SIDs of every object assigned to the profile (IT, RD, BU). */
  assignedObjectSids: string[];
  /** Issue 14: its channel endpoint assignments, when they were read. */
  channelEndpoints?: ObservedChannelEndpoint[];
}

/** A resolved target with what the client needs to authenticate. Never printed or stored. */
export interface Connection {
  target: TargetInfo;
  /** Account SID or API key SID. */
  username: string;
  /** Auth token or API key secret. */
  password: string;
}

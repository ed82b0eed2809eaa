/**
 * The records the emulator stores, in its own camelCase shape. Every record
 * carries `seq`, a process-wide insertion counter that orders lists and backs
 * page tokens, and the `accountSid` that owns it. Times are epoch milliseconds.
 */
import type { ProfileStatus } from "../domain/twilio.ts";

export interface Rec {
  sid: string;
  seq: number;
  accountSid: string;
}

export interface ApiKey {
  sid: string;
  secret: string;
  friendlyName: string;
}

export interface Account {
  sid: string;
  token: string;
  keys: ApiKey[];
  /** A subaccount's parent account (its primary profile serves the subaccount's secondaries). */
  parentSid?: string;
}

/** A bundle: a CustomerProfile, or a TrustProduct (same fields and lifecycle, its own table). */
export interface Profile extends Rec {
  policySid: string;
  friendlyName: string;
  email: string;
  statusCallback: string | null;
  status: ProfileStatus;
  validUntil: number | null;
  errors: { code: number }[] | null;
  dateCreated: number;
  dateUpdated: number;
}

export interface EndUser extends Rec {
  friendlyName: string;
  type: string;
  attributes: Record<string, unknown>;
  dateCreated: number;
  dateUpdated: number;
}

export interface SupportingDocument extends Rec {
  friendlyName: string;
  type: string;
  attributes: Record<string, unknown>;
  status: string;
  dateCreated: number;
  dateUpdated: number;
}

export interface Address extends Rec {
  customerName: string;
  friendlyName: string | null;
  street: string;
  streetSecondary: string | null;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
  emergencyEnabled: boolean;
  dateCreated: number;
  dateUpdated: number;
}

export interface EntityAssignment extends Rec {
  profileSid: string;
  objectSid: string;
  dateCreated: number;
}

export interface ChannelAssignment extends Rec {
  profileSid: string;
  channelEndpointType: string;
  channelEndpointSid: string;
  dateCreated: number;
}

export interface EvaluationField {
  object_field: string;
  friendly_name: string;
  failure_reason: string | null;
  error_code: number | null;
  passed?: boolean;
}

export interface EvaluationResult {
  friendly_name: string;
  object_type: string;
  passed: boolean;
  failure_reason: string | null;
  error_code: number | null;
  valid: EvaluationField[];
  invalid: EvaluationField[];
  requirement_friendly_name: string;
  requirement_name: string;
}

export interface Evaluation extends Rec {
  profileSid: string;
  policySid: string;
  status: "compliant" | "noncompliant";
  results: EvaluationResult[];
  dateCreated: number;
}

/** A 2010-04-01 IncomingPhoneNumber, made by the sandbox controls (no purchase flow). */
export interface PhoneNumber extends Rec {
  phoneNumber: string;
  friendlyName: string;
  dateCreated: number;
  dateUpdated: number;
}

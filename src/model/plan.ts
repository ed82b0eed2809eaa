/**
 * The plan: plain, versioned, sorted, counted data. Built by a pure function of
 * (normalised config, observed account); rendered by src/render; checked by
 * apply. schemas/plan.schema.json documents the JSON form.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { ProfileKind } from "./config.ts";
import type { ObjectSlot, TargetInfo } from "./trusthub.ts";

export const PLAN_FORMAT_VERSION = 1;

export type ActionKind = "create" | "update" | "adopt" | "no-op" | "skip" | "blocked" | "delete";

/** One field that differs between Trust Hub and the config. */
export interface FieldChange {
  slot: ObjectSlot;
  /** Twilio field or attribute name, e.g. "email", "business_name". */
  field: string;
  /** Absent for creates. Redacted renderers never print sensitive values. */
  before?: string;
  after?: string;
  /** Personal data: names, emails, phones, tax IDs, dates of birth, addresses. */
  sensitive: boolean;
}

export interface PlanNote {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export interface ProfileAction {
  key: string;
  kind: ProfileKind;
  action: ActionKind;
  /** Live profile SID when one exists. */
  sid?: string;
  status?: ProfileStatus;
  /** Human-readable reasons, one per line, free of personal data. */
  reasons: string[];
  changes: FieldChange[];
  /** Apply submits the profile for review after writing it. */
  submit: boolean;
  /** Steps only the Twilio Console can do. */
  consoleSteps: string[];
  notes: PlanNote[];
}

export interface PlanSummary {
  create: number;
  update: number;
  adopt: number;
  "no-op": number;
  skip: number;
  blocked: number;
  delete: number;
  submit: number;
}

/** Status and date_updated per live profile SID, for stale-plan detection. */
export type Fingerprints = Record<string, { status: string; dateUpdated: string }>;

export interface Plan {
  format_version: typeof PLAN_FORMAT_VERSION;
  target: TargetInfo;
  actions: ProfileAction[];
  summary: PlanSummary;
  /** sha256 over the normalised config and the observed fingerprints. */
  checksum: string;
  fingerprints: Fingerprints;
}

/**
 * The plan: plain, versioned, sorted, counted data. Built by a pure function of
 * (normalised config, observed account); rendered by src/render; checked by
 * apply. schemas/plan.schema.json documents the JSON form.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { ProfileKind } from "./config.ts";
import type { DesiredBundle, ObjectSlot, ObservedBundle, TargetInfo } from "./trusthub.ts";

export const PLAN_FORMAT_VERSION = 1;

/**
 * What apply registers in Pulumi for one profile: the provider's exact inputs
 * (src/apply/inputs.ts checks them). `apply` reconciles the live profile to
 * `desired`; `hold` leaves it untouched (skipped, immutable, not targeted).
 */
export interface ResourceInputs {
  key: string;
  kind: ProfileKind;
  mode: "apply" | "hold";
  /** What the profile should be, personal values included (a Pulumi secret). Absent for `hold`. */
  desired?: DesiredBundle;
  /** The live bundle the plan was computed from (a Pulumi secret). null: no live profile. */
  observed?: ObservedBundle | null;
  /** Live profile the plan chose to adopt (pinned `sid:` or friendly-name match). */
  adoptSid?: string;
  /** The plan adopts a profile Twilio holds immutable: record it, write nothing. */
  recordOnly?: boolean;
}

/**
 * Where buildPlan puts the provider inputs: on each action (`action[PROVIDER_INPUTS]`, absent when
 * apply registers nothing for it) and on the plan (`plan[PROVIDER_INPUTS]`: every resource apply
 * registers, primary first). They hold personal values, so they sit under a symbol: JSON.stringify,
 * the renderers, plan files and the checksum never see them, while the spread copies of redaction
 * (src/plan/redact.ts) keep them untouched. src/plan/resources.ts reads them.
 */
export const PROVIDER_INPUTS: unique symbol = Symbol("trusthub.providerInputs");

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
  /** What apply hands the provider for this profile (see PROVIDER_INPUTS). */
  [PROVIDER_INPUTS]?: ResourceInputs;
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
  /** Every resource apply registers, in registration order (see PROVIDER_INPUTS). */
  [PROVIDER_INPUTS]?: ResourceInputs[];
}

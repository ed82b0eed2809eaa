/**
 * The plan: plain, versioned, sorted, counted data. Built by a pure function of
 * (normalised config, observed account); rendered by src/render; checked by
 * apply. schemas/plan.schema.json documents the JSON form.
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import type { ProfileKind, TrustProductKind } from "./config.ts";
import type {
  DesiredBundle,
  DesiredProduct,
  ObjectSlot,
  ObservedBundle,
  ObservedProductBundle,
  TargetInfo,
} from "./trusthub.ts";

/** 2: trust products and phone numbers (issue 14); docs/plan-format.md, "Plan format versions". */
export const PLAN_FORMAT_VERSION = 2;

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
  /**
   * Issue 14: the phone numbers (PN..., sorted) the profile should have as channel endpoint
   * assignments. Absent: the profile declares none and apply leaves its assignments alone.
   * Reconciled in both modes (src/domain/trust-products.ts CHANNEL_ENDPOINTS_ANY_STATUS).
   */
  phoneNumberSids?: string[];
}

/** What apply registers in Pulumi for one trust product (issue 14); the same modes as profiles. */
export interface ProductResourceInputs {
  key: string;
  profileKey: string;
  product: TrustProductKind;
  mode: "apply" | "hold";
  desired?: DesiredProduct;
  observed?: ObservedProductBundle | null;
  adoptSid?: string;
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
  /** Issue 14: the profile's declared trust products, in TrustProductKind order ([] when none). */
  trustProducts?: TrustProductAction[];
  /** Issue 14: present when the profile declares a2pMessaging. */
  brandReadiness?: BrandReadiness;
}

/** One declared trust product in the plan (issue 14), grouped under its profile's action. */
export interface TrustProductAction {
  /** `<profile key>/<kind>`. */
  key: string;
  product: TrustProductKind;
  action: ActionKind;
  sid?: string;
  status?: ProfileStatus;
  /** Free of personal data; for `blocked`, which profile it waits for and in what status. */
  reasons: string[];
  /** Field-level changes; phone number assignments use slot "phoneNumbers", field = the E.164 number. */
  changes: FieldChange[];
  submit: boolean;
  notes: PlanNote[];
  [PROVIDER_INPUTS]?: ProductResourceInputs;
}

/** What a brand registration (Messaging API) needs from this profile, and whether it is ready. */
export interface BrandReadiness {
  customerProfileSid?: string;
  a2pTrustProductSid?: string;
  /** Both exist and both are twilio-approved. */
  ready: boolean;
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
  /** Issue 14: trust product actions per action kind (absent when no profile declares any). */
  productSummary?: PlanSummary;
  /** Every resource apply registers, in registration order (see PROVIDER_INPUTS); products after their profile. */
  [PROVIDER_INPUTS]?: (ResourceInputs | ProductResourceInputs)[];
}

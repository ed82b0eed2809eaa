/**
 * One declared trust product -> one action (issue 14), by the rules of
 * profiles (decide.ts): duplicates, vanished pins and policy mismatches are
 * `blocked`; an immutable product is `skip` with its drift (or `no-op`, or
 * `adopt` to record it); otherwise the product waits for its customer profile
 * (`blocked`) until that profile is in PRODUCT_PROFILE_STATUSES, since Twilio
 * evaluates a trust product only against an in-review or approved profile;
 * then `create` / `adopt` / `update`, submitted when the YAML asks.
 * Phone number changes come separately and never change the action's kind
 * (products.ts appends them). Pure.
 */
import { PRODUCT_PROFILE_STATUSES } from "../domain/trust-products.ts";
import { isEditableStatus, isImmutableStatus, type ProfileStatus } from "../domain/twilio.ts";
import type { TrustProduct } from "../model/config.ts";
import type { FieldChange, TrustProductAction } from "../model/plan.ts";
import type { ObservedProductBundle } from "../model/trusthub.ts";
import { fieldsReason } from "./decide-common.ts";
import type { ProductMatch } from "./product-match.ts";

export interface ProductDecideInput {
  product: TrustProduct;
  /** The customer profile's live status; undefined when it does not exist yet. */
  profileStatus: ProfileStatus | undefined;
  match: ProductMatch;
  observed: ObservedProductBundle | undefined;
  /** Field changes other than phone numbers. */
  changes: FieldChange[];
  /** Policy SID the product must have. */
  policySid: string;
}

const READY: readonly string[] = PRODUCT_PROFILE_STATUSES;

export function decideProduct(input: ProductDecideInput): TrustProductAction {
  const { product, match, observed } = input;
  const a: TrustProductAction = {
    key: product.key,
    product: product.kind,
    action: "no-op",
    reasons: [],
    changes: input.changes,
    submit: false,
    notes: [],
  };
  if (observed !== undefined) {
    a.sid = observed.product.sid;
    a.status = observed.product.status;
  }
  const block = (code: string, reason: string, message: string): TrustProductAction => {
    a.action = "blocked";
    a.reasons.push(reason);
    a.notes.push({ code, severity: "error", message });
    return a;
  };
  if (match.candidates.length > 1) {
    a.changes = [];
    return block(
      "match/duplicate",
      "more than one live trust product matches",
      `${match.candidates.length} live trust products match this friendly name and policy: ${match.candidates.join(", ")}; pin one with \`sid:\``,
    );
  }
  if (match.via === "pinned" && match.missingSid !== undefined) {
    a.changes = [];
    return block(
      "match/pinned-missing",
      "the pinned trust product is not in this account",
      `pinned trust product ${match.missingSid} does not exist in this account`,
    );
  }
  if (observed !== undefined && observed.product.policySid !== input.policySid) {
    a.changes = [];
    return block(
      "match/policy",
      "the live trust product has another policy",
      `live trust product ${observed.product.sid} has policy ${observed.product.policySid}, not ${input.policySid}; a trust product's policy cannot change`,
    );
  }
  const adopting = match.via === "name" || (match.via === "pinned" && match.record === undefined);
  if (match.via === "managed" && match.missingSid !== undefined) {
    a.reasons.push(`managed trust product ${match.missingSid} no longer exists in Trust Hub`);
  } else if (match.via === "pinned") {
    a.reasons.push("matched by pinned sid");
  } else if (match.via === "name") {
    a.reasons.push("found by friendly name and policy; not yet managed by trusthub");
  }
  if (observed?.product.status === "twilio-rejected") {
    a.notes.push({
      code: "status/rejected",
      severity: "warning",
      message: "Twilio rejected this trust product",
    });
  }
  const status = observed?.product.status;
  if (status !== undefined && isImmutableStatus(status)) {
    if (adopting) {
      a.action = "adopt";
      a.reasons.push(
        `status ${status}: Trust Hub makes the trust product immutable; apply only records it`,
      );
    } else if (a.changes.length > 0) {
      a.action = "skip";
      a.reasons.push(
        `status ${status}: Trust Hub makes the trust product immutable; nothing is written`,
      );
    } else {
      a.reasons.push(`status ${status}; in sync`);
    }
    if (a.changes.length > 0)
      a.reasons.push(fieldsReason(a.changes.length, "drifted from the YAML (shown, not applied)"));
    return a;
  }
  const wantsSubmit = product.submit && (status === undefined || isEditableStatus(status));
  const unchangedRejection = status === "twilio-rejected" && a.changes.length === 0;
  const submit = wantsSubmit && !unchangedRejection;
  const work = observed === undefined || adopting || a.changes.length > 0 || submit;
  if (work && (input.profileStatus === undefined || !READY.includes(input.profileStatus))) {
    a.action = "blocked";
    a.reasons.push(
      `waits for customer profile ${product.profileKey} (${input.profileStatus ?? "not created yet"}): Twilio evaluates a trust product only against an in-review or approved customer profile`,
    );
    a.notes.push({
      code: "prerequisite/profile",
      severity: "error",
      message: `the customer profile ${product.profileKey} must be in-review or twilio-approved first; the next apply after that carries this trust product through`,
    });
    return a;
  }
  if (observed === undefined) {
    a.action = "create";
    a.reasons.push(
      match.via === "managed" ? "re-create it" : "no live trust product matches; create it",
    );
  } else if (adopting) a.action = "adopt";
  else if (a.changes.length > 0 || submit) a.action = "update";
  if (observed !== undefined && a.changes.length > 0)
    a.reasons.push(fieldsReason(a.changes.length, "to write"));
  if (unchangedRejection && product.submit) {
    a.notes.push({
      code: "status/rejected-unchanged",
      severity: "warning",
      message:
        "Twilio rejected this trust product and the YAML matches what it holds; fix the YAML, then apply resubmits it",
    });
  }
  if (submit) {
    a.submit = true;
    a.reasons.push(
      `${status === "twilio-rejected" ? "resubmit" : "submit"} for review once Twilio's evaluation is compliant`,
    );
  }
  if (a.action === "no-op") a.reasons.push("in sync");
  return a;
}

/**
 * How a field-level diff records its changes, shared by the profile diff (diff.ts) and the trust
 * product diff (diff-product.ts): `push` records one change (absent before = an addition),
 * `compare` records it when the normalised values differ (fields.ts), and `bundleFields` diffs the
 * fields every bundle has (friendly name, email, status callback, policy).
 */
import type { FieldChange } from "../model/plan.ts";
import type { BundleProfileFields, ObjectSlot } from "../model/trusthub.ts";
import { displayValue, isSensitive, normalizeValue } from "./fields.ts";

export interface ChangeRecorder {
  out: FieldChange[];
  push: (slot: ObjectSlot, field: string, before: unknown, after: unknown) => void;
  compare: (slot: ObjectSlot, field: string, before: unknown, after: unknown) => void;
}

/** `person`: the bundle is an individual's, so every field is personal data. */
export function changeRecorder(person: boolean): ChangeRecorder {
  const out: FieldChange[] = [];
  const push = (slot: ObjectSlot, field: string, before: unknown, after: unknown): void => {
    const change: FieldChange = { slot, field, sensitive: isSensitive(slot, field, person) };
    if (before !== undefined) change.before = displayValue(before);
    if (after !== undefined) change.after = displayValue(after);
    out.push(change);
  };
  const compare = (slot: ObjectSlot, field: string, before: unknown, after: unknown): void => {
    if (normalizeValue(field, before) !== normalizeValue(field, after)) {
      push(slot, field, before ?? "", after);
    }
  };
  return { out, push, compare };
}

/** The bundle's own fields: all added when there is no live bundle, else compared. */
export function bundleFields(
  r: ChangeRecorder,
  slot: ObjectSlot,
  p: BundleProfileFields,
  live: BundleProfileFields | undefined,
): void {
  if (live === undefined) {
    r.push(slot, "friendly_name", undefined, p.friendlyName);
    r.push(slot, "email", undefined, p.email);
    if (p.statusCallback !== "") r.push(slot, "status_callback", undefined, p.statusCallback);
    r.push(slot, "policy_sid", undefined, p.policySid);
  } else {
    r.compare(slot, "friendly_name", live.friendlyName, p.friendlyName);
    r.compare(slot, "email", live.email, p.email);
    r.compare(slot, "status_callback", live.statusCallback, p.statusCallback);
    r.compare(slot, "policy_sid", live.policySid, p.policySid);
  }
}

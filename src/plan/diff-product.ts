/**
 * Field-level diff of one trust product (issue 14): its own fields (slot
 * "product"), its end user's attributes (slot "endUser") and the customer
 * profile assigned to it (slot "assignments", field customer_profile).
 * Phone number assignments are diffed apart (phone-numbers.ts). Values are
 * compared normalised (fields.ts); returned unredacted. Pure.
 */
import type { FieldChange } from "../model/plan.ts";
import type { DesiredProduct, ObjectSlot, ObservedProductBundle } from "../model/trusthub.ts";
import { displayValue, isSensitive, normalizeValue } from "./fields.ts";

export function diffProduct(
  desired: DesiredProduct,
  observed: ObservedProductBundle | undefined,
  individual = false,
): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (slot: ObjectSlot, field: string, before: unknown, after: unknown): void => {
    const c: FieldChange = { slot, field, sensitive: isSensitive(slot, field, individual) };
    if (before !== undefined) c.before = displayValue(before);
    if (after !== undefined) c.after = displayValue(after);
    out.push(c);
  };
  const compare = (slot: ObjectSlot, field: string, before: unknown, after: unknown): void => {
    if (normalizeValue(field, before) !== normalizeValue(field, after)) {
      push(slot, field, before ?? "", after);
    }
  };
  const p = desired.product;
  const op = observed?.product;
  if (op === undefined) {
    push("product", "friendly_name", undefined, p.friendlyName);
    push("product", "email", undefined, p.email);
    if (p.statusCallback !== "") push("product", "status_callback", undefined, p.statusCallback);
    push("product", "policy_sid", undefined, p.policySid);
  } else {
    compare("product", "friendly_name", op.friendlyName, p.friendlyName);
    compare("product", "email", op.email, p.email);
    compare("product", "status_callback", op.statusCallback, p.statusCallback);
    compare("product", "policy_sid", op.policySid, p.policySid);
  }
  const want = desired.endUser;
  const have = observed?.endUser;
  if (want !== undefined && have === undefined) {
    push("endUser", "friendly_name", undefined, want.friendlyName);
    for (const [k, v] of Object.entries(want.attributes)) push("endUser", k, undefined, v);
  } else if (want !== undefined && have !== undefined) {
    for (const [k, v] of Object.entries(want.attributes))
      compare("endUser", k, have.attributes[k], v);
    // A public listing removed from the YAML: the live attributes go.
    for (const k of Object.keys(have.attributes).sort()) {
      if (!(k in want.attributes) && normalizeValue(k, have.attributes[k]) !== "")
        push("endUser", k, have.attributes[k], undefined);
    }
  }
  const assigned = observed?.assignedObjectSids ?? [];
  if (!assigned.includes(desired.customerProfileSid)) {
    const other = assigned
      .filter((s) => s.startsWith("BU"))
      .sort()
      .join(",");
    push(
      "assignments",
      "customer_profile",
      observed ? other : undefined,
      desired.customerProfileSid,
    );
  }
  if (observed !== undefined && have !== undefined && want !== undefined) {
    if (!assigned.includes(have.sid)) push("assignments", "end_user", "", have.sid);
  }
  return out;
}

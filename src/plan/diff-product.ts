/**
 * Field-level diff of one trust product (issue 14): its own fields (slot
 * "product"), its end user's attributes (slot "endUser") and the customer
 * profile assigned to it (slot "assignments", field customer_profile).
 * Phone number assignments are diffed apart (phone-numbers.ts). Values are
 * compared normalised (fields.ts); returned unredacted. Pure.
 */
import type { FieldChange } from "../model/plan.ts";
import type { DesiredProduct, ObservedProductBundle } from "../model/trusthub.ts";
import { bundleFields, changeRecorder } from "./field-changes.ts";
import { normalizeValue } from "./fields.ts";

export function diffProduct(
  desired: DesiredProduct,
  observed: ObservedProductBundle | undefined,
  individual = false,
): FieldChange[] {
  const rec = changeRecorder(individual);
  const { out, push, compare } = rec;
  bundleFields(rec, "product", desired.product, observed?.product);
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

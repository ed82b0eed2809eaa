/**
 * Field-level diff of one profile: desired bundle vs the live bundle. Pure and
 * deterministic: slots in a fixed order, fields in Twilio's order. Values are
 * normalised before comparing (see fields.ts) so formatting never shows up as
 * a change. Returns values unredacted; buildPlan strips sensitive values.
 *
 * `observed` undefined means the profile does not exist: every field is an
 * addition (no `before`). The apply provider calls this same function.
 *
 * Friendly names of a profile's objects (end users, address, document) are
 * labels, not reviewed data: they are listed when an object is added or
 * removed, never compared on objects that exist. Primaries made in the
 * Console, and profiles adopted from before the tool, keep their own labels
 * without showing drift forever.
 */
import type { FieldChange } from "../model/plan.ts";
import type {
  Attributes,
  BundleAddress,
  BundleEndUser,
  DesiredBundle,
  ObjectSlot,
  ObservedBundle,
} from "../model/trusthub.ts";
import { SUPPORTING_DOCUMENT_TYPES } from "../domain/twilio.ts";
import { bundleFields, changeRecorder } from "./field-changes.ts";
import { normalizeValue, OPTIONAL_ATTRIBUTES } from "./fields.ts";

/** Placeholder for values only known once apply has created an object. */
export const KNOWN_AFTER_APPLY = "(known after apply)";

const END_USER_SLOTS = ["business", "representative1", "representative2", "individual"] as const;

const ADDRESS_FIELDS: [string, keyof BundleAddress][] = [
  ["friendly_name", "friendlyName"],
  ["customer_name", "customerName"],
  ["street", "street"],
  ["street_secondary", "streetSecondary"],
  ["city", "city"],
  ["region", "region"],
  ["postal_code", "postalCode"],
  ["iso_country", "isoCountry"],
];

export function diffBundle(
  desired: DesiredBundle,
  observed: ObservedBundle | undefined,
): FieldChange[] {
  // An individual's profile is a person's: every field is personal data.
  const person =
    desired.endUsers.some((u) => u.slot === "individual") ||
    observed?.endUsers.individual !== undefined;
  const rec = changeRecorder(person);
  const { out, push, compare } = rec;

  bundleFields(rec, "profile", desired.profile, observed?.profile);

  // end users
  for (const slot of END_USER_SLOTS) {
    const want = desired.endUsers.find((u) => u.slot === slot);
    const have = observed?.endUsers[slot];
    if (want !== undefined && have === undefined) {
      push(slot, "friendly_name", undefined, want.friendlyName);
      for (const [name, value] of Object.entries(want.attributes)) {
        if (!(OPTIONAL_ATTRIBUTES.has(name) && normalizeValue(name, value) === "")) {
          push(slot, name, undefined, value);
        }
      }
    } else if (want === undefined && have !== undefined) {
      push(slot, "friendly_name", have.friendlyName, undefined);
      for (const [name, value] of sortedEntries(have.attributes))
        push(slot, name, value, undefined);
    } else if (want !== undefined && have !== undefined) {
      compareAttributes(slot, want, have.attributes, compare);
    }
  }

  // address
  const oa = observed?.address;
  for (const [field, prop] of ADDRESS_FIELDS) {
    const after = desired.address[prop];
    if (oa === undefined) {
      if (after !== "") push("address", field, undefined, after);
    } else {
      if (field !== "friendly_name") compare("address", field, oa[prop], after);
    }
  }

  // supporting document (address proof)
  const od = observed?.document;
  const docName =
    desired.document?.friendlyName ?? `${desired.profile.friendlyName} - Address Document`;
  const addressSid = oa?.sid ?? KNOWN_AFTER_APPLY;
  if (od === undefined) {
    push("document", "friendly_name", undefined, docName);
    push("document", "address_sids", undefined, addressSid);
  } else {
    if (od.type !== (desired.document?.type ?? SUPPORTING_DOCUMENT_TYPES.address)) {
      push(
        "document",
        "type",
        od.type,
        desired.document?.type ?? SUPPORTING_DOCUMENT_TYPES.address,
      );
    }
    compare("document", "address_sids", od.attributes["address_sids"], addressSid);
  }

  // assignments: the primary profile, and live objects not attached to the profile
  if (desired.primarySid !== undefined) {
    const assigned = observed?.assignedObjectSids ?? [];
    if (!assigned.includes(desired.primarySid)) {
      const other = assigned
        .filter((s) => s.startsWith("BU"))
        .sort()
        .join(",");
      push(
        "assignments",
        "primary_customer_profile",
        observed ? other : undefined,
        desired.primarySid,
      );
    }
  }
  if (observed !== undefined) {
    const attached = new Set(observed.assignedObjectSids);
    for (const slot of END_USER_SLOTS) {
      const have = observed.endUsers[slot];
      const wanted = desired.endUsers.some((u) => u.slot === slot);
      if (have !== undefined && wanted && !attached.has(have.sid)) {
        push("assignments", slot, "", have.sid);
      }
    }
    if (od !== undefined && !attached.has(od.sid)) push("assignments", "document", "", od.sid);
  }
  return out;
}

function compareAttributes(
  slot: ObjectSlot,
  want: BundleEndUser,
  have: Attributes,
  compare: (slot: ObjectSlot, field: string, before: unknown, after: unknown) => void,
): void {
  for (const [name, value] of Object.entries(want.attributes)) {
    compare(slot, name, have[name], value);
  }
}

function sortedEntries(attrs: Attributes): [string, string | string[]][] {
  return Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * What differs between a desired trust product and its live bundle, by slot
 * (issue 14). Pure; the provider's `diff` and reconcile use it. Values are
 * compared after src/plan/fields.ts normalisation, as the profile diff does;
 * attributes Twilio holds that the YAML does not set are not drift. Phone
 * numbers are their own slot: Twilio lets them change in any status.
 */
import type { DesiredProduct, ObservedProductBundle } from "../model/trusthub.ts";
import { normalizeValue } from "../plan/fields.ts";

export type ProductSlot = "product" | "policy" | "endUser" | "assignments" | "phoneNumbers";

const same = (field: string, a: unknown, b: unknown) =>
  normalizeValue(field, a) === normalizeValue(field, b);

/**
 * Slots that differ. `customerProfileSid` is the resolved BU SID of its profile (undefined when
 * not known yet: then the assignment counts as missing). `live` undefined: nothing exists yet.
 */
export function productDrift(
  desired: DesiredProduct,
  live: ObservedProductBundle | undefined,
  customerProfileSid: string | undefined,
): ProductSlot[] {
  if (!live) return ["product", "endUser", "assignments", "phoneNumbers"];
  const out: ProductSlot[] = [];
  const p = live.product;
  const d = desired.product;
  if (
    !same("friendly_name", p.friendlyName, d.friendlyName) ||
    !same("email", p.email, d.email) ||
    !same("status_callback", p.statusCallback, d.statusCallback)
  ) {
    out.push("product");
  }
  if (p.policySid !== d.policySid) out.push("policy");
  const want = desired.endUser;
  const have = live.endUser;
  if (
    (want === undefined) !== (have === undefined) ||
    (want &&
      have &&
      (want.type !== have.type ||
        Object.entries(want.attributes).some(([k, v]) => !same(k, have.attributes[k], v))))
  ) {
    out.push("endUser");
  }
  const assigned = new Set(live.assignedObjectSids);
  const wantObjects = [
    ...(have && want ? [have.sid] : []),
    ...(customerProfileSid ? [customerProfileSid] : []),
  ];
  const extra = live.assignedObjectSids.filter(
    (s) => s.startsWith("BU") && s !== customerProfileSid,
  );
  if (
    (want && !have) ||
    customerProfileSid === undefined ||
    wantObjects.some((s) => !assigned.has(s)) ||
    extra.length > 0
  ) {
    out.push("assignments");
  }
  const pns = new Set(live.channelEndpoints.map((a) => a.channelEndpointSid));
  if (
    pns.size !== desired.phoneNumberSids.length ||
    desired.phoneNumberSids.some((s) => !pns.has(s))
  ) {
    out.push("phoneNumbers");
  }
  return out;
}

/** The customer profile SID a product is assigned to: the plan's BU SID, else its profile's output. */
export function resolveProfileSid(
  desired: DesiredProduct,
  profileSid: string | undefined,
): string | undefined {
  if (desired.customerProfileSid.startsWith("BU")) return desired.customerProfileSid;
  return profileSid && profileSid.startsWith("BU") ? profileSid : undefined;
}

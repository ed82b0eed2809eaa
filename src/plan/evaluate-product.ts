/**
 * Local evaluation of a desired trust product (issue 14): what Twilio's
 * evaluation of its policy would reject at once. Messages name fields, never
 * values. Sources: src/domain/trust-products.ts and docs/twilio-facts.md (A2P
 * ISV onboarding guide: stock exchange and ticker for public companies; CNAM
 * guide: a display name of at most 15 characters). Pure.
 */
import { A2P_COMPANY_TYPES, CNAM_DISPLAY_NAME_MAX_LENGTH } from "../domain/trust-products.ts";
import type { PlanNote } from "../model/plan.ts";
import type { DesiredProduct } from "../model/trusthub.ts";
import { charLength } from "./names.ts";

const CNAM_DISPLAY_NAME_MAX = CNAM_DISPLAY_NAME_MAX_LENGTH;

export function evaluateProduct(desired: DesiredProduct): PlanNote[] {
  const notes: PlanNote[] = [];
  const warn = (code: string, message: string): void =>
    void notes.push({ code: `policy/${code}`, severity: "warning", message });
  const a = desired.endUser?.attributes ?? {};
  const value = (k: string): string => {
    const v = a[k];
    return (Array.isArray(v) ? v.join(",") : (v ?? "")).trim();
  };
  for (const [k] of Object.entries(a)) {
    if (k !== "notes" && value(k) === "") warn("required", `endUser: ${k} is empty`);
  }
  if (desired.kind === "a2p-messaging") {
    const type = value("company_type");
    if (type !== "" && !(A2P_COMPANY_TYPES as readonly string[]).includes(type))
      warn("enum", "endUser: company_type is not one of the values Twilio accepts");
  }
  if (desired.kind === "cnam" && charLength(value("cnam_display_name")) > CNAM_DISPLAY_NAME_MAX)
    warn("cnam", `endUser: cnam_display_name is longer than ${CNAM_DISPLAY_NAME_MAX} characters`);
  return notes;
}

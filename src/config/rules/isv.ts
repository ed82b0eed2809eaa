/**
 * Secondary profiles need a primary whose business identity is
 * isv_reseller_or_partner: Twilio refuses to create them otherwise
 * ("Secondary Customer Profile for direct_customer can only be created
 * through Twilio console", twilio/twilio-node#965).
 */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { allProfiles, isIndividual, where, type RuleContext } from "./context.ts";

export function secondariesNeedIsvPrimary(ctx: RuleContext): Diagnostic[] {
  const profiles = allProfiles(ctx);
  const secondaries = profiles.filter((e) => e.role === "secondary");
  const first = secondaries[0];
  if (!first) return [];
  const count = `${secondaries.length} secondary profile${secondaries.length === 1 ? "" : "s"}`;
  const firstAt = where(first.doc.at(first.pointer));
  const primary = profiles.find((e) => e.role === "primary");
  if (!primary) {
    // A primary may sit in a document that failed earlier checks: say nothing yet.
    if (!ctx.complete) return [];
    // A subaccount's secondaries use its parent's primary (src/config/subaccounts.ts checks it).
    if (ctx.documents.some((d) => d.written.account?.parent !== undefined)) return [];
    return [
      diagnostic(
        "rule/primary-undeclared",
        "warning",
        `${count} but no primary profile is declared: the account's live primary profile must have business identity isv_reseller_or_partner, or Twilio refuses to create secondaries`,
        first.doc.at(first.pointer),
        first.pointer,
      ),
    ];
  }
  if (isIndividual(primary.profile)) {
    const pointer = "/primary/type";
    return [
      diagnostic(
        "rule/secondary-needs-isv",
        "error",
        `${count} (first at ${firstAt}) need a business primary with identity isv_reseller_or_partner; Twilio refuses secondary profiles under an individual primary`,
        primary.doc.at(pointer),
        pointer,
      ),
    ];
  }
  if (primary.profile.business.identity === "isv_reseller_or_partner") return [];
  const pointer = "/primary/business/identity";
  return [
    diagnostic(
      "rule/secondary-needs-isv",
      "error",
      `${count} (first at ${firstAt}) need the primary's business identity to be isv_reseller_or_partner; Twilio refuses to create secondary profiles under a direct_customer primary (the Console can change the identity while the primary is editable)`,
      primary.doc.at(pointer),
      pointer,
    ),
  ];
}

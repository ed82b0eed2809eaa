/**
 * Config -> Twilio for one declared trust product (issue 14): its fields,
 * policy, end user (A2P, CNAM, Voice Integrity), the customer profile
 * assigned to it and the phone numbers assigned as channel endpoints. Pure.
 */
import { FRIENDLY_NAME_MAX_LENGTH } from "../domain/limits.ts";
import type { TrustProduct } from "../model/config.ts";
import type { Attributes, DesiredProduct } from "../model/trusthub.ts";
import { fitName } from "./names.ts";
import { PRODUCT_FACTS } from "./product-facts.ts";

/** The customer profile reference of a profile apply has not created yet. */
export function profileRef(profileKey: string): string {
  return `profile:${profileKey}`;
}

export interface DesiredProductContext {
  /** The live customer profile's SID; undefined until apply creates it. */
  profileSid?: string;
  /** The product's phone numbers resolved to PN... (unknown numbers left out). */
  phoneNumberSids: string[];
}

export function desiredProduct(product: TrustProduct, ctx: DesiredProductContext): DesiredProduct {
  const facts = PRODUCT_FACTS[product.kind];
  const out: DesiredProduct = {
    key: product.key,
    profileKey: product.profileKey,
    kind: product.kind,
    product: {
      friendlyName: product.friendlyName,
      email: product.email,
      statusCallback: product.statusCallback,
      policySid: facts.policySid,
    },
    customerProfileSid: ctx.profileSid ?? profileRef(product.profileKey),
    phoneNumberSids: facts.voice ? [...new Set(ctx.phoneNumberSids)].sort() : [],
    submit: product.submit,
  };
  const attributes = endUserAttributes(product);
  if (facts.endUserType !== undefined && attributes !== undefined) {
    out.endUser = {
      type: facts.endUserType,
      friendlyName: fitName(product.friendlyName, " - Information", FRIENDLY_NAME_MAX_LENGTH),
      attributes,
    };
  }
  return out;
}

/** The end user's attributes in Twilio's names; undefined for SHAKEN/STIR. */
export function endUserAttributes(product: TrustProduct): Attributes | undefined {
  switch (product.kind) {
    case "a2p-messaging": {
      const a: Attributes = { company_type: product.companyType };
      // Only a public company has a stock listing (Twilio's A2P ISV onboarding guide).
      if (product.companyType === "public") {
        a["stock_exchange"] = product.stockExchange ?? "";
        a["stock_ticker"] = product.stockTicker ?? "";
      }
      return a;
    }
    case "cnam":
      return { cnam_display_name: product.displayName };
    case "voice-integrity": {
      const a: Attributes = {
        use_case: product.useCase,
        business_employee_count: String(product.employeeCount),
        average_business_day_call_volume: String(product.averageDailyCallVolume),
      };
      if (product.notes !== undefined) a["notes"] = product.notes;
      return a;
    }
    case "shaken-stir":
      return undefined;
  }
}

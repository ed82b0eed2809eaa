/**
 * Hand-built trust product inputs (issue 14) for the provider's tests, until
 * the language and the planner build them from the YAML: a DesiredProduct per
 * kind, as src/plan would, with the policies of src/domain/trust-products.ts.
 */
import { A2P_END_USER_TYPE, TRUST_POLICY_SIDS } from "../../src/domain/trust-products.ts";
import type { TrustProductKind } from "../../src/model/config.ts";
import type { ProductResourceInputs } from "../../src/model/plan.ts";
import type { DesiredProduct } from "../../src/model/trusthub.ts";

export interface ProductOptions {
  /** A BU SID, or "profile:<key>". */
  customerProfileSid: string;
  phoneNumberSids?: string[];
  submit?: boolean;
  companyType?: string;
  email?: string;
}

export function desiredProduct(
  profileKey: string,
  kind: Extract<TrustProductKind, "a2p-messaging" | "shaken-stir">,
  o: ProductOptions,
): DesiredProduct {
  const name = kind === "a2p-messaging" ? "A2P Messaging" : "SHAKEN/STIR";
  const d: DesiredProduct = {
    key: `${profileKey}/${kind}`,
    profileKey,
    kind,
    product: {
      friendlyName: `${profileKey} - ${name}`,
      email: o.email ?? "compliance@example.com",
      statusCallback: "",
      policySid:
        kind === "a2p-messaging"
          ? TRUST_POLICY_SIDS.a2pMessagingProfile
          : TRUST_POLICY_SIDS.shakenStir,
    },
    customerProfileSid: o.customerProfileSid,
    phoneNumberSids: [...(o.phoneNumberSids ?? [])].sort(),
    submit: o.submit ?? false,
  };
  if (kind === "a2p-messaging") {
    d.endUser = {
      type: A2P_END_USER_TYPE,
      friendlyName: `${profileKey} - ${name} - Messaging Profile Information`,
      attributes: { company_type: o.companyType ?? "private" },
    };
  }
  return d;
}

export function productInputs(
  d: DesiredProduct,
  extra: Partial<ProductResourceInputs> & Record<string, unknown> = {},
): ProductResourceInputs & Record<string, unknown> {
  return {
    key: d.key,
    profileKey: d.profileKey,
    product: d.kind,
    mode: "apply",
    desired: d,
    observed: null,
    ...extra,
  };
}

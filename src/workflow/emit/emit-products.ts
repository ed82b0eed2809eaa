/**
 * `trusthub import`, pure part for issue 14: a profile's phone numbers and
 * trust products -> the `phoneNumbers` and `trustProducts` of its YAML. Kinds
 * are known by policy (src/domain/trust-products.ts TRUST_POLICY_SIDS); a
 * product of another policy (or a second one of a kind) is left out with a
 * warning. Numbers are E.164 (resolved through the account's IncomingPhoneNumbers). A product's email is
 * written only when it differs from its profile's, as an env reference.
 * Drafts get `submit: false`, as profiles do.
 */
import { CNAM_DISPLAY_NAME_FIELD, TRUST_POLICY_SIDS } from "../../domain/trust-products.ts";
import type { ObservedEndUser, ObservedProduct } from "../../model/trusthub.ts";
import { envName, type EnvEntry } from "./emit-env.ts";
import type { Obj } from "./emit-profile.ts";

/** What import read about one live trust product. */
export interface ImportedProductBundle {
  product: ObservedProduct;
  endUser?: ObservedEndUser;
  /** E.164 numbers assigned to it. */
  phoneNumbers: string[];
}

/** What import read about one profile's issue-14 objects. */
export interface ProfileExtras {
  /** E.164 numbers assigned to the profile. */
  phoneNumbers: string[];
  products: ImportedProductBundle[];
}

const YAML_KIND: Record<string, string> = {
  a2pMessagingProfile: "a2pMessaging",
  shakenStir: "shakenStir",
  cnam: "cnam",
  voiceIntegrity: "voiceIntegrity",
};

/** The YAML name of a product's kind, by its policy; undefined when import does not know it. */
export function yamlKind(policySid: string): string | undefined {
  const entry = Object.entries(TRUST_POLICY_SIDS).find(([, sid]) => sid === policySid);
  return entry ? YAML_KIND[entry[0]] : undefined;
}

/** The YAML fields a CNAM or Voice Integrity product keeps in its end user. */
function voiceFields(kind: string, a: Record<string, unknown>): Obj {
  if (kind === "cnam") return { displayName: str(a[CNAM_DISPLAY_NAME_FIELD]) };
  if (kind !== "voiceIntegrity") return {};
  const out: Obj = {
    useCase: str(a["use_case"]),
    employeeCount: Number(str(a["business_employee_count"])),
    averageDailyCallVolume: Number(str(a["average_business_day_call_volume"])),
  };
  if (str(a["notes"])) out["notes"] = str(a["notes"]);
  return out;
}

const str = (v: unknown): string =>
  typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : "";

/** Adds `phoneNumbers` and `trustProducts` to one written profile; returns warnings. */
export function emitProducts(
  key: string,
  profileEmail: string,
  written: Obj,
  extras: ProfileExtras | undefined,
  env: EnvEntry[],
): string[] {
  if (!extras) return [];
  const warnings: string[] = [];
  // A voice product's numbers are a subset of its profile's: the profile lists them all.
  const numbers = new Set(extras.phoneNumbers);
  for (const b of extras.products) for (const n of b.phoneNumbers) numbers.add(n);
  if (numbers.size > 0) written["phoneNumbers"] = [...numbers].sort();
  const products: Obj = {};
  for (const b of extras.products) {
    const kind = yamlKind(b.product.policySid);
    if (kind === undefined || products[kind]) {
      warnings.push(
        `${key}: trust product ${b.product.sid} (policy ${b.product.policySid}) was not imported` +
          (kind ? ` (a second ${kind})` : " (a policy trusthub does not know)"),
      );
      continue;
    }
    const out: Obj = { friendlyName: b.product.friendlyName };
    if (b.product.email !== profileEmail) {
      const name = envName(key, `${kind.toUpperCase()}_EMAIL`);
      env.push({ name, value: b.product.email, comment: `${key}: trust product ${kind} email` });
      out["email"] = `\${env:${name}}`;
    }
    if (b.product.statusCallback) out["statusCallback"] = b.product.statusCallback;
    if (b.product.status === "draft") out["submit"] = false;
    if (kind === "a2pMessaging") {
      const a = b.endUser?.attributes ?? {};
      out["companyType"] = str(a["company_type"]);
      if (str(a["stock_exchange"])) out["stockExchange"] = str(a["stock_exchange"]);
      if (str(a["stock_ticker"])) out["stockTicker"] = str(a["stock_ticker"]);
    } else {
      Object.assign(out, voiceFields(kind, b.endUser?.attributes ?? {}));
      if (b.phoneNumbers.length !== numbers.size) out["phoneNumbers"] = [...b.phoneNumbers].sort(); // default: all of the profile's
    }
    products[kind] = out;
  }
  if (Object.keys(products).length > 0) written["trustProducts"] = products;
  return warnings;
}

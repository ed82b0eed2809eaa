/**
 * Written (schema- and rule-valid) documents -> the normalised Config:
 * defaults filled (`submit` defaults to `defaults.submit`, else true),
 * strings trimmed (done at env resolution), phones in E.164, registration
 * numbers canonical, country codes upper case, `street2` "" and
 * `socialMediaProfileUrls` [] when absent, `statusCallback` "" when unset;
 * phone numbers and trust products as src/config/products.ts says.
 */
import type {
  Address,
  BusinessProfile,
  Config,
  IndividualProfile,
  Representative,
  SourceRef,
  WrittenAddress,
  WrittenBusinessProfile,
  WrittenDefaults,
  WrittenDocument,
  WrittenIndividualPrimary,
  WrittenRepresentative,
} from "../model/config.ts";
import { toE164 } from "./phone.ts";
import { normalizeNumbers, normalizeProducts } from "./products.ts";
import { canonicalRegistrationNumber } from "./registration.ts";
import { plain } from "./unlisted.ts";

export const DEFAULT_SUBMIT = true;

export interface NormalizeInput {
  file: string;
  written: WrittenDocument;
  /** Position of the object at a pointer ("/primary", "/secondaries/0"). */
  at(pointer: string): SourceRef;
}

/** Account-wide defaults: the first document setting each (rules make them agree). */
function defaultsOf(docs: NormalizeInput[]): WrittenDefaults {
  const out: WrittenDefaults = {};
  for (const d of [...docs].reverse()) Object.assign(out, d.written.defaults ?? {});
  return out;
}

export function normalize(docs: NormalizeInput[], files: string[]): Config {
  const defaults = defaultsOf(docs);
  const submit = (own: boolean | undefined) => own ?? defaults.submit ?? DEFAULT_SUBMIT;
  const config: Config = { secondaries: [], files };
  for (const doc of docs) {
    const { primary, secondaries } = doc.written;
    if (primary?.type === "individual") {
      config.primary = individual(primary, submit(primary.submit), doc.at("/primary"), (f) =>
        doc.at(`/primary/trustProducts/${f}`),
      );
    } else if (primary) {
      config.primary = business(
        primary,
        "primary-business",
        submit(primary.submit),
        doc.at("/primary"),
        (f) => doc.at(`/primary/trustProducts/${f}`),
      );
    }
    (secondaries ?? []).forEach((s, i) => {
      // A secondary's status mail and callback go to the ISV unless it says otherwise.
      const withDefaults: WrittenBusinessProfile = {
        ...s,
        email: s.email ?? defaults.notificationEmail ?? "",
      };
      const callback = s.statusCallback ?? defaults.statusCallback;
      if (callback !== undefined) withDefaults.statusCallback = callback;
      config.secondaries.push(
        business(withDefaults, "secondary", submit(s.submit), doc.at(`/secondaries/${i}`), (f) =>
          doc.at(`/secondaries/${i}/trustProducts/${f}`),
        ),
      );
    });
  }
  return config;
}

/** Where a profile's trust product starts: `<profile pointer>/trustProducts/<field>`. */
type ProductAt = (field: string) => SourceRef;

function base(
  p: WrittenBusinessProfile | WrittenIndividualPrimary,
  submit: boolean,
  source: SourceRef,
  productAt: ProductAt,
) {
  const country = p.address.isoCountry;
  const common = {
    key: p.key,
    friendlyName: p.friendlyName,
    email: p.email ?? "",
    statusCallback: p.statusCallback ?? "",
    submit,
    phoneNumbers: normalizeNumbers(p.phoneNumbers, country),
  };
  return {
    ...common,
    ...(p.sid !== undefined ? { sid: p.sid } : {}),
    source,
    trustProducts: normalizeProducts(p.trustProducts, { ...common, country }, productAt),
  };
}

function business(
  p: WrittenBusinessProfile,
  kind: BusinessProfile["kind"],
  submit: boolean,
  source: SourceRef,
  productAt: ProductAt,
): BusinessProfile {
  const country = p.address.isoCountry;
  const [one, two] = p.representatives.map((r) => representative(r, country));
  if (!one) throw new Error(`internal: profile ${p.key} has no representative after validation`);
  const b = p.business;
  const type = plain(b.registration.type);
  return {
    ...base(p, submit, source, productAt),
    kind,
    business: {
      name: b.name,
      identity: plain(b.identity),
      type: plain(b.type),
      industry: plain(b.industry),
      registration: {
        type,
        number: canonicalRegistrationNumber(type, b.registration.number),
        ...(type === "Other" && b.registration.otherType !== undefined
          ? { otherType: b.registration.otherType }
          : {}),
      },
      regionsOfOperation: b.regionsOfOperation.map((r) => plain(r)),
      websiteUrl: b.websiteUrl,
      socialMediaProfileUrls: b.socialMediaProfileUrls ?? [],
    },
    address: address(p.address),
    representatives: two ? [one, two] : [one],
  };
}

function individual(
  p: WrittenIndividualPrimary,
  submit: boolean,
  source: SourceRef,
  productAt: ProductAt,
): IndividualProfile {
  return {
    ...base(p, submit, source, productAt),
    kind: "primary-individual",
    individual: { ...p.individual, phone: phone(p.individual.phone, p.address.isoCountry) },
    address: address(p.address),
    consoleOnly: {
      photoId: p.consoleOnly?.photoId === "console",
      selfieVerification: p.consoleOnly?.selfieVerification === "console",
    },
  };
}

function representative(r: WrittenRepresentative, country: string): Representative {
  return { ...r, jobPosition: plain(r.jobPosition), phone: phone(r.phone, country) };
}

function address(a: WrittenAddress): Address {
  return { ...a, street2: a.street2 ?? "", isoCountry: a.isoCountry.toUpperCase() };
}

function phone(value: string, country: string): string {
  const e164 = toE164(value, country);
  if (e164 === undefined) throw new Error("internal: phone number invalid after validation");
  return e164;
}

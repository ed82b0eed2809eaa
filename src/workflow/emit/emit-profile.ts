/**
 * One live profile -> its written form for `trusthub import` (see emit.ts):
 * literal values, or `${env:TRUSTHUB_<KEY>_<FIELD>}` references for personal
 * ones, whose values are collected into the env template entries. Pure.
 */
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  JOB_POSITIONS,
  POLICY_SIDS,
  REGIONS_OF_OPERATION,
  REGISTRATION_ID_TYPES,
  REGISTRATION_OTHER_TYPE_ATTRIBUTE,
} from "../../domain/twilio.ts";
import type { Attributes, ObservedBundle } from "../../model/trusthub.ts";
import { isSensitive } from "../../plan/fields.ts";
import { envName, envRef, escapeLiteral, type EnvEntry } from "./emit-env.ts";
import type { Picked } from "./emit-pick.ts";
import { listedOrNot } from "../../config/unlisted.ts";

export type Obj = Record<string, unknown>;

const PRIMARY_POLICIES: Record<string, "business" | "individual"> = {
  [POLICY_SIDS.primaryBusiness]: "business",
  [POLICY_SIDS.primaryIndividual]: "individual",
};

/** Builds one profile's written form, moving personal values into `env`. */
export class ProfileEmitter {
  readonly key: string;
  readonly bundle: ObservedBundle;
  readonly env: EnvEntry[];
  readonly individual: boolean;
  /** Fields whose live value is outside what src/domain/twilio.ts lists (written as {unlisted}). */
  readonly unlisted: string[] = [];
  constructor(key: string, bundle: ObservedBundle, env: EnvEntry[]) {
    this.key = key;
    this.bundle = bundle;
    this.env = env;
    this.individual = PRIMARY_POLICIES[bundle.profile.policySid] === "individual";
  }

  missingObjects(): string[] {
    const b = this.bundle;
    const out: string[] = [];
    if (this.individual ? !b.endUsers.individual : !b.endUsers.business)
      out.push(this.individual ? "individual information" : "business information");
    if (!this.individual && !b.endUsers.representative1) out.push("authorized representative 1");
    if (!b.address) out.push("address");
    return out;
  }

  /** A value: literal, or an env reference when personal. */
  private v(
    slot: Parameters<typeof isSensitive>[0],
    field: string,
    envField: string,
    raw: string,
  ): string {
    const personal =
      isSensitive(slot, field) ||
      (this.individual && slot === "address" && field !== "iso_country");
    if (!personal) return escapeLiteral(raw);
    const name = envName(this.key, envField);
    const note = raw === "" ? " (not found in Trust Hub: fill it in)" : "";
    this.env.push({ name, value: raw, comment: `${this.key}: ${slot} ${field}${note}` });
    return envRef(name);
  }

  profile(role: "primary" | "secondary", p: Picked): Obj {
    const lp = this.bundle.profile;
    const out: Obj = {};
    if (role === "primary") out["type"] = this.individual ? "individual" : "business";
    out["key"] = this.key;
    if (p.pinned) out["sid"] = lp.sid;
    out["friendlyName"] = escapeLiteral(lp.friendlyName);
    out["email"] = this.v("profile", "email", "EMAIL", lp.email);
    if (lp.statusCallback.trim() !== "") out["statusCallback"] = escapeLiteral(lp.statusCallback);
    const draft = lp.status === "draft";
    if (draft || (role === "primary" && lp.status === "twilio-rejected")) out["submit"] = false;
    if (this.individual) out["individual"] = this.individualInfo();
    else out["business"] = this.business();
    out["address"] = this.address();
    if (!this.individual) out["representatives"] = this.representatives();
    return out;
  }

  /** A value Twilio returned for an enumerated field, kept even when we do not list it. */
  private known(field: string, value: string, known: readonly string[]): unknown {
    const out = listedOrNot(escapeLiteral(value), known);
    if (typeof out !== "string" && !this.unlisted.includes(field)) this.unlisted.push(field);
    return out;
  }

  private business(): Obj {
    const a = this.bundle.endUsers.business?.attributes ?? {};
    const s = (f: string): string => text(a, f);
    const registration: Obj = {
      type: this.known(
        "business_registration_identifier",
        s("business_registration_identifier"),
        REGISTRATION_ID_TYPES,
      ),
      number: this.v(
        "business",
        "business_registration_number",
        "REGISTRATION_NUMBER",
        s("business_registration_number"),
      ),
    };
    const otherType = s(REGISTRATION_OTHER_TYPE_ATTRIBUTE);
    if (s("business_registration_identifier") === "Other" && otherType !== "")
      registration["otherType"] = escapeLiteral(otherType);
    const out: Obj = {
      name: this.v("business", "business_name", "BUSINESS_NAME", s("business_name")),
      identity: this.known("business_identity", s("business_identity"), BUSINESS_IDENTITIES),
      type: this.known("business_type", s("business_type"), BUSINESS_TYPES),
      industry: this.known("business_industry", s("business_industry"), BUSINESS_INDUSTRIES),
      registration,
      regionsOfOperation: list(a, "business_regions_of_operation").map((r) =>
        this.known("business_regions_of_operation", r, REGIONS_OF_OPERATION),
      ),
      websiteUrl: escapeLiteral(s("website_url")),
    };
    const social = list(a, "social_media_profile_urls");
    if (social.length > 0) out["socialMediaProfileUrls"] = social.map(escapeLiteral);
    return out;
  }

  private address(): Obj {
    const ad = this.bundle.address;
    const f = (field: string, envField: string, raw: string | undefined): string =>
      this.v("address", field, `ADDRESS_${envField}`, (raw ?? "").trim());
    const out: Obj = {
      customerName: f("customer_name", "CUSTOMER_NAME", ad?.customerName),
      street: f("street", "STREET", ad?.street),
    };
    if ((ad?.streetSecondary ?? "").trim() !== "")
      out["street2"] = f("street_secondary", "STREET2", ad?.streetSecondary);
    out["city"] = f("city", "CITY", ad?.city);
    out["region"] = f("region", "REGION", ad?.region);
    out["postalCode"] = f("postal_code", "POSTAL_CODE", ad?.postalCode);
    out["isoCountry"] = f("iso_country", "ISO_COUNTRY", ad?.isoCountry);
    return out;
  }

  private representatives(): Obj[] {
    const reps: Obj[] = [];
    for (const [slot, n] of [
      ["representative1", 1],
      ["representative2", 2],
    ] as const) {
      const eu = this.bundle.endUsers[slot];
      if (eu === undefined && n === 2) continue;
      const a = eu?.attributes ?? {};
      const p = (field: string, envField: string): string =>
        this.v(slot, field, `REP${n}_${envField}`, text(a, field));
      reps.push({
        firstName: p("first_name", "FIRST_NAME"),
        lastName: p("last_name", "LAST_NAME"),
        email: p("email", "EMAIL"),
        phone: p("phone_number", "PHONE"),
        businessTitle: p("business_title", "BUSINESS_TITLE"),
        jobPosition: this.known("job_position", text(a, "job_position"), JOB_POSITIONS),
      });
    }
    return reps;
  }

  private individualInfo(): Obj {
    const a = this.bundle.endUsers.individual?.attributes ?? {};
    const p = (field: string, envField: string): string =>
      this.v("individual", field, `INDIVIDUAL_${envField}`, text(a, field));
    return {
      profileName: p("profile_name", "PROFILE_NAME"),
      email: p("email", "EMAIL"),
      phone: p("phone_number", "PHONE"),
      firstName: p("first_name", "FIRST_NAME"),
      lastName: p("last_name", "LAST_NAME"),
      dateOfBirth: p("birth_date", "DATE_OF_BIRTH"),
    };
  }
}

function text(a: Attributes, field: string): string {
  const v = a[field];
  return (Array.isArray(v) ? v.join(",") : (v ?? "")).trim();
}

/** A multi-valued attribute (array, or one comma-separated string) as a list. */
function list(a: Attributes, field: string): string[] {
  const v = a[field];
  const parts = Array.isArray(v) ? v : (v ?? "").split(",");
  return [...new Set(parts.map((s) => s.trim()).filter((s) => s !== ""))];
}

/**
 * `trusthub import`, the pure part: what an account holds (an ObservedAccount
 * whose entity assignments were read for every profile) -> YAML in the
 * language of docs/config.md plus the env template for its personal values.
 *
 * - A value is personal exactly when the planner would redact it
 *   (src/plan/fields.ts isSensitive; for an individual the whole address);
 *   those are written `${env:TRUSTHUB_<KEY>_<FIELD>}` and their values go to
 *   the env template only. Everything else is written literally.
 * - Keys come from friendly names (kebab-case, unique), or from apply's
 *   managed record when the profile is already managed.
 * - Profiles are not pinned with `sid:`: plan finds them by friendly name and
 *   policy and shows `adopt` (a pinned profile would not be adopted).
 * - Drafts (and a rejected primary, which only the Console can resubmit) get
 *   `submit: false`, so the first plan adopts them without submitting.
 */
import { Document, isMap, isSeq, type Node as YamlNode } from "yaml";
import { POLICY_SIDS, type ProfileStatus } from "../domain/twilio.ts";
import type { Attributes, ObservedAccount, ObservedBundle } from "../model/trusthub.ts";
import { isSensitive } from "../plan/fields.ts";
import { indexAccount, observedBundle } from "../plan/observed.ts";
import {
  envName,
  envRef,
  escapeLiteral,
  keyFromName,
  renderEnvFile,
  uniqueKey,
  type EnvEntry,
} from "./emit-env.ts";
import { pickProfiles, type Picked } from "./emit-pick.ts";

export interface EmitOptions {
  /** `$schema` of the modeline, relative to the YAML file. */
  schemaRef: string;
  /** Names shown in comments (as the user gave them). */
  yamlFile: string;
  envFile: string;
}

export interface ImportedProfile {
  key: string;
  sid: string;
  role: "primary" | "secondary";
  status: ProfileStatus;
}

export interface EmitResult {
  yaml: string;
  envText: string;
  env: EnvEntry[];
  profiles: ImportedProfile[];
  /** Free of personal data: SIDs, keys, friendly names, variable names. */
  warnings: string[];
}

type Obj = Record<string, unknown>;

export function emitConfig(account: ObservedAccount, opts: EmitOptions): EmitResult {
  const index = indexAccount(account);
  const picked = pickProfiles(account);
  const warnings = [...picked.warnings];
  const env: EnvEntry[] = [];
  const taken = new Set<string>();
  const managedKey = new Map(Object.values(account.managed).map((r) => [r.profileSid, r.key]));
  for (const k of managedKey.values()) taken.add(k);
  const keyOf = (p: Picked): string =>
    managedKey.get(p.profile.sid) ?? uniqueKey(keyFromName(p.profile.friendlyName), taken);

  const profiles: ImportedProfile[] = [];
  const doc: Obj = { version: 1 };
  const comments = new Map<string, string>();
  const build = (p: Picked, role: "primary" | "secondary"): Obj => {
    const key = keyOf(p);
    const bundle = observedBundle(index, p.profile.sid, account.managed[key]);
    profiles.push({ key, sid: p.profile.sid, role, status: p.profile.status });
    const b = new ProfileEmitter(
      key,
      bundle ?? { profile: p.profile, endUsers: {}, assignedObjectSids: [] },
      env,
    );
    const missing = b.missingObjects();
    if (missing.length > 0)
      warnings.push(
        `${key} (${p.profile.sid}): no ${missing.join(", ")} assigned in Trust Hub; the YAML has empty values there`,
      );
    comments.set(
      key,
      ` ${p.profile.sid}: ${p.profile.status}${p.pinned ? " (pinned: its friendly name is not unique)" : ""}`,
    );
    return b.profile(role, p);
  };
  if (picked.primary !== undefined) doc["primary"] = build(picked.primary, "primary");
  if (picked.secondaries.length > 0)
    doc["secondaries"] = picked.secondaries.map((p) => build(p, "secondary"));

  const envFile = renderEnvFile(env, { yaml: opts.yamlFile, env: opts.envFile });
  for (const name of envFile.unquotable)
    warnings.push(
      `${name}: the value has characters the env file cannot quote safely; it was left empty, set it yourself`,
    );
  return { yaml: stringify(doc, comments, opts), envText: envFile.text, env, profiles, warnings };
}

const PRIMARY_POLICIES: Record<string, "business" | "individual"> = {
  [POLICY_SIDS.primaryBusiness]: "business",
  [POLICY_SIDS.primaryIndividual]: "individual",
};

/** Builds one profile's written form, moving personal values into `env`. */
class ProfileEmitter {
  readonly key: string;
  readonly bundle: ObservedBundle;
  readonly env: EnvEntry[];
  readonly individual: boolean;
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

  private business(): Obj {
    const a = this.bundle.endUsers.business?.attributes ?? {};
    const s = (f: string): string => text(a, f);
    const out: Obj = {
      name: this.v("business", "business_name", "BUSINESS_NAME", s("business_name")),
      identity: s("business_identity"),
      type: s("business_type"),
      industry: s("business_industry"),
      registration: {
        type: s("business_registration_identifier"),
        number: this.v(
          "business",
          "business_registration_number",
          "REGISTRATION_NUMBER",
          s("business_registration_number"),
        ),
      },
      regionsOfOperation: list(a, "business_regions_of_operation").map(escapeLiteral),
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
        jobPosition: p("job_position", "JOB_POSITION"),
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

function stringify(doc: Obj, comments: Map<string, string>, opts: EmitOptions): string {
  const d = new Document(doc);
  d.commentBefore = [
    ` yaml-language-server: $schema=${opts.schemaRef}`,
    "",
    " Written by `trusthub import` from what Trust Hub holds. Personal values are",
    ` \${env:...} references; their values are in ${opts.envFile} (do not commit it).`,
    " Run `trusthub plan`: it should show only adopt actions; apply records them.",
  ].join("\n");
  const note = (node: YamlNode | null | undefined, key: unknown): void => {
    const c = typeof key === "string" ? comments.get(key) : undefined;
    if (node && c !== undefined) node.commentBefore = c;
  };
  const primary = d.get("primary", true);
  if (isMap(primary)) note(primary.items[0]?.key as YamlNode, (primary.toJSON() as Obj)["key"]);
  const secondaries = d.get("secondaries", true);
  if (isSeq(secondaries)) {
    for (const item of secondaries.items) {
      if (isMap(item)) note(item, (item.toJSON() as Obj)["key"]);
    }
  }
  for (const path of [
    ["primary"],
    ...((doc["secondaries"] as Obj[] | undefined) ?? []).map((_, i) => ["secondaries", i]),
  ]) {
    const regions = d.getIn([...path, "business", "regionsOfOperation"], true);
    if (isSeq(regions)) regions.flow = true;
  }
  return d.toString({ lineWidth: 0, flowCollectionPadding: false });
}

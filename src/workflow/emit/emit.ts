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
import type { ProfileStatus } from "../../domain/twilio.ts";
import type { ObservedAccount } from "../../model/trusthub.ts";
import { indexAccount, observedBundle } from "../../plan/observed.ts";
import { keyFromName, renderEnvFile, uniqueKey, type EnvEntry } from "./emit-env.ts";
import { hoistIsvDefaults } from "./emit-defaults.ts";
import { pickProfiles, type Picked } from "./emit-pick.ts";
import { ProfileEmitter, type Obj } from "./emit-profile.ts";
import { emitProducts, type ProfileExtras } from "./emit-products.ts";

export interface EmitOptions {
  /** `$schema` of the modeline, relative to the YAML file. */
  schemaRef: string;
  /** Names shown in comments, relative to the working directory. */
  yamlFile: string;
  envFile: string;
  /** Issue 14: each profile's phone numbers and trust products, by profile SID. */
  extras?: Record<string, ProfileExtras>;
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
    const written = b.profile(role, p);
    const extras = opts.extras?.[p.profile.sid];
    warnings.push(...emitProducts(key, p.profile.email, written, extras, env));
    if (b.unlisted.length > 0)
      warnings.push(
        `${key} (${p.profile.sid}): ${b.unlisted.join(", ")} hold values Twilio does not document (docs/twilio-facts.md); written as {unlisted: ...} so the YAML validates`,
      );
    return written;
  };
  const primary = picked.primary === undefined ? undefined : build(picked.primary, "primary");
  const secondaries = picked.secondaries.map((p) => build(p, "secondary"));
  const defaults = hoistIsvDefaults(secondaries, picked.secondaries, env);
  if (Object.keys(defaults).length > 0) doc["defaults"] = defaults;
  if (primary !== undefined) doc["primary"] = primary;
  if (secondaries.length > 0) doc["secondaries"] = secondaries;

  const envFile = renderEnvFile(env, { yaml: opts.yamlFile, env: opts.envFile });
  for (const name of envFile.unquotable)
    warnings.push(
      `${name}: the value has characters the env file cannot quote safely; it was left empty, set it yourself`,
    );
  return { yaml: stringify(doc, comments, opts), envText: envFile.text, env, profiles, warnings };
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

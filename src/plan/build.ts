/**
 * buildPlan: (normalised config, observed account) -> Plan. Pure, sorted
 * (deletes first, then the primary, then secondaries by key), counted,
 * checksummed; managed profiles the YAML no longer declares are added by
 * prune.ts (deletes only with `prune`); identical
 * inputs give byte-identical plans. With `showSensitive` false (the default)
 * the plan carries no personal value at all: sensitive changes keep their
 * slot and field but lose `before`/`after`. Each action also carries the
 * provider's exact inputs (resources.ts), kept out of every output.
 */
import { isImmutableStatus, POLICY_SIDS } from "../domain/twilio.ts";
import type { Config } from "../model/config.ts";
import type { Fingerprints, Plan, PlanSummary, ProfileAction } from "../model/plan.ts";
import { PLAN_FORMAT_VERSION, PROVIDER_INPUTS } from "../model/plan.ts";
import type { ObservedAccount } from "../model/trusthub.ts";
import { planChecksum, type HashHex } from "./checksum.ts";
import { redactAction } from "./redact.ts";
import { decideAction, type PrimaryContext } from "./decide.ts";
import { desiredBundle } from "./desired.ts";
import { diffBundle } from "./diff.ts";
import { notesOf, type PreparedDesired } from "./prepare.ts";
import { declaredProfiles, matchProfiles, type Match } from "./match.ts";
import { indexAccount, observedBundle, type AccountIndex } from "./observed.ts";
import { undeclaredActions } from "./prune.ts";
import { checkTargets, targetedProducts, targetsProfile } from "./targets.ts";
import { declaredInputs, heldInputs, registration } from "./resources.ts";
import { declaresProducts } from "./product-match.ts";
import {
  brandReadiness,
  planProducts,
  planProfileNumbers,
  productContext,
  type ProductContext,
} from "./products.ts";
import {
  attachUndeclaredProducts,
  productFingerprints,
  summarizeProducts,
} from "./plan-products.ts";

export interface BuildOptions {
  /**
   * Plan only these config keys (`--target`); the primary is still read as context. A trust
   * product's key (`acme/a2p-messaging`) plans that product and its profile (issue 14).
   */
  targets?: string[];
  /** Keep personal values in the plan (local `--show-sensitive` only). */
  showSensitive?: boolean;
  /** Plan deletes for managed profiles the YAML no longer declares (`--prune`; see prune.ts). */
  prune?: boolean;
  /** sha256 hex digest for the checksum (default: the pure-JS one in sha256.ts; same value). */
  hash?: HashHex;
  /** The config-only part, computed ahead (prepare.ts); ignored unless made from `config`. */
  prepared?: PreparedDesired;
}

export function buildPlan(
  config: Config,
  observed: ObservedAccount,
  opts: BuildOptions = {},
): Plan {
  const all = declaredProfiles(config);
  const targets = opts.targets ?? [];
  checkTargets(all, targets);
  const index = indexAccount(observed);
  const matches = matchProfiles(all, index);
  const primary = primaryContext(config, index, matches);
  const fingerprints: Fingerprints = {};
  const fingerprint = (sid: string | undefined): void => {
    const p = sid === undefined ? undefined : index.profiles.get(sid);
    if (p !== undefined) fingerprints[p.sid] = { status: p.status, dateUpdated: p.dateUpdated };
  };
  fingerprint(primary.sid);
  // Issue 14: only a config that declares trust products or phone numbers (or a state that
  // records products) plans them; every other plan is exactly what it was before.
  const products: ProductContext | undefined =
    declaresProducts(config) || Object.keys(observed.managedProducts ?? {}).length > 0
      ? productContext(config, observed)
      : undefined;

  const prepared = opts.prepared?.config === config ? opts.prepared : undefined;
  const actions: ProfileAction[] = [];
  for (const profile of all) {
    if (targets.length > 0 && !targetsProfile(profile, targets)) continue;
    const match = matches.get(profile.key) ?? { via: "none", candidates: [] };
    match.candidates.forEach(fingerprint);
    const primarySid =
      profile.kind === "secondary"
        ? (primary.sid ?? `(known after apply: primary ${config.primary?.key ?? "profile"})`)
        : undefined;
    const desired = desiredBundle(profile, primarySid === undefined ? {} : { primarySid });
    const live =
      match.sid === undefined ? undefined : observedBundle(index, match.sid, match.record);
    const changes = match.candidates.length > 1 ? [] : diffBundle(desired, live);
    const action = decideAction({ profile, desired, match, observed: live, changes, primary });
    const managed = observed.managed[profile.key] !== undefined;
    const numbers = products && planProfileNumbers(products, profile, action, live);
    if (products !== undefined && profile.trustProducts.length > 0) {
      action.trustProducts = planProducts(products, targetedProducts(profile, targets), action);
      const readiness = brandReadiness(action, action.trustProducts);
      if (readiness !== undefined) action.brandReadiness = readiness;
    }
    const inputs = declaredInputs(action, desired, live, managed, numbers);
    if (inputs !== undefined) action[PROVIDER_INPUTS] = inputs;
    // Local evaluation matters before a submit; a submitted profile was judged by Twilio.
    if (live === undefined || !isImmutableStatus(live.profile.status)) {
      action.notes.push(...notesOf(prepared, profile.key, desired));
    }
    if (
      live !== undefined &&
      match.record === undefined &&
      index.account.assignments[live.profile.sid] === undefined
    ) {
      action.notes.push({
        code: "read/assignments",
        severity: "warning",
        message: "the profile's entity assignments were not read; its objects may show as missing",
      });
    }
    actions.push(action);
  }
  // A targeted plan looks at the targeted keys only: nothing undeclared is planned.
  if (targets.length === 0) {
    const claimed = new Map<string, string>();
    for (const [key, m] of matches) for (const sid of m.candidates) claimed.set(sid, key);
    const declared = new Set(all.map((p) => p.key));
    for (const a of undeclaredActions(index, declared, claimed, opts.prune === true)) {
      fingerprint(a.sid);
      const held = heldInputs(a, true);
      if (held !== undefined) a[PROVIDER_INPUTS] = held;
      actions.push(a);
    }
  }
  if (products !== undefined) {
    attachUndeclaredProducts(products, actions, targets.length === 0, opts.prune === true);
    Object.assign(fingerprints, productFingerprints(products, actions));
  }
  actions.sort(deletesFirstThenRoleThenKey);
  const checksum = planChecksum(
    {
      config,
      accountSid: observed.target.accountSid,
      targets,
      fingerprints,
      actions,
      ...(prepared !== undefined && { configText: prepared.configText }),
    },
    opts.hash,
  );
  const sortedPrints: Fingerprints = {};
  for (const sid of Object.keys(fingerprints).sort()) sortedPrints[sid] = fingerprints[sid]!;
  const kinds = new Map(all.map((p) => [p.key, p.kind]));
  const productSummary = summarizeProducts(actions);
  return {
    format_version: PLAN_FORMAT_VERSION,
    target: { ...observed.target },
    // Redaction copies each action with its provider inputs untouched (redact.ts).
    actions: opts.showSensitive === true ? actions : actions.map(redactAction),
    summary: summarize(actions),
    checksum,
    fingerprints: sortedPrints,
    ...(productSummary !== undefined ? { productSummary } : {}),
    [PROVIDER_INPUTS]: registration(actions, observed, (key) => kinds.get(key)),
  };
}

/**
 * The primary every secondary hangs off: a subaccount's parent primary, else the declared one's
 * match, else the account's only business primary.
 */
export function primaryContext(
  config: Config,
  index: AccountIndex,
  matches: Map<string, Match>,
): PrimaryContext {
  const parent = index.account.parentPrimary;
  if (config.primary === undefined && parent !== undefined) {
    const { account, ...live } = parent;
    return { ...live, parentAccount: account };
  }
  const ctx: PrimaryContext = {};
  let sid: string | undefined;
  if (config.primary !== undefined) {
    ctx.declaredKey = config.primary.key;
    sid = matches.get(config.primary.key)?.sid;
    if (config.primary.kind === "primary-business") ctx.identity = config.primary.business.identity;
    else ctx.identity = "individual";
  } else {
    const live = index.account.profiles.filter((p) => p.policySid === POLICY_SIDS.primaryBusiness);
    const ready = live.filter((p) => p.status === "twilio-approved" || p.status === "in-review");
    const pick = live.length === 1 ? live : ready;
    if (pick.length === 1) sid = pick[0]?.sid;
  }
  if (sid === undefined) return ctx;
  const live = index.profiles.get(sid);
  ctx.sid = sid;
  if (live !== undefined) ctx.status = live.status;
  const record = config.primary ? index.account.managed[config.primary.key] : undefined;
  const business = observedBundle(index, sid, record)?.endUsers.business;
  const identity = business?.attributes["business_identity"];
  if (typeof identity === "string" && identity !== "") ctx.identity = identity;
  return ctx;
}

const ROLE_ORDER: Record<ProfileAction["kind"], number> = {
  "primary-business": 0,
  "primary-individual": 0,
  secondary: 1,
};

/** Deletes first (the Terraform / octoDNS convention), then the primary, then secondaries by key. */
function deletesFirstThenRoleThenKey(a: ProfileAction, b: ProfileAction): number {
  const d = (a.action === "delete" ? 0 : 1) - (b.action === "delete" ? 0 : 1);
  if (d !== 0) return d;
  const r = ROLE_ORDER[a.kind] - ROLE_ORDER[b.kind];
  if (r !== 0) return r;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function summarize(actions: ProfileAction[]): PlanSummary {
  const s: PlanSummary = {
    create: 0,
    update: 0,
    adopt: 0,
    "no-op": 0,
    skip: 0,
    blocked: 0,
    delete: 0,
    submit: 0,
  };
  for (const a of actions) {
    s[a.action] += 1;
    if (a.submit) s.submit += 1;
  }
  return s;
}

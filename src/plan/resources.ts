/**
 * The provider inputs of a plan (PROVIDER_INPUTS in src/model/plan.ts): what
 * apply registers in Pulumi, decided here once, from the very bundles the plan
 * diffed. A profile the plan writes (create, update, adopt) gets mode `apply`
 * with its desired bundle (for a secondary, the primary SID the plan chose),
 * the observed bundle of the diff, the SID to adopt when apply has no record
 * of it yet, and `recordOnly` for an adopted immutable profile. Every other
 * profile apply manages is registered as `hold` (Pulumi would delete it
 * otherwise); a `delete` is left out (Pulumi deletes it). Pure.
 */
import { isImmutableStatus } from "../domain/twilio.ts";
import type { ProfileKind } from "../model/config.ts";
import {
  PROVIDER_INPUTS,
  type Plan,
  type ProfileAction,
  type ProductResourceInputs,
  type ResourceInputs,
} from "../model/plan.ts";
import type { DesiredBundle, ObservedAccount, ObservedBundle } from "../model/trusthub.ts";
import { PRODUCT_ORDER } from "./product-facts.ts";
import { splitProductKey } from "./prune-product.ts";

const WRITES: ProfileAction["action"][] = ["create", "update", "adopt"];

/** Whether the plan asks apply to write this profile (fields, adoption or a pending submit). */
export function writes(a: ProfileAction): boolean {
  return WRITES.includes(a.action);
}

/** The inputs of one declared profile's action; undefined when apply registers nothing for it. */
export function declaredInputs(
  action: ProfileAction,
  desired: DesiredBundle,
  live: ObservedBundle | undefined,
  managed: boolean,
  /** Issue 14: the profile's phone numbers (PN...), when it declares any. */
  phoneNumberSids?: string[],
): ResourceInputs | undefined {
  if (!writes(action)) {
    const held = heldInputs(action, managed);
    if (held !== undefined && phoneNumberSids !== undefined) held.phoneNumberSids = phoneNumberSids;
    return held;
  }
  const inputs: ResourceInputs = {
    key: action.key,
    kind: action.kind,
    mode: "apply",
    desired,
    observed: live ?? null,
  };
  if (!managed && action.sid !== undefined) inputs.adoptSid = action.sid;
  if (action.action === "adopt" && action.status && isImmutableStatus(action.status)) {
    inputs.recordOnly = true;
  }
  if (phoneNumberSids !== undefined) inputs.phoneNumberSids = phoneNumberSids;
  return inputs;
}

/** A profile the plan does not write: held when apply manages it, else nothing; a delete: nothing. */
export function heldInputs(action: ProfileAction, managed: boolean): ResourceInputs | undefined {
  if (action.action === "delete" || !managed) return undefined;
  return { key: action.key, kind: action.kind, mode: "hold" };
}

/**
 * Every resource apply registers, in registration order: the profiles (profileRegistration),
 * then the trust products (issue 14), each after its profile: by its profile's place, then in
 * TrustProductKind order, with a `hold` for each managed product the plan does not list.
 */
export function registration(
  actions: ProfileAction[],
  account: ObservedAccount,
  kindOf: (key: string) => ProfileKind | undefined,
): (ResourceInputs | ProductResourceInputs)[] {
  const profiles = profileRegistration(actions, account, kindOf);
  const place = new Map(profiles.map((r, i) => [r.key, i]));
  const byKey = new Map<string, ProductResourceInputs>();
  for (const a of actions) {
    for (const p of a.trustProducts ?? []) {
      const inputs = p[PROVIDER_INPUTS];
      if (inputs !== undefined) byKey.set(p.key, inputs);
    }
  }
  const listed = new Set(actions.flatMap((a) => (a.trustProducts ?? []).map((p) => p.key)));
  for (const key of Object.keys(account.managedProducts ?? {})) {
    const parts = splitProductKey(key);
    if (listed.has(key) || parts === undefined) continue;
    byKey.set(key, { key, profileKey: parts.profileKey, product: parts.kind, mode: "hold" });
  }
  const rank = (r: ProductResourceInputs): number => place.get(r.profileKey) ?? profiles.length;
  const products = [...byKey.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.profileKey < b.profileKey ? -1 : a.profileKey > b.profileKey ? 1 : 0) ||
      PRODUCT_ORDER.indexOf(a.product) - PRODUCT_ORDER.indexOf(b.product),
  );
  return [...profiles, ...products];
}

/**
 * The profiles apply registers: the actions' inputs plus a `hold` for each managed profile the
 * plan does not list (outside `--target`), sorted by key, primaries first (secondaries are
 * assigned to them). `kindOf` gives a declared key's kind.
 */
function profileRegistration(
  actions: ProfileAction[],
  account: ObservedAccount,
  kindOf: (key: string) => ProfileKind | undefined,
): ResourceInputs[] {
  const byKey = new Map<string, ResourceInputs>();
  const listed = new Set(actions.map((a) => a.key));
  for (const a of actions) {
    const inputs = a[PROVIDER_INPUTS];
    if (inputs !== undefined) byKey.set(a.key, inputs);
  }
  for (const key of Object.keys(account.managed)) {
    if (!listed.has(key)) byKey.set(key, { key, kind: kindOf(key) ?? "secondary", mode: "hold" });
  }
  const sorted = [...byKey.keys()].sort().map((k) => byKey.get(k)!);
  const role = (r: ResourceInputs): number => (r.kind === "secondary" ? 1 : 0);
  return sorted.sort((a, b) => role(a) - role(b));
}

/** The resources a plan made by buildPlan registers; refuses a plan without them (parsed from a file). */
export function planResources(plan: Plan): ResourceInputs[] {
  return allPlanResources(plan).filter((r): r is ResourceInputs => !("product" in r));
}

/** Profiles and trust products (issue 14), in registration order. */
export function allPlanResources(plan: Plan): (ResourceInputs | ProductResourceInputs)[] {
  const list = plan[PROVIDER_INPUTS];
  if (list === undefined) {
    throw new Error(
      "internal: this plan has no provider inputs (only a plan made by buildPlan in this process can be carried out)",
    );
  }
  return list;
}

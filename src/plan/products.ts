/**
 * Trust products and phone numbers in the plan (issue 14): per declared
 * profile, its phone number changes (appended to the profile's action; they
 * never change its kind) and one TrustProductAction per declared product
 * with its provider inputs; undeclared managed products (prune-product.ts);
 * brand readiness. Pure.
 */
import { isImmutableStatus } from "../domain/twilio.ts";
import type { Config, Profile } from "../model/config.ts";
import {
  PROVIDER_INPUTS,
  type BrandReadiness,
  type ProductResourceInputs,
  type ProfileAction,
  type TrustProductAction,
} from "../model/plan.ts";
import type { ObservedAccount, ObservedBundle, ObservedEndUser } from "../model/trusthub.ts";
import { decideProduct } from "./decide-product.ts";
import { desiredProduct } from "./desired-product.ts";
import { diffProduct } from "./diff-product.ts";
import { evaluateProduct } from "./evaluate-product.ts";
import {
  missingNumbersNote,
  numberBook,
  numberChanges,
  numbersReason,
  resolveNumbers,
  type NumberBook,
} from "./phone-numbers.ts";
import { PRODUCT_FACTS } from "./product-facts.ts";
import { declaredProducts, matchProducts, type ProductMatch } from "./product-match.ts";
import { observedProductBundle } from "./product-observed.ts";

export interface ProductContext {
  account: ObservedAccount;
  endUsers: ReadonlyMap<string, ObservedEndUser>;
  matches: Map<string, ProductMatch>;
  book: NumberBook;
}

export function productContext(config: Config, account: ObservedAccount): ProductContext {
  // Planning products without the live list would create duplicates of every live one.
  if (account.trustProducts === undefined && declaredProducts(config).length > 0) {
    throw new Error(
      "internal: the configuration declares trust products but the account's trust products were not read (src/state/read.ts `products`)",
    );
  }
  return {
    account,
    endUsers: new Map(account.endUsers.map((e) => [e.sid, e])),
    matches: matchProducts(declaredProducts(config), account),
    book: numberBook(account),
  };
}

/**
 * The profile's phone numbers: appends their changes, notes and a reason to the action and
 * returns the PN SIDs apply assigns (undefined when the profile declares none).
 */
export function planProfileNumbers(
  ctx: ProductContext,
  profile: Profile,
  action: ProfileAction,
  live: ObservedBundle | undefined,
): string[] | undefined {
  if (profile.phoneNumbers.length === 0) return undefined;
  const personal = profile.kind === "primary-individual";
  const { sids, missing } = resolveNumbers(ctx.book, profile.phoneNumbers);
  if (missing.length > 0)
    action.notes.push(missingNumbersNote(ctx.book, `profile ${profile.key}`, missing, personal));
  if (action.action === "blocked" && live === undefined) return sids;
  const observed = live === undefined ? [] : ctx.account.channelEndpoints?.[live.profile.sid];
  const changes = numberChanges(ctx.book, sids, observed, personal);
  action.changes.push(...changes);
  const reason = numbersReason(changes);
  if (reason !== undefined) action.reasons.push(reason);
  return sids;
}

/** The actions of the profile's declared trust products, in TrustProductKind order. */
export function planProducts(
  ctx: ProductContext,
  profile: Profile,
  action: ProfileAction,
): TrustProductAction[] {
  const personal = profile.kind === "primary-individual";
  return profile.trustProducts.map((product) => {
    const facts = PRODUCT_FACTS[product.kind];
    const match = ctx.matches.get(product.key) ?? { via: "none", candidates: [] };
    const live =
      match.sid === undefined || match.candidates.length > 1
        ? undefined
        : observedProductBundle(
            ctx.account,
            ctx.endUsers,
            match.sid,
            facts.endUserType,
            match.record,
          );
    const wanted = facts.voice ? product.phoneNumbers : [];
    const { sids, missing } = resolveNumbers(ctx.book, wanted);
    const desired = desiredProduct(product, {
      ...(action.sid !== undefined ? { profileSid: action.sid } : {}),
      phoneNumberSids: sids,
    });
    const a = decideProduct({
      product,
      profileStatus: action.sid === undefined ? undefined : action.status,
      match,
      observed: live,
      changes: match.candidates.length > 1 ? [] : diffProduct(desired, live, personal),
      policySid: facts.policySid,
    });
    if (missing.length > 0)
      a.notes.push(missingNumbersNote(ctx.book, `trust product ${product.key}`, missing, personal));
    if (
      facts.voice &&
      !(a.action === "blocked" && live === undefined) &&
      match.candidates.length <= 1
    ) {
      const numbers = numberChanges(ctx.book, sids, live?.channelEndpoints, personal);
      a.changes.push(...numbers);
      const reason = numbersReason(numbers);
      if (reason !== undefined) a.reasons.push(reason);
    }
    if (live === undefined || !isImmutableStatus(live.product.status))
      a.notes.push(...evaluateProduct(desired));
    const managed = ctx.account.managedProducts?.[product.key] !== undefined;
    const inputs = productInputs(a, desired, live, managed);
    if (inputs !== undefined) a[PROVIDER_INPUTS] = inputs;
    return a;
  });
}

const WRITES: TrustProductAction["action"][] = ["create", "update", "adopt"];

function productInputs(
  a: TrustProductAction,
  desired: ReturnType<typeof desiredProduct>,
  live: ReturnType<typeof observedProductBundle>,
  managed: boolean,
): ProductResourceInputs | undefined {
  const base = { key: a.key, profileKey: desired.profileKey, product: a.product };
  if (WRITES.includes(a.action)) {
    const inputs: ProductResourceInputs = {
      ...base,
      mode: "apply",
      desired,
      observed: live ?? null,
    };
    if (!managed && a.sid !== undefined) inputs.adoptSid = a.sid;
    if (a.action === "adopt" && a.status !== undefined && isImmutableStatus(a.status))
      inputs.recordOnly = true;
    return inputs;
  }
  if (a.action === "delete" || !managed) return undefined;
  const hold: ProductResourceInputs = { ...base, mode: "hold" };
  // Held, but its phone numbers are reconciled in any status: the provider needs them.
  if (live !== undefined && a.changes.some((c) => c.slot === "phoneNumbers")) {
    hold.desired = desired;
    hold.observed = live;
  }
  return hold;
}

/** What a brand registration needs from a profile declaring a2pMessaging. */
export function brandReadiness(
  action: ProfileAction,
  products: TrustProductAction[],
): BrandReadiness | undefined {
  const a2p = products.find((p) => p.product === "a2p-messaging");
  if (a2p === undefined) return undefined;
  const out: BrandReadiness = {
    ready: action.status === "twilio-approved" && a2p.status === "twilio-approved",
  };
  if (action.sid !== undefined) out.customerProfileSid = action.sid;
  if (a2p.sid !== undefined) out.a2pTrustProductSid = a2p.sid;
  return out;
}

/**
 * A subaccount's secondaries are connected to its parent account's primary
 * (Twilio's "ISVs using subaccounts" layout). The parent is read once per run;
 * this picks its primary exactly as the parent's own plan does (the declared
 * primary's match, else its only business primary) and hands it to each
 * subaccount's plan through ObservedAccount.parentPrimary. Pure.
 */
import type { Config } from "../model/config.ts";
import type { ObservedAccount, ParentPrimary } from "../model/trusthub.ts";
import { primaryContext } from "./build.ts";
import { declaredProfiles, matchProfiles } from "./match.ts";
import { indexAccount } from "./observed.ts";

export function parentPrimaryOf(
  account: string,
  config: Config,
  observed: ObservedAccount,
): ParentPrimary {
  const index = indexAccount(observed);
  const ctx = primaryContext(config, index, matchProfiles(declaredProfiles(config), index));
  const out: ParentPrimary = { account };
  if (ctx.sid !== undefined) out.sid = ctx.sid;
  if (ctx.status !== undefined) out.status = ctx.status;
  if (ctx.identity !== undefined) out.identity = ctx.identity;
  return out;
}

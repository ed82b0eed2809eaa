/**
 * The "ISVs using subaccounts" layout (Twilio's SHAKEN/STIR and A2P ISV
 * onboarding guides): the primary lives in the parent account, created in the
 * Console (Twilio creates primaries only there); each subaccount holds
 * secondaries connected to the parent's primary. An account says so with
 * `account.parent: <name>`. Rules across accounts:
 * - rule/subaccount-primary: a subaccount declares no primary;
 * - rule/unknown-parent: the parent must be a declared account;
 * - rule/nested-subaccount: the parent is a top-level account (Twilio's
 *   subaccounts have no subaccounts of their own);
 * - rule/parent-not-isv: a primary the parent declares must be a business
 *   primary with identity isv_reseller_or_partner;
 * - rule/primary-undeclared (warning): the parent declares no primary, so its
 *   live primary must be an ISV one.
 */
import type { Diagnostic } from "../model/config.ts";
import type { AccountGroup } from "./accounts.ts";
import { diagnostic } from "./diagnostic.ts";
import { isIndividual, type RuleDocument } from "./rules/context.ts";

/** Whether the account is a subaccount (`account.parent`). */
export function isSubaccount(g: AccountGroup): boolean {
  return g.account.parent !== undefined;
}

export function subaccountRules(groups: AccountGroup[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map(groups.map((g) => [g.account.name, g]));
  for (const g of groups) {
    const parentName = g.account.parent;
    if (parentName === undefined) continue;
    const name = g.account.name;
    const declaring = g.documents.find((d) => d.written.account?.parent !== undefined);
    const at = (pointer: string) => declaring?.at(pointer);
    for (const doc of g.documents) {
      if (doc.written.primary === undefined) continue;
      out.push(
        diagnostic(
          "rule/subaccount-primary",
          "error",
          `account ${name} is a subaccount of ${parentName}: it declares no primary (Twilio creates primary profiles only in the parent account; its secondaries are connected to the parent's primary)`,
          doc.at("/primary", "key"),
          "/primary",
        ),
      );
    }
    const parent = byName.get(parentName);
    if (parent === undefined || parentName === name) {
      out.push(
        diagnostic(
          "rule/unknown-parent",
          "error",
          parentName === name
            ? `account ${name} names itself as its parent`
            : `account ${name} names parent ${parentName}, which no file declares (declared: ${[...byName.keys()].sort().join(", ")}); pass the parent's files too`,
          at("/account/parent"),
          "/account/parent",
        ),
      );
      continue;
    }
    if (parent.account.parent !== undefined) {
      out.push(
        diagnostic(
          "rule/nested-subaccount",
          "error",
          `account ${name} names parent ${parentName}, which is itself a subaccount; a parent is a top-level account`,
          at("/account/parent"),
          "/account/parent",
        ),
      );
      continue;
    }
    out.push(...parentPrimaryRule(g, parent, at("/account/parent")));
  }
  return out;
}

function parentPrimaryRule(
  sub: AccountGroup,
  parent: AccountGroup,
  at: ReturnType<RuleDocument["at"]> | undefined,
): Diagnostic[] {
  const holder = parent.documents.find((d) => d.written.primary !== undefined);
  const primary = holder?.written.primary;
  const what = `account ${sub.account.name}'s secondaries are connected to the primary of its parent ${parent.account.name}`;
  if (holder === undefined || primary === undefined) {
    if (!sub.documents.some((d) => (d.written.secondaries ?? []).length > 0)) return [];
    return [
      diagnostic(
        "rule/primary-undeclared",
        "warning",
        `${what}, which declares no primary: its live primary profile must have business identity isv_reseller_or_partner`,
        at,
        "/account/parent",
      ),
    ];
  }
  const written = isIndividual(primary) ? "individual" : primary.business.identity;
  const identity = typeof written === "string" ? written : written.unlisted;
  if (identity === "isv_reseller_or_partner") return [];
  const pointer = isIndividual(primary) ? "/primary/type" : "/primary/business/identity";
  const p = holder.at(pointer);
  return [
    diagnostic(
      "rule/parent-not-isv",
      "error",
      `${what}, declared at ${p.file}:${p.line}:${p.column} as ${identity}; Twilio connects secondaries only to a business primary with identity isv_reseller_or_partner`,
      at,
      "/account/parent",
    ),
  ];
}

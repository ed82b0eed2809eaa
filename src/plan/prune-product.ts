/**
 * Trust products apply manages that the YAML no longer declares (issue 14),
 * by the rules of prune.ts: opt-in (`prune`); only a draft or twilio-rejected
 * product becomes a `delete`; pending-review, in-review and twilio-approved
 * ones are kept (Twilio refuses; Twilio Support must do it); a record whose
 * product is gone is dropped. Kept ones are held (Pulumi would delete them
 * otherwise). Pure.
 */
import { isImmutableStatus } from "../domain/twilio.ts";
import type { TrustProductKind } from "../model/config.ts";
import { PROVIDER_INPUTS, type TrustProductAction } from "../model/plan.ts";
import type { ObservedAccount } from "../model/trusthub.ts";
import { PRODUCT_ORDER } from "./product-facts.ts";
import { PRUNE_HINT } from "./prune.ts";

/** `<profile key>/<kind>` -> its parts; undefined for a key of another shape. */
export function splitProductKey(
  key: string,
): { profileKey: string; kind: TrustProductKind } | undefined {
  const i = key.lastIndexOf("/");
  const kind = key.slice(i + 1) as TrustProductKind;
  if (i <= 0 || !PRODUCT_ORDER.includes(kind)) return undefined;
  return { profileKey: key.slice(0, i), kind };
}

/** One action per managed product key not in `declared`, sorted by key. */
export function undeclaredProducts(
  account: ObservedAccount,
  declared: ReadonlySet<string>,
  prune: boolean,
  /** Live SIDs declared products matched (pinned, managed or by name), by their key: never deleted. */
  claimed: ReadonlyMap<string, string> = new Map(),
): TrustProductAction[] {
  const live = new Map((account.trustProducts ?? []).map((p) => [p.sid, p]));
  const out: TrustProductAction[] = [];
  const records = Object.values(account.managedProducts ?? {}).filter((r) => !declared.has(r.key));
  for (const record of records.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const parts = splitProductKey(record.key);
    if (parts === undefined) continue;
    const a: TrustProductAction = {
      key: record.key,
      product: parts.kind,
      action: "no-op",
      sid: record.productSid,
      reasons: ["no longer declared in the YAML; apply manages it"],
      changes: [],
      submit: false,
      notes: [],
    };
    const warn = (code: string, message: string): void =>
      void a.notes.push({ code, severity: "warning", message });
    const product = live.get(record.productSid);
    if (product === undefined) {
      a.reasons.push(`trust product ${record.productSid} no longer exists in Trust Hub`);
      if (prune) {
        a.action = "delete";
        a.reasons.push("forget it and delete the objects apply created for it");
      } else
        warn(
          "prune/not-declared",
          `no longer declared and gone from Trust Hub; ${PRUNE_HINT} its record`,
        );
    } else {
      a.status = product.status;
      const by = claimed.get(record.productSid);
      if (by !== undefined) {
        a.reasons.push(`the same live trust product is declared as ${by}`);
        warn(
          "prune/claimed",
          `no longer declared under this key, but its live trust product is declared as ${by}; it is never deleted`,
        );
      } else if (isImmutableStatus(product.status)) {
        a.reasons.push(`status ${product.status}: Twilio does not allow deleting it`);
        warn(
          "prune/immutable",
          `no longer declared, but Twilio does not allow deleting a ${product.status} trust product through the API: Twilio Support must delete it; apply keeps it`,
        );
      } else if (prune) {
        a.action = "delete";
        a.reasons.push("delete the trust product and the end user apply created for it");
      } else {
        a.reasons.push("kept");
        warn("prune/not-declared", `no longer declared; ${PRUNE_HINT} it`);
      }
    }
    if (a.action !== "delete") {
      a[PROVIDER_INPUTS] = {
        key: record.key,
        profileKey: parts.profileKey,
        product: parts.kind,
        mode: "hold",
      };
    }
    out.push(a);
  }
  return out;
}

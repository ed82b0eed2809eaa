/**
 * `trusthub status`: the trust products (issue 14), read only. One list of
 * the account's TrustProducts; with paths, each declared product (the plan's
 * trust product actions) matched by the SID the plan found, under its profile;
 * without, every live product. The newest stored evaluation is read for
 * draft and rejected products, the ones someone must fix.
 */
import { UserError } from "../errors.ts";
import { isEditableStatus } from "../domain/twilio.ts";
import type { Plan } from "../model/plan.ts";
import type { ObservedProduct } from "../model/trusthub.ts";
import type { ProductStatusEntry } from "../render/product-status.ts";
import { evaluationFailures, type EvaluationSummary } from "../render/status.ts";
import type { TwilioClient } from "../state/client.ts";
import { formatDate, toProfile } from "../state/convert.ts";
import { describeFailure } from "../state/failure.ts";
import { mapPool } from "../lib/pool.ts";

async function listProducts(c: TwilioClient): Promise<ObservedProduct[]> {
  const request = "GET /v1/TrustProducts";
  try {
    const items = await c.trusthub.v1.trustProducts.list({ pageSize: 1000 });
    return items.map((item, i) => toProfile(item, `${request}: item ${i}`));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError("status/request", `${request}: ${describeFailure(e)}`);
  }
}

/** The products' entries: declared ones (plan given) or every live one. */
export async function productEntries(
  c: TwilioClient,
  plan: Plan | undefined,
): Promise<ProductStatusEntry[]> {
  const declared = plan?.actions.flatMap((a) => a.trustProducts ?? []) ?? [];
  if (plan && declared.length === 0) return [];
  const live = await listProducts(c);
  if (!plan) {
    return live
      .map((p) => ({ sid: p.sid, friendlyName: p.friendlyName, status: p.status }))
      .sort(
        (a, b) => a.friendlyName.localeCompare(b.friendlyName, "en") || (a.sid < b.sid ? -1 : 1),
      );
  }
  const bySid = new Map(live.map((p) => [p.sid, p]));
  const out: ProductStatusEntry[] = [];
  for (const a of plan.actions) {
    for (const t of a.trustProducts ?? []) {
      const lp = t.sid === undefined ? undefined : bySid.get(t.sid);
      const base = { key: t.key, profileKey: a.key, product: t.product };
      if (lp) out.push({ ...base, sid: lp.sid, friendlyName: lp.friendlyName, status: lp.status });
      else {
        const why = t.action === "blocked" ? t.reasons.join("; ") : "";
        out.push({
          ...base,
          friendlyName: "",
          status: "missing",
          note: why || "not in Trust Hub yet (see `trusthub plan`)",
        });
      }
    }
  }
  return out;
}

/** One poll of `status --wait`: the products' statuses now (one list), changes reported. */
export async function pollProducts(
  c: TwilioClient,
  entries: ProductStatusEntry[],
  onProgress?: (line: string) => void,
): Promise<void> {
  const live = new Map((await listProducts(c)).map((p) => [p.sid, p]));
  for (const e of entries) {
    if (e.sid === undefined) continue;
    const status = live.get(e.sid)?.status ?? "missing";
    if (status === e.status) continue;
    onProgress?.(`${e.key ?? JSON.stringify(e.friendlyName)} ${e.sid}: ${e.status} -> ${status}`);
    e.status = status;
  }
}

/** Adds the newest stored evaluation of each draft or rejected product. */
export async function readProductEvaluations(
  c: TwilioClient,
  entries: ProductStatusEntry[],
): Promise<void> {
  const todo = entries.filter((e) => e.sid !== undefined && isEditableStatus(e.status));
  await mapPool(todo, 8, async (e) => {
    const ev = await latestEvaluation(c, "product", e.sid!);
    if (ev !== undefined) e.evaluation = ev;
  });
}

type Item = Record<string, unknown>;

/** The newest stored evaluation of a bundle (greatest date_created; on a tie, the last listed). */
export async function latestEvaluation(
  c: TwilioClient,
  bundle: "profile" | "product",
  sid: string,
): Promise<EvaluationSummary | undefined> {
  const request = `GET /v1/${bundle === "profile" ? "CustomerProfiles" : "TrustProducts"}/${sid}/Evaluations`;
  let items: unknown[];
  try {
    items =
      bundle === "profile"
        ? await c.trusthub.v1
            .customerProfiles(sid)
            .customerProfilesEvaluations.list({ pageSize: 1000 })
        : await c.trusthub.v1.trustProducts(sid).trustProductsEvaluations.list({ pageSize: 1000 });
  } catch (e) {
    throw new UserError("status/request", `${request}: ${describeFailure(e)}`);
  }
  let best: { item: Item; date: string } | undefined;
  items.forEach((raw, i) => {
    const item = (typeof raw === "object" && raw !== null ? raw : {}) as Item;
    const date = formatDate(item["dateCreated"], `${request}: item ${i}`, "date_created");
    if (best === undefined || date >= best.date) best = { item, date };
  });
  if (best === undefined) return undefined;
  const { item, date } = best;
  return {
    sid: typeof item["sid"] === "string" ? item["sid"] : "",
    status: typeof item["status"] === "string" ? item["status"] : "",
    dateCreated: date,
    failures: evaluationFailures(item["results"]),
  };
}

/**
 * apply's records of the trust products it manages (issue 14), read back
 * from the Pulumi stack state like profile records (pulumi-state.ts
 * recordsFrom): one per trust product resource, its `key` and `record`
 * outputs (SIDs only). Pure; the lead wires it next to recordsFrom.
 */
import type { ManagedProductRecord } from "../model/trusthub.ts";

export const PRODUCT_TYPE = "pulumi-nodejs:dynamic/trusthub:TrustProduct";

interface StateResource {
  type?: string;
  delete?: boolean;
  outputs?: { key?: unknown; record?: unknown };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** String values of an object, others dropped. */
function sids(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/** Managed product records from a deployment's resources, by product key. */
export function productRecordsFrom(resources: unknown[]): Record<string, ManagedProductRecord> {
  const out: Record<string, ManagedProductRecord> = {};
  for (const item of resources) {
    if (!isObj(item)) continue;
    const r = item as StateResource;
    if (r.type !== PRODUCT_TYPE || r.delete === true) continue;
    const rec = r.outputs?.record;
    if (!isObj(rec) || typeof rec["productSid"] !== "string") continue;
    const key =
      typeof r.outputs?.key === "string"
        ? r.outputs.key
        : typeof rec["key"] === "string"
          ? rec["key"]
          : undefined;
    if (key === undefined) continue;
    const record: ManagedProductRecord = {
      key,
      productSid: rec["productSid"],
      assignments: sids(rec["assignments"]),
      channelEndpoints: sids(rec["channelEndpoints"]),
    };
    if (typeof rec["endUserSid"] === "string") record.endUserSid = rec["endUserSid"];
    out[key] = record;
  }
  return out;
}

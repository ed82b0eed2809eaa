/**
 * The tables `trusthub sandbox status` prints: the account's customer profiles,
 * then its trust products (issue 14), each with the key apply manages it under
 * (`-` when none), its SID, status and friendly name.
 */
import type { Connection, ManagedRecord } from "../model/trusthub.ts";
import { createClient } from "../state/client.ts";
import { managedProductsOf } from "../state/pulumi-state.ts";

export interface SandboxRow {
  key: string;
  sid: string;
  status: string;
  friendlyName: string;
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: SandboxRow[]): string {
  const head = ["KEY", "SID", "STATUS", "FRIENDLY NAME"];
  const cells = rows.map((r) => [r.key, r.sid, r.status, r.friendlyName]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  return [head, ...cells]
    .map((r) => `${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join("  ")}\n`)
    .join("");
}

/** The profiles' table, then (when the account holds any) the trust products' table. */
export function sandboxTables(profiles: SandboxRow[], products: SandboxRow[]): string {
  if (profiles.length === 0 && products.length === 0) return "No customer profiles.\n";
  const out = profiles.length > 0 ? table(profiles) : "No customer profiles.\n";
  if (products.length === 0) return out;
  return `${out}\nTrust products:\n${table(products)}`;
}

/** The account's profiles and trust products as rows, keyed by apply's records. */
export async function sandboxRows(
  conn: Connection,
  managed: Record<string, ManagedRecord>,
): Promise<{ profiles: SandboxRow[]; products: SandboxRow[] }> {
  const v1 = createClient(conn).trusthub.v1;
  const keys = new Map(Object.entries(managed).map(([key, r]) => [r.profileSid, key]));
  const productKeys = new Map(
    Object.values(managedProductsOf(managed)).map((r) => [r.productSid, r.key]),
  );
  const row =
    (m: Map<string, string>) =>
    (p: { sid: string; status: string; friendlyName: string }): SandboxRow => ({
      key: m.get(p.sid) ?? "-",
      sid: p.sid,
      status: p.status,
      friendlyName: p.friendlyName,
    });
  const profiles = await v1.customerProfiles.list({ pageSize: 1000 });
  const products = await v1.trustProducts.list({ pageSize: 1000 });
  return { profiles: profiles.map(row(keys)), products: products.map(row(productKeys)) };
}

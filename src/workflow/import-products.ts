/**
 * `trusthub import`, the I/O part of issue 14: what the account holds beyond
 * its profiles. One list of TrustProducts and one of IncomingPhoneNumbers;
 * then per product its entity assignments (which customer profile, which end
 * user) and channel endpoints, per profile its channel endpoints. Import is a
 * one-off, so a few requests per bundle are fine. Products whose customer
 * profile is not one of the account's are left out with a warning.
 */
import { listChannels } from "../apply/channels.ts";
import { listProductAssignments } from "../apply/product-writer.ts";
import { fetchEndUser } from "../apply/writer.ts";
import type { Connection, ObservedAccount } from "../model/trusthub.ts";
import { createClient } from "../state/client.ts";
import { toProfile } from "../state/convert.ts";
import { mapPool } from "../lib/pool.ts";
import type { ProfileExtras } from "./emit/emit-products.ts";

export interface ImportExtras {
  /** By customer profile SID. */
  byProfile: Record<string, ProfileExtras>;
  warnings: string[];
}

export async function readImportExtras(
  conn: Connection,
  account: ObservedAccount,
): Promise<ImportExtras> {
  const c = createClient(conn);
  const [rawProducts, rawNumbers] = await Promise.all([
    c.trusthub.v1.trustProducts.list({ pageSize: 1000 }),
    c.api.v2010.accounts(conn.target.accountSid).incomingPhoneNumbers.list({ pageSize: 1000 }),
  ]);
  const e164 = new Map(rawNumbers.map((n) => [n.sid, n.phoneNumber]));
  const toE164 = (sids: string[]): string[] =>
    sids.map((s) => e164.get(s)).filter((n): n is string => n !== undefined);
  const byProfile: Record<string, ProfileExtras> = {};
  const warnings: string[] = [];
  await mapPool(account.profiles, 8, async (p) => {
    const ra = await listChannels(c, "profile", p.sid);
    byProfile[p.sid] = { phoneNumbers: toE164(ra.map((a) => a.channelEndpointSid)), products: [] };
  });
  const products = rawProducts.map((p, i) => toProfile(p, `GET /v1/TrustProducts: item ${i}`));
  const read = await mapPool(products, 8, async (product) => {
    const [assigned, ra] = await Promise.all([
      listProductAssignments(c, product.sid),
      listChannels(c, "product", product.sid),
    ]);
    const profileSid = assigned.map((a) => a.objectSid).find((s) => byProfile[s] !== undefined);
    const it = assigned.map((a) => a.objectSid).find((s) => s.startsWith("IT"));
    const endUser = it ? await fetchEndUser(c, it) : undefined;
    const phoneNumbers = toE164(ra.map((a) => a.channelEndpointSid));
    return { product, profileSid, endUser, phoneNumbers };
  });
  for (const r of read.sort((a, b) => (a.product.sid < b.product.sid ? -1 : 1))) {
    if (r.profileSid === undefined) {
      warnings.push(
        `trust product ${r.product.sid} is assigned to no customer profile of this account; it was not imported`,
      );
      continue;
    }
    byProfile[r.profileSid]!.products.push({
      product: r.product,
      ...(r.endUser ? { endUser: r.endUser } : {}),
      phoneNumbers: r.phoneNumbers,
    });
  }
  return { byProfile, warnings };
}

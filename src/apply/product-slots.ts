/**
 * The writes of one trust product after its fields (see product-reconcile.ts):
 * its end user (looked up by its deterministic friendly name before it is
 * created, when the product existed before) and its entity assignments (the
 * end user and the customer profile; anything else assigned goes). The record
 * is filled as it goes, so a failure names what exists.
 */
import type {
  BundleEndUser,
  DesiredProduct,
  ManagedProductRecord,
  ObservedProductBundle,
} from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { productDrift } from "./product-diff.ts";
import * as pw from "./product-writer.ts";
import * as w from "./writer.ts";

export async function endUserSlot(
  c: TwilioClient,
  d: DesiredProduct,
  record: ManagedProductRecord,
  live: ObservedProductBundle | undefined,
  wrote: string[],
  existed: boolean,
): Promise<void> {
  const want = d.endUser ? ({ slot: "business", ...d.endUser } as BundleEndUser) : undefined;
  const have = live?.endUser;
  if (want && !have) {
    const found = existed ? await w.findEndUser(c, want) : undefined;
    if (found) {
      await w.updateEndUser(c, found.sid, want);
      record.endUserSid = found.sid;
      wrote.push(`end user adopted (${found.sid})`);
    } else {
      record.endUserSid = await w.createEndUser(c, want);
      wrote.push(`end user created (${record.endUserSid})`);
    }
  } else if (want && have) {
    record.endUserSid = have.sid;
    if (productDrift(d, live, undefined).includes("endUser")) {
      await w.updateEndUser(c, have.sid, want);
      wrote.push(`end user updated (${have.sid})`);
    }
  } else if (!want && have) {
    const bv = record.assignments[have.sid];
    if (bv) await pw.unassignFromProduct(c, record.productSid, bv);
    delete record.assignments[have.sid];
    delete record.endUserSid;
    await w.deleteEndUser(c, have.sid);
    wrote.push(`end user removed (${have.sid})`);
  }
}

export async function assignments(
  c: TwilioClient,
  record: ManagedProductRecord,
  profileSid: string,
  wrote: string[],
): Promise<void> {
  const want = [record.endUserSid, profileSid].filter((s): s is string => s !== undefined);
  for (const [objectSid, bv] of Object.entries(record.assignments)) {
    if (want.includes(objectSid)) continue;
    await pw.unassignFromProduct(c, record.productSid, bv);
    delete record.assignments[objectSid];
    wrote.push(`unassigned ${objectSid}`);
  }
  for (const objectSid of want) {
    if (record.assignments[objectSid]) continue;
    record.assignments[objectSid] = await pw.assignToProduct(c, record.productSid, objectSid);
    wrote.push(`assigned ${objectSid}`);
  }
}

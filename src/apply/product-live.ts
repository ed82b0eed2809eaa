/**
 * Reads one trust product's live bundle straight from Trust Hub (the
 * provider's view right before it writes): its entity assignments, its end
 * user (the assigned IT..., or the one its record names), its phone numbers.
 */
import type {
  ManagedProductRecord,
  ObservedAssignment,
  ObservedEndUser,
  ObservedProduct,
  ObservedProductBundle,
} from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { listChannels } from "./channels.ts";
import { listProductAssignments } from "./product-writer.ts";
import { fetchEndUser } from "./writer.ts";

export type LiveProduct = ObservedProductBundle & { assignments: ObservedAssignment[] };

export async function readLiveProduct(
  c: TwilioClient,
  product: ObservedProduct,
  record: ManagedProductRecord | undefined,
): Promise<LiveProduct> {
  const [assignments, channelEndpoints] = await Promise.all([
    listProductAssignments(c, product.sid),
    listChannels(c, "product", product.sid),
  ]);
  const users = assignments.map((a) => a.objectSid).filter((s) => s.startsWith("IT"));
  const mine = record?.productSid === product.sid ? record.endUserSid : undefined;
  const sid = users.find((s) => s === mine) ?? users[0] ?? mine;
  let endUser: ObservedEndUser | undefined;
  if (sid) endUser = await fetchEndUser(c, sid);
  return {
    product,
    ...(endUser ? { endUser } : {}),
    assignedObjectSids: assignments.map((a) => a.objectSid),
    channelEndpoints,
    assignments,
  };
}

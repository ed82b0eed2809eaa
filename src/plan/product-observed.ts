/**
 * The live bundle of one trust product (issue 14), assembled from the
 * account-wide lists: its end user and assignments from apply's managed
 * record, completed or replaced by its entity and channel endpoint
 * assignments when those were read. Pure.
 */
import type {
  ManagedProductRecord,
  ObservedAccount,
  ObservedChannelEndpoint,
  ObservedEndUser,
  ObservedProductBundle,
} from "../model/trusthub.ts";

export function observedProductBundle(
  account: ObservedAccount,
  endUsers: ReadonlyMap<string, ObservedEndUser>,
  productSid: string,
  endUserType: string | undefined,
  record: ManagedProductRecord | undefined,
): ObservedProductBundle | undefined {
  const product = (account.trustProducts ?? []).find((p) => p.sid === productSid);
  if (product === undefined) return undefined;
  const own = record !== undefined && record.productSid === productSid ? record : undefined;
  const read = account.productAssignments?.[productSid];
  let endUser: ObservedEndUser | undefined;
  if (own?.endUserSid !== undefined) endUser = endUsers.get(own.endUserSid);
  if (endUser === undefined && endUserType !== undefined) {
    for (const a of read ?? []) {
      const eu = endUsers.get(a.objectSid);
      if (eu !== undefined && eu.type === endUserType) {
        endUser = eu;
        break;
      }
    }
  }
  const assigned =
    read !== undefined
      ? read.map((a) => a.objectSid)
      : own !== undefined
        ? Object.keys(own.assignments)
        : [];
  const readEndpoints = account.channelEndpoints?.[productSid];
  const channelEndpoints: ObservedChannelEndpoint[] =
    readEndpoints ??
    Object.entries(own?.channelEndpoints ?? {}).map(([pn, ra]) => ({
      sid: ra,
      channelEndpointSid: pn,
    }));
  const bundle: ObservedProductBundle = {
    product,
    assignedObjectSids: [...new Set(assigned)].sort(),
    channelEndpoints: [...channelEndpoints].sort((a, b) =>
      a.channelEndpointSid < b.channelEndpointSid ? -1 : 1,
    ),
  };
  if (endUser !== undefined) bundle.endUser = endUser;
  return bundle;
}

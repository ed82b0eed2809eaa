/**
 * Trust products and phone numbers (issue 14), read only when the config
 * declares any (a config without them makes exactly the requests it made
 * before). Two more account-wide lists, run with the other four: TrustProducts
 * and, when a number is declared, the 2010 IncomingPhoneNumbers (one list,
 * pages of 1,000). Then, chosen by the planner once the lists are in (its
 * productReadNeeds): EntityAssignments of trust products apply has no
 * complete record of, and ChannelEndpointAssignments of the profiles that
 * declare numbers and of voice products without a complete record. A
 * no-change plan of managed A2P products costs one request more than without
 * them (the TrustProducts list, per 1,000 products).
 */
import type {
  ManagedProductRecord,
  ObservedAccount,
  ObservedAssignment,
  ObservedChannelEndpoint,
  ObservedPhoneNumber,
  ObservedProduct,
} from "../model/trusthub.ts";
import { mapPool } from "../lib/pool.ts";
import type { TwilioClient } from "./client.ts";
import { toAssignment, toChannelEndpoint, toPhoneNumber, toTrustProduct } from "./convert.ts";
import { list } from "./list.ts";

const PAGE_SIZE = 1000;
const CONCURRENCY = 8;

export interface ProductReadOptions {
  /** Trust products apply manages, by product key (src/state/product-records.ts). */
  managed: Record<string, ManagedProductRecord>;
  /** List the account's incoming phone numbers (only when the config declares a number). */
  phoneNumbers: boolean;
  /** Per-bundle reads once the lists are in (src/plan/product-match.ts productReadNeeds). */
  need: (account: ObservedAccount) => { productAssignments: string[]; channelEndpoints: string[] };
}

export interface ProductLists {
  trustProducts: ObservedProduct[];
  phoneNumbers?: ObservedPhoneNumber[];
}

/** The two account-wide lists (started with the other four). */
export async function readProductLists(
  client: TwilioClient,
  accountSid: string,
  opts: ProductReadOptions,
): Promise<ProductLists> {
  const [trustProducts, phoneNumbers] = await Promise.all([
    list(
      "GET /v1/TrustProducts",
      () => client.trusthub.v1.trustProducts.page({ pageSize: PAGE_SIZE }),
      toTrustProduct,
    ),
    opts.phoneNumbers
      ? list(
          `GET /2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`,
          () => client.api.v2010.account.incomingPhoneNumbers.page({ pageSize: PAGE_SIZE }),
          toPhoneNumber,
        )
      : Promise.resolve(undefined),
  ]);
  return phoneNumbers === undefined ? { trustProducts } : { trustProducts, phoneNumbers };
}

/** The per-bundle reads the planner asked for, a few requests at a time; fills `account`. */
export async function readProductDetails(
  client: TwilioClient,
  account: ObservedAccount,
  opts: ProductReadOptions,
): Promise<void> {
  const products = new Set((account.trustProducts ?? []).map((p) => p.sid));
  const profiles = new Set(account.profiles.map((p) => p.sid));
  const need = opts.need(account);
  const assignmentSids = [...new Set(need.productAssignments)]
    .filter((s) => products.has(s))
    .sort();
  const endpointSids = [...new Set(need.channelEndpoints)]
    .filter((s) => products.has(s) || profiles.has(s))
    .sort();
  type Job = { kind: "assignments" | "endpoints"; sid: string };
  const jobs: Job[] = [
    ...assignmentSids.map((sid): Job => ({ kind: "assignments", sid })),
    ...endpointSids.map((sid): Job => ({ kind: "endpoints", sid })),
  ];
  const results = await mapPool(
    jobs,
    CONCURRENCY,
    (job): Promise<ObservedAssignment[] | ObservedChannelEndpoint[]> =>
      job.kind === "assignments"
        ? productAssignments(client, job.sid)
        : endpoints(client, job.sid, products.has(job.sid)),
  );
  const assignments: Record<string, ObservedAssignment[]> = {};
  const channels: Record<string, ObservedChannelEndpoint[]> = {};
  jobs.forEach((job, i) => {
    if (job.kind === "assignments") assignments[job.sid] = results[i] as ObservedAssignment[];
    else channels[job.sid] = results[i] as ObservedChannelEndpoint[];
  });
  account.productAssignments = assignments;
  account.channelEndpoints = channels;
}

function productAssignments(client: TwilioClient, sid: string): Promise<ObservedAssignment[]> {
  return list(
    `GET /v1/TrustProducts/${sid}/EntityAssignments`,
    () =>
      client.trusthub.v1
        .trustProducts(sid)
        .trustProductsEntityAssignments.page({ pageSize: PAGE_SIZE }),
    toAssignment,
  );
}

function endpoints(
  client: TwilioClient,
  sid: string,
  product: boolean,
): Promise<ObservedChannelEndpoint[]> {
  if (product) {
    return list(
      `GET /v1/TrustProducts/${sid}/ChannelEndpointAssignments`,
      () =>
        client.trusthub.v1
          .trustProducts(sid)
          .trustProductsChannelEndpointAssignment.page({ pageSize: PAGE_SIZE }),
      toChannelEndpoint,
    );
  }
  return list(
    `GET /v1/CustomerProfiles/${sid}/ChannelEndpointAssignments`,
    () =>
      client.trusthub.v1
        .customerProfiles(sid)
        .customerProfilesChannelEndpointAssignment.page({ pageSize: PAGE_SIZE }),
    toChannelEndpoint,
  );
}

/**
 * Reads what one account's Trust Hub stores, through the official twilio SDK
 * only. Request budget: four account-wide lists (CustomerProfiles, EndUsers,
 * SupportingDocuments, 2010 Addresses) in pages of 1,000, run concurrently;
 * then EntityAssignments only for the profiles that need them (see
 * profilesNeedingAssignments in src/plan/match.ts). A no-change plan of 1,000
 * managed profiles costs about ten requests. Trust products and phone numbers
 * (issue 14) are read by read-products.ts, only when `products` is set.
 *
 * Every reply is checked as it is converted: a malformed one is a UserError
 * naming the request, never a crash trace or a wrong plan.
 */
import type {
  ManagedRecord,
  ObservedAccount,
  ObservedAddress,
  ObservedAssignment,
  ObservedDocument,
  ObservedEndUser,
  ObservedProfile,
} from "../model/trusthub.ts";
import { apiBaseUrl, createClient, type ClientOptions, type TwilioClient } from "./client.ts";
import { list } from "./list.ts";
import { bareVersion, rawFirstPage, rawItem, type Version } from "./raw-page.ts";

type Convert<T> = (item: unknown, where: string) => T;
import { readProductDetails, readProductLists, type ProductReadOptions } from "./read-products.ts";
import { mapPool } from "../lib/pool.ts";
import { toAddress, toAssignment, toDocument, toEndUser, toProfile } from "./convert.ts";
import type { Connection } from "../model/trusthub.ts";

export const PAGE_SIZE = 1000;
/** Concurrent EntityAssignments requests. */
const ASSIGNMENT_CONCURRENCY = 8;

export interface ReadOptions {
  managed: Record<string, ManagedRecord>;
  /**
   * Profile SIDs whose entity assignments to read, or a function choosing them
   * once the lists are in (the planner's profilesNeedingAssignments).
   */
  assignmentsFor?: string[] | ((account: ObservedAccount) => string[]);
  client?: ClientOptions;
  /** Issue 14: trust products and phone numbers; set only when the config declares any. */
  products?: ProductReadOptions;
  /** The four lists, already started (startAccountLists) against the same connection. */
  lists?: Promise<AccountLists>;
}

/** The four account-wide lists, converted (the part of a read that needs no config or state). */
export interface AccountLists {
  profiles: ObservedProfile[];
  endUsers: ObservedEndUser[];
  documents: ObservedDocument[];
  addresses: ObservedAddress[];
}

/**
 * Starts the four account-wide lists; a caller may start them before it reads
 * the state and hand the promise to readAccount (`lists`), so the two overlap.
 * The returned promise is marked handled: readAccount's await reports a failure.
 */
export function startAccountLists(conn: Connection, opts: { client?: ClientOptions } = {}) {
  const client = createClient(conn, opts.client);
  const v1 = client.trusthub.v1;
  const raw = <T>(request: string, version: Version, uri: string, convert: Convert<T>) =>
    list(
      request,
      () => rawFirstPage(version, uri, PAGE_SIZE),
      (item, where) => convert(rawItem(item), where),
    );
  const addresses = `/Accounts/${conn.target.accountSid}/Addresses.json`;
  const lists = Promise.all([
    raw("GET /v1/CustomerProfiles", v1, "/CustomerProfiles", toProfile),
    raw("GET /v1/EndUsers", v1, "/EndUsers", toEndUser),
    raw("GET /v1/SupportingDocuments", v1, "/SupportingDocuments", toDocument),
    raw(
      `GET /2010-04-01${addresses}`,
      bareVersion(client, apiBaseUrl(conn), "2010-04-01"),
      addresses,
      toAddress,
    ),
  ]).then(([profiles, endUsers, documents, addresses]): AccountLists => ({
    profiles,
    endUsers,
    documents,
    addresses,
  }));
  lists.catch(() => undefined);
  return lists;
}

export async function readAccount(conn: Connection, opts: ReadOptions): Promise<ObservedAccount> {
  const client = createClient(conn, opts.client);
  const productLists =
    opts.products && readProductLists(client, conn.target.accountSid, opts.products);
  // Mark it handled now: the lists below may fail first (Promise.all awaits it too).
  productLists?.catch(() => undefined);
  const [{ profiles, endUsers, documents, addresses }, lists] = await Promise.all([
    opts.lists ?? startAccountLists(conn, opts.client ? { client: opts.client } : {}),
    productLists,
  ]);
  const account: ObservedAccount = {
    target: { ...conn.target },
    profiles,
    endUsers,
    documents,
    addresses,
    assignments: {},
    managed: opts.managed,
  };
  if (opts.products !== undefined && lists !== undefined) {
    account.trustProducts = lists.trustProducts;
    if (lists.phoneNumbers !== undefined) account.phoneNumbers = lists.phoneNumbers;
    account.managedProducts = opts.products.managed;
  }
  const wanted =
    typeof opts.assignmentsFor === "function"
      ? opts.assignmentsFor(account)
      : (opts.assignmentsFor ?? []);
  const known = new Set(profiles.map((p) => p.sid));
  const sids = [...new Set(wanted)].filter((s) => known.has(s)).sort();
  const [assignments] = await Promise.all([
    readAssignments(client, sids),
    opts.products && readProductDetails(client, account, opts.products),
  ]);
  account.assignments = assignments;
  return account;
}

/** Entity assignments of the given profiles, a few requests at a time. */
export async function readAssignments(
  client: TwilioClient,
  profileSids: string[],
): Promise<Record<string, ObservedAssignment[]>> {
  const lists = await mapPool(profileSids, ASSIGNMENT_CONCURRENCY, (sid) =>
    list(
      `GET /v1/CustomerProfiles/${sid}/EntityAssignments`,
      () =>
        client.trusthub.v1
          .customerProfiles(sid)
          .customerProfilesEntityAssignments.page({ pageSize: PAGE_SIZE }),
      toAssignment,
    ),
  );
  const out: Record<string, ObservedAssignment[]> = {};
  profileSids.forEach((sid, i) => (out[sid] = lists[i]!));
  const sorted: Record<string, ObservedAssignment[]> = {};
  for (const sid of Object.keys(out).sort()) sorted[sid] = out[sid]!;
  return sorted;
}

export type { ObservedProfile, ProductReadOptions };

/** `{ products }` when set, else nothing (spread into ReadOptions). */
export function productReadOption(products: ProductReadOptions | undefined): {
  products?: ProductReadOptions;
} {
  return products === undefined ? {} : { products };
}

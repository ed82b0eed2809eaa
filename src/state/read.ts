/**
 * Reads what one account's Trust Hub stores, through the official twilio SDK
 * only. Request budget: four account-wide lists (CustomerProfiles, EndUsers,
 * SupportingDocuments, 2010 Addresses) in pages of 1,000, run concurrently;
 * then EntityAssignments only for the profiles that need them (see
 * profilesNeedingAssignments in src/plan/match.ts). A no-change plan of 1,000
 * managed profiles costs about ten requests.
 *
 * Every reply is checked as it is converted: a malformed one is a UserError
 * naming the request, never a crash trace or a wrong plan.
 */
import { UserError } from "../errors.ts";
import type {
  ManagedRecord,
  ObservedAccount,
  ObservedAssignment,
  ObservedProfile,
} from "../model/trusthub.ts";
import { createClient, type ClientOptions, type TwilioClient } from "./client.ts";
import { mapPool } from "../lib/pool.ts";
import { describeFailure } from "./failure.ts";
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
}

export async function readAccount(conn: Connection, opts: ReadOptions): Promise<ObservedAccount> {
  const client = createClient(conn, opts.client);
  const [profiles, endUsers, documents, addresses] = await Promise.all([
    list(
      "GET /v1/CustomerProfiles",
      () => client.trusthub.v1.customerProfiles.page({ pageSize: PAGE_SIZE }),
      toProfile,
    ),
    list(
      "GET /v1/EndUsers",
      () => client.trusthub.v1.endUsers.page({ pageSize: PAGE_SIZE }),
      toEndUser,
    ),
    list(
      "GET /v1/SupportingDocuments",
      () => client.trusthub.v1.supportingDocuments.page({ pageSize: PAGE_SIZE }),
      toDocument,
    ),
    list(
      `GET /2010-04-01/Accounts/${conn.target.accountSid}/Addresses.json`,
      () => client.api.v2010.account.addresses.page({ pageSize: PAGE_SIZE }),
      toAddress,
    ),
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
  const wanted =
    typeof opts.assignmentsFor === "function"
      ? opts.assignmentsFor(account)
      : (opts.assignmentsFor ?? []);
  const known = new Set(profiles.map((p) => p.sid));
  const sids = [...new Set(wanted)].filter((s) => known.has(s)).sort();
  account.assignments = await readAssignments(client, sids);
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

/** The part of the SDK's Page that list() uses. */
interface PageLike {
  instances: unknown;
  nextPage(): Promise<PageLike | undefined> | undefined;
}

/**
 * Every item of a list, converted page by page: only one page of SDK objects
 * is held at a time (the SDK's list() keeps every page's instances until the
 * end, about 140 MB at 10,000 profiles).
 */
async function list<T>(
  request: string,
  firstPage: () => Promise<PageLike>,
  convert: (item: unknown, where: string) => T,
): Promise<T[]> {
  const out: T[] = [];
  let page: PageLike | undefined;
  try {
    page = await firstPage();
  } catch (e) {
    throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
  }
  while (page) {
    const items = page.instances;
    if (!Array.isArray(items))
      throw new UserError("read/malformed", `${request}: the reply is not a list`);
    for (const item of items) out.push(convert(item, `${request}: item ${out.length}`));
    try {
      page = await page.nextPage();
    } catch (e) {
      throw new UserError("read/request", `${request}: ${describeFailure(e)}`);
    }
  }
  return out;
}

export type { ObservedProfile };

/**
 * `trusthub status`, the I/O part. Read only: it never writes to Trust Hub
 * (no evaluation is created; the latest stored one is read).
 * - With paths: the plan workflow matches each declared profile to its live
 *   one (same matching as plan); without: every live customer profile.
 * - Evaluations (GET .../Evaluations, all pages, newest `date_created` wins)
 *   are read for draft and rejected profiles only: the ones someone must fix.
 * - `wait`: poll the profile list (one request per 1,000 profiles) with
 *   exponential backoff until no profile is pending-review or in-review, or
 *   the timeout (a failed poll is reported and retried at the next one); then
 *   read the evaluations of profiles that ended rejected.
 */
import { UserError } from "../errors.ts";
import type { Connection, ObservedProfile } from "../model/trusthub.ts";
import {
  rejectionCodes,
  WAITING,
  STATUS_FORMAT_VERSION,
  type EvaluationSummary,
  type ProfileStatusEntry,
  type StatusReport,
} from "../render/status.ts";
import { createClient, type TwilioClient } from "../state/client.ts";
import { toProfile } from "../state/convert.ts";
import { describeFailure } from "../state/failure.ts";
import { isEditableStatus, POLICY_SIDS } from "../domain/twilio.ts";
import { mapPool } from "../lib/pool.ts";
import type { Plan } from "../model/plan.ts";
import type { ProductStatusEntry, StatusReportWithProducts } from "../render/product-status.ts";
import {
  latestEvaluation,
  pollProducts,
  productEntries,
  readProductEvaluations,
} from "./status-products.ts";
import { preparePlan, type PreparePlanOptions } from "./plan.ts";
import { openTarget, type OpenTargetOptions } from "./target.ts";

type Env = Record<string, string | undefined>;

export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 5_000, factor: 1.5, maxMs: 60_000 };
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

export interface StatusOptions {
  paths: string[];
  env: Env;
  cwd: string;
  wait?: boolean;
  timeoutMs?: number;
  backoff?: Backoff;
  /** One line per status change while waiting. */
  onProgress?: (line: string) => void;
  readManaged?: PreparePlanOptions["readManaged"];
  /** `--sandbox`: read the embedded sandbox (without it, no credentials is an error). */
  sandbox?: boolean;
  /** Which declared account to read, when the files declare several (`--account`). */
  account?: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export async function runStatus(opts: StatusOptions): Promise<StatusReportWithProducts> {
  const { conn, entries, close, plan } = await initial(opts);
  try {
    const client = createClient(conn);
    const report: StatusReportWithProducts = {
      format_version: STATUS_FORMAT_VERSION,
      target: conn.target,
      profiles: entries,
    };
    // The poll loop is itself the retry: a failed poll is reported and the next poll
    // tries again, so polls skip the HTTP layer's own retries (and their long backoff).
    // Issue 14: each trust product's status and last evaluation, under its profile; --wait
    // waits for the products under review too.
    const products = await productEntries(client, plan);
    if (opts.wait === true) {
      const pollClient = createClient(conn, { retry: { attempts: 1 } });
      report.wait = await waitForReview(pollClient, entries, opts, products);
    }
    await readEvaluations(client, entries);
    if (products.length > 0) {
      await readProductEvaluations(client, products);
      report.trust_products = products;
    }
    return report;
  } finally {
    await close();
  }
}

async function initial(opts: StatusOptions): Promise<{
  conn: Connection;
  entries: ProfileStatusEntry[];
  close: () => Promise<void>;
  plan?: Plan;
}> {
  const target: OpenTargetOptions = {
    sandbox: "explicit",
    sandboxRequested: opts.sandbox === true,
    command: "status",
  };
  if (opts.paths.length > 0) {
    const p = await preparePlan({
      paths: opts.paths,
      env: opts.env,
      cwd: opts.cwd,
      target,
      ...(opts.account !== undefined && { account: opts.account }),
      ...(opts.readManaged !== undefined && { readManaged: opts.readManaged }),
    });
    const bySid = new Map(p.observed.profiles.map((lp) => [lp.sid, lp]));
    const declared = [...(p.config.primary ? [p.config.primary] : []), ...p.config.secondaries];
    const entries = p.plan.actions.map((a): ProfileStatusEntry => {
      const live = a.sid === undefined ? undefined : bySid.get(a.sid);
      const friendlyName = declared.find((d) => d.key === a.key)?.friendlyName ?? "";
      if (live === undefined) {
        const dup = a.notes.find((n) => n.code === "match/duplicate");
        return {
          key: a.key,
          friendlyName,
          kind: a.kind,
          status: "missing",
          validUntil: null,
          rejection: [],
          note: dup ? dup.message : "not in Trust Hub yet (see `trusthub plan`)",
        };
      }
      return { key: a.key, ...liveEntry(live), kind: a.kind };
    });
    return { conn: p.conn, entries, close: () => p.close(), plan: p.plan };
  }
  const resolved = await openTarget(opts.env, opts.cwd, target);
  try {
    const client = createClient(resolved.conn);
    const profiles = await listProfiles(client);
    const rank = { "primary-business": 0, "primary-individual": 0, secondary: 1, other: 2 };
    const entries = profiles
      .map(liveEntry)
      .sort(
        (a, b) =>
          rank[a.kind] - rank[b.kind] ||
          a.friendlyName.localeCompare(b.friendlyName, "en") ||
          (a.sid! < b.sid! ? -1 : 1),
      );
    return { conn: resolved.conn, entries, close: () => resolved.close() };
  } catch (e) {
    await resolved.close();
    throw e;
  }
}

function liveEntry(lp: ObservedProfile): ProfileStatusEntry {
  const kind =
    lp.policySid === POLICY_SIDS.secondary
      ? "secondary"
      : lp.policySid === POLICY_SIDS.primaryBusiness
        ? "primary-business"
        : lp.policySid === POLICY_SIDS.primaryIndividual
          ? "primary-individual"
          : "other";
  return {
    sid: lp.sid,
    friendlyName: lp.friendlyName,
    kind,
    status: lp.status,
    validUntil: lp.validUntil,
    rejection: lp.status === "twilio-rejected" ? rejectionCodes(lp.errors) : [],
  };
}

async function listProfiles(client: TwilioClient): Promise<ObservedProfile[]> {
  const request = "GET /v1/CustomerProfiles";
  let items: unknown[];
  try {
    items = await client.trusthub.v1.customerProfiles.list({ pageSize: 1000 });
  } catch (e) {
    throw new UserError("status/request", `${request}: ${describeFailure(e)}`);
  }
  return items.map((item, i) => toProfile(item, `${request}: item ${i}`));
}

async function waitForReview(
  client: TwilioClient,
  entries: ProfileStatusEntry[],
  opts: StatusOptions,
  products: ProductStatusEntry[] = [],
): Promise<NonNullable<StatusReport["wait"]>> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const start = now();
  const deadline = start + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let delay = backoff.initialMs;
  let polls = 0;
  const waiting = (): ProfileStatusEntry[] => entries.filter((e) => WAITING.includes(e.status));
  const productsWaiting = () => products.some((e) => WAITING.includes(e.status));
  while (waiting().length > 0 || productsWaiting()) {
    const left = deadline - now();
    if (left <= 0) return { timedOut: true, seconds: (now() - start) / 1000, polls };
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * backoff.factor, backoff.maxMs);
    polls += 1;
    let listed: ObservedProfile[];
    try {
      listed = waiting().length > 0 ? await listProfiles(client) : [];
      if (productsWaiting()) await pollProducts(client, products, opts.onProgress);
    } catch (e) {
      // A long wait outlives a transient failure (5xx, network): say so and poll again.
      if ((e as { code?: unknown }).code !== "status/request") throw e;
      opts.onProgress?.(`${(e as Error).message}; polling again`);
      continue;
    }
    const live = new Map(listed.map((p) => [p.sid, p]));
    for (const e of entries) {
      if (e.sid === undefined || !WAITING.includes(e.status)) continue;
      const lp = live.get(e.sid);
      const next: ProfileStatusEntry = lp
        ? { ...liveEntry(lp), kind: e.kind }
        : { ...e, status: "missing", note: "deleted while waiting" };
      if (next.status !== e.status) {
        opts.onProgress?.(
          `${e.key ?? JSON.stringify(e.friendlyName)} ${e.sid}: ${e.status} -> ${next.status}`,
        );
        Object.assign(e, next);
      }
    }
  }
  return { timedOut: false, seconds: (now() - start) / 1000, polls };
}

const EVALUATION_CONCURRENCY = 8;

async function readEvaluations(client: TwilioClient, entries: ProfileStatusEntry[]): Promise<void> {
  const todo = entries.filter((e) => e.sid !== undefined && isEditableStatus(e.status));
  await mapPool(todo, EVALUATION_CONCURRENCY, async (e) => {
    const ev: EvaluationSummary | undefined = await latestEvaluation(client, "profile", e.sid!);
    if (ev !== undefined) e.evaluation = ev;
  });
}

/**
 * Parent accounts and their subaccounts in one run (`account.parent`, see
 * src/config/subaccounts.ts): top-level accounts run first, one after the
 * other; each parent's primary is read once (parentPrimaryOf) and handed to
 * every subaccount's plan; the subaccounts then run with bounded concurrency
 * (TRUSTHUB_ACCOUNTS_PARALLEL, default 4; 1 against the embedded sandbox,
 * which is one file). Output of concurrent accounts is buffered and written
 * in account order.
 */
import { UserError } from "../errors.ts";
import type { AccountConfig } from "../model/config.ts";
import type { ParentPrimary } from "../model/trusthub.ts";
import { mapPool } from "../lib/pool.ts";
import { parentPrimaryOf } from "../plan/parent-primary.ts";
import { accountEnv, SANDBOX_ACCOUNT_VAR } from "../state/account-env.ts";
import { preparePlan, type PreparePlanOptions } from "./plan.ts";

type Env = Record<string, string | undefined>;

export const PARALLEL_VAR = "TRUSTHUB_ACCOUNTS_PARALLEL";
const DEFAULT_PARALLEL = 4;

export function isSub(a: AccountConfig): boolean {
  return a.account.parent !== undefined;
}

/** The names of the accounts some declared subaccount names as its parent. */
export function parentNames(accounts: AccountConfig[]): Set<string> {
  return new Set(accounts.flatMap((a) => (a.account.parent ? [a.account.parent] : [])));
}

/** How many subaccounts run at once: 1 against the embedded sandbox. */
export function subaccountParallel(env: Env, subs: AccountConfig[]): number {
  const sandbox = subs.some((a) => {
    try {
      return accountEnv(env, a.account)[SANDBOX_ACCOUNT_VAR] !== undefined;
    } catch {
      return false;
    }
  });
  if (sandbox) return 1;
  const raw = env[PARALLEL_VAR]?.trim();
  if (raw === undefined || raw === "") return DEFAULT_PARALLEL;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new UserError("config/parallel", `${PARALLEL_VAR} must be a whole number of at least 1`);
  }
  return n;
}

/** Reads one parent's primary (a read of the parent account; nothing is written). */
export async function readParentPrimary(
  opts: Omit<PreparePlanOptions, "targets" | "account" | "parentPrimary">,
  name: string,
): Promise<ParentPrimary> {
  const p = await preparePlan({ ...opts, account: name });
  await p.close();
  return parentPrimaryOf(name, p.config, p.observed);
}

type Stream = "out" | "err";
type Writers = Record<Stream, (text: string) => void>;

/**
 * Runs `work` over the subaccounts with bounded concurrency; each one's
 * output (both streams) goes to its own buffer, flushed in order as soon as
 * every earlier subaccount has finished.
 */
export async function runSubaccounts<R>(
  subs: AccountConfig[],
  parallel: number,
  write: Writers,
  work: (a: AccountConfig, to: Writers) => Promise<R>,
): Promise<R[]> {
  const buffers: [Stream, string][][] = subs.map(() => []);
  const done: boolean[] = subs.map(() => false);
  let flushed = 0;
  const flush = (): void => {
    while (flushed < subs.length && done[flushed]) {
      for (const [stream, text] of buffers[flushed]!) write[stream](text);
      buffers[flushed] = [];
      flushed += 1;
    }
  };
  return mapPool(subs, parallel, async (a, i) => {
    const to = (stream: Stream) => (text: string) => {
      buffers[i]!.push([stream, text]);
      if (i !== flushed) return;
      // This subaccount's turn: its earlier buffered lines first, then it streams.
      for (const [s, t] of buffers[i]!) write[s](t);
      buffers[i] = [];
    };
    try {
      return await work(a, { out: to("out"), err: to("err") });
    } finally {
      done[i] = true;
      flush();
    }
  });
}

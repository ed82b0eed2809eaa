/** Build the emulator's state: load and lock the data file, seed accounts, arm persistence. */
import { Engine } from "./engine.ts";
import { loadDataFile, lockDataFile, Persister } from "./persist.ts";
import type { Snapshot } from "./store.ts";
import type { Account } from "./types.ts";

export interface StateOptions {
  dataFile?: string;
  reviewDelayMs?: number;
  deterministic?: boolean;
  now?: () => number;
}

export interface State {
  engine: Engine;
  persister: Persister | null;
  unlock: () => Promise<void>;
}

export async function openState(
  opts: StateOptions,
  accounts: readonly { sid: string; token: string; parentSid?: string }[],
): Promise<State> {
  const engine = new Engine({
    ...(opts.deterministic !== undefined && { deterministic: opts.deterministic }),
    ...(opts.now !== undefined && { now: opts.now }),
    ...(opts.reviewDelayMs !== undefined && { reviewDelayMs: opts.reviewDelayMs }),
  });
  if (opts.dataFile === undefined) {
    for (const a of accounts) engine.store.addAccount(seed(a));
    engine.resumeReviews();
    return { engine, persister: null, unlock: () => Promise.resolve() };
  }
  const file = opts.dataFile;
  const unlock = await lockDataFile(file);
  try {
    const loaded = await loadDataFile(file);
    if (loaded !== undefined) {
      const snap = loaded as Snapshot;
      engine.store.restore(snap);
      engine.sids.counters = snap.sidCounters ?? {};
    }
    for (const a of accounts) engine.store.addAccount(seed(a));
    engine.store.touch();
    const persister = new Persister(
      file,
      () => JSON.stringify(engine.store.snapshot(engine.sids.counters)),
      () => engine.store.version,
    );
    await persister.flush();
    engine.persistStats = persister.stats;
    engine.onBackgroundChange = () => void persister.flush().catch(() => undefined);
    engine.resumeReviews();
    return { engine, persister, unlock };
  } catch (e) {
    engine.close();
    await unlock();
    throw e;
  }
}

function seed(a: { sid: string; token: string; parentSid?: string }): Account {
  return {
    sid: a.sid,
    token: a.token,
    keys: [],
    ...(a.parentSid !== undefined && { parentSid: a.parentSid }),
  };
}

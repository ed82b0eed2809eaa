/**
 * Account setup for one benchmark size: the ISV primary as the Console would
 * make it (sandbox controls, approved, exactly the YAML's data so it plans as
 * no change), and the emulator's request log read back per account.
 */
import type { SandboxControls } from "../src/emulator/controls-client.ts";
import type { Config } from "../src/model/config.ts";
import type { ManagedRecord } from "../src/model/trusthub.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { createClient } from "../src/state/client.ts";
import { materialize } from "../test/state/materialize.ts";
import { connectionOf, type Account } from "./emu.ts";

export async function makePrimary(
  url: string,
  account: Account,
  controls: SandboxControls,
  config: Config,
): Promise<ManagedRecord> {
  const client = createClient(connectionOf(url, account));
  return materialize(client, controls, desiredBundle(config.primary!, {}), "twilio-approved");
}

export interface RequestCount {
  requests: number;
  throttled429: number;
  failed5xx: number;
}

/** API requests of one account since the last reset (sandbox controls are not logged). */
export async function requestsOf(controls: SandboxControls, accountSid: string) {
  const log = await controls.getRequestLog();
  const mine = log.requests.filter((r) => r.accountSid === accountSid);
  return {
    requests: mine.length,
    throttled429: mine.filter((r) => r.status === 429).length,
    failed5xx: mine.filter((r) => r.status >= 500).length,
  } satisfies RequestCount;
}

/** Median round trip of one cheap API request under the configured latency. */
export async function measureRtt(url: string, account: Account): Promise<number> {
  const auth = `Basic ${Buffer.from(`${account.sid}:${account.token}`).toString("base64")}`;
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/v1/Policies?PageSize=1`, { headers: { Authorization: auth } });
    await res.text();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[7]!;
}

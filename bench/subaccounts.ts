/**
 * Benchmark: a no-change `trusthub plan` over a parent account (the ISV's
 * approved primary) and N subaccounts holding one secondary each (issue 13),
 * against the in-process emulator, with apply's managed records. Counts the
 * Trust Hub requests (goal: one page of each of the four lists per account,
 * 4 x (N + 1)) and the wall time, at several subaccount concurrencies
 * (TRUSTHUB_ACCOUNTS_PARALLEL), without and with 30 ms added per request.
 * Run: node_modules/.bin/node bench/subaccounts.ts [N]  -> bench/results/subaccounts.json
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadAccounts } from "../src/config/index.ts";
import { sandboxControls } from "../src/emulator/controls-client.ts";
import { startEmulator } from "../src/emulator/index.ts";
import type { ManagedRecord } from "../src/model/trusthub.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { createClient } from "../src/state/client.ts";
import { planAccounts } from "../src/workflow/accounts.ts";
import { materialize } from "../test/state/materialize.ts";

const N = Number(process.argv[2] ?? 200);
const RUNS = 3;
const PARALLEL = [1, 4, 16];
/** Added to every Trust Hub request (0, and 30 ms as in bench/run.ts). */
const LATENCY = [0, 30];
const acct = (n: number) => ({
  sid: `AC${String(n).padStart(32, "0")}`,
  token: `token${n}`.padEnd(32, "x"),
});

function business(name: string, identity: string, url: string): Record<string, unknown> {
  return {
    business: {
      name,
      identity,
      type: "Corporation",
      industry: "TECHNOLOGY",
      registration: { type: "EIN", number: "123456789" },
      regionsOfOperation: ["USA_AND_CANADA"],
      websiteUrl: url,
    },
    address: {
      customerName: name,
      street: "1 Example Street",
      city: "Chicago",
      region: "IL",
      postalCode: "60601",
      isoCountry: "US",
    },
    representatives: [1, 2].map((i) => ({
      firstName: `Rep${i}`,
      lastName: "Example",
      email: `rep${i}@isv.example`,
      phone: `+1312555014${i}`,
      businessTitle: "Owner",
      jobPosition: i === 1 ? "CEO" : "GM",
    })),
  };
}

async function main(): Promise<void> {
  const cwd = await mkdtemp(join(tmpdir(), "trusthub-bench-subaccounts-"));
  const dir = join(cwd, "trusthub");
  await mkdir(dir);
  const parent = acct(1);
  const subs = Array.from({ length: N }, (_, i) => ({ ...acct(1000 + i), parentSid: parent.sid }));
  let requests = 0;
  const emu = await startEmulator({
    accounts: [parent, ...subs],
    onExchange: (e) => {
      if (!e.path.startsWith("/__sandbox")) requests += 1;
    },
  });
  try {
    const env: Record<string, string> = {
      EMU: emu.url,
      ISV_SID: parent.sid,
      ISV_TOKEN: parent.token,
    };
    const block = (name: string, p?: string) => ({
      name,
      accountSidEnv: `${name.toUpperCase().replace(/-/g, "_")}_SID`,
      authTokenEnv: `${name.toUpperCase().replace(/-/g, "_")}_TOKEN`,
      apiUrlEnv: "EMU",
      ...(p ? { parent: p } : {}),
    });
    await writeFile(
      join(dir, "isv.yaml"),
      stringify({
        version: 1,
        account: block("isv"),
        defaults: { submit: false },
        primary: {
          type: "business",
          key: "isv",
          friendlyName: "Bench ISV primary",
          email: "compliance@isv.example",
          ...business("Bench ISV, Inc.", "isv_reseller_or_partner", "https://isv.example"),
        },
      }),
    );
    const names = subs.map((_, i) => `sub-${String(i).padStart(4, "0")}`);
    for (const [i, name] of names.entries()) {
      const b = block(name, "isv");
      env[b.accountSidEnv] = subs[i]!.sid;
      env[b.authTokenEnv] = subs[i]!.token;
      await writeFile(
        join(dir, `${name}.yaml`),
        stringify({
          version: 1,
          account: b,
          defaults: { submit: false },
          secondaries: [
            {
              key: "brand",
              friendlyName: `Brand ${name}`,
              email: "ops@isv.example",
              ...business(`Brand ${name} LLC`, "direct_customer", `https://${name}.example`),
            },
          ],
        }),
      );
    }
    const loaded = await loadAccounts([dir], { env, cwd });
    if (!loaded.accounts) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
    // Trust Hub holds exactly the YAML; apply's records per account SID.
    const t0 = performance.now();
    const records = new Map<string, Record<string, ManagedRecord>>();
    const sids = [parent, ...subs];
    let primarySid = "";
    for (const [i, a] of loaded.accounts.entries()) {
      const who = sids[i]!;
      const conn = {
        target: { kind: "emulator" as const, url: emu.url, accountSid: who.sid },
        username: who.sid,
        password: who.token,
      };
      const client = createClient(conn);
      const ctl = sandboxControls(emu.url, who.sid, who.token);
      const own: Record<string, ManagedRecord> = {};
      for (const p of [a.config.primary, ...a.config.secondaries]) {
        if (p === undefined) continue;
        const d = desiredBundle(p, p.kind === "secondary" ? { primarySid } : {});
        const status = p.kind === "secondary" ? "draft" : "twilio-approved";
        own[p.key] = await materialize(client, ctl, d, status);
        if (p.kind !== "secondary") primarySid = own[p.key]!.profileSid;
      }
      records.set(who.sid, own);
    }
    const setupMs = Math.round(performance.now() - t0);
    const runs: { latencyMs: number; parallel: number; wallMs: number[]; requests: number }[] = [];
    const ctl = sandboxControls(emu.url, parent.sid, parent.token);
    for (const [latencyMs, parallel] of LATENCY.flatMap((l) => PARALLEL.map((p) => [l, p]))) {
      await ctl.setFaults({ latencyMs: latencyMs! });
      const wallMs: number[] = [];
      let count = 0;
      for (let r = 0; r < RUNS; r++) {
        requests = 0;
        const start = performance.now();
        const { plans } = await planAccounts({
          paths: [dir],
          env: { ...env, TRUSTHUB_ACCOUNTS_PARALLEL: String(parallel) },
          cwd,
          readManaged: ({ target }) => Promise.resolve(records.get(target.accountSid) ?? {}),
        });
        wallMs.push(Math.round(performance.now() - start));
        count = requests;
        const changed = plans.flatMap((p) => p.plan.actions).filter((a) => a.action !== "no-op");
        if (plans.length !== N + 1 || changed.length > 0) {
          throw new Error(`expected ${N + 1} no-change plans, got ${changed.length} changes`);
        }
      }
      runs.push({ latencyMs: latencyMs!, parallel: parallel!, wallMs, requests: count });
    }
    const result = {
      benchmark: "subaccounts",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      subaccounts: N,
      secondariesPerSubaccount: 1,
      emulator: "in process; latencyMs added to every request",
      goalRequests: 4 * (N + 1),
      setupMs,
      runs: runs.map((r) => ({
        ...r,
        medianMs: [...r.wallMs].sort((a, b) => a - b)[Math.floor(r.wallMs.length / 2)],
      })),
    };
    const out = join(import.meta.dirname, "results", "subaccounts.json");
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await emu.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

await main();

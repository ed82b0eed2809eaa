/**
 * Benchmark: requests and wall time of a no-change `trusthub plan` for N
 * declared profiles (default 1,000 secondaries + the primary), against the
 * emulator, with apply's managed records. Requests come from the emulator's
 * request log. Goal (issue 4): at most 0.02 requests per declared profile and
 * under 2 s for 1,000 profiles (a per-object refresh would be about 8 per
 * profile).
 * Run: node_modules/.bin/node bench/plan-requests.ts [N]  -> bench/results/plan-requests.json
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../src/emulator/index.ts";
import { sandboxControls } from "../src/emulator/controls-client.ts";
import { loadConfig } from "../src/config/index.ts";
import type { ManagedRecord } from "../src/model/trusthub.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { createClient } from "../src/state/client.ts";
import { preparePlan } from "../src/workflow/plan.ts";
import { buildPlan } from "../src/plan/build.ts";
import { profilesNeedingAssignments } from "../src/plan/match.ts";
import { readAccount } from "../src/state/read.ts";
import { materialize } from "../test/state/materialize.ts";

const N = Number(process.argv[2] ?? 1000);
const RUNS = 7;
const CONCURRENCY = 16;

function yaml(n: number): string {
  const lines = [
    "version: 1",
    "defaults:",
    "  submit: false",
    "primary:",
    "  type: business",
    "  key: isv",
    "  friendlyName: Bench ISV primary",
    "  email: compliance@isv.example",
    ...business("  ", "Bench ISV, Inc.", "isv_reseller_or_partner", "https://isv.example"),
    "secondaries:",
  ];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(5, "0");
    lines.push(
      `  - key: brand-${id}`,
      `    friendlyName: Brand ${id}`,
      "    email: ops@isv.example",
      ...business("    ", `Brand ${id} LLC`, "direct_customer", `https://brand-${id}.example`),
    );
  }
  return `${lines.join("\n")}\n`;
}

function business(ind: string, name: string, identity: string, url: string): string[] {
  const out = [
    "business:",
    `  name: ${name}`,
    `  identity: ${identity}`,
    "  type: Corporation",
    "  industry: TECHNOLOGY",
    "  registration:",
    "    type: EIN",
    '    number: "123456789"',
    "  regionsOfOperation: [USA_AND_CANADA]",
    `  websiteUrl: ${url}`,
    "address:",
    `  customerName: ${name}`,
    "  street: 1 Example Street",
    "  city: Chicago",
    "  region: IL",
    '  postalCode: "60601"',
    "  isoCountry: US",
    "representatives:",
    "  - firstName: Casey",
    "    lastName: Example",
    "    email: casey@isv.example",
    '    phone: "+13125550142"',
    "    businessTitle: Owner",
    "    jobPosition: CEO",
    "  - firstName: Riley",
    "    lastName: Example",
    "    email: riley@isv.example",
    '    phone: "+13125550143"',
    "    businessTitle: Manager",
    "    jobPosition: GM",
  ];
  return out.map((l) => `${ind}${l}`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "trusthub-bench-plan-"));
  const emu = await startEmulator({});
  try {
    const acct = emu.accounts[0]!;
    const env = {
      TWILIO_ACCOUNT_SID: acct.sid,
      TWILIO_AUTH_TOKEN: acct.token,
      TRUSTHUB_API_URL: emu.url,
    };
    const controls = sandboxControls(emu.url, acct.sid, acct.token);
    const client = createClient({
      target: { kind: "emulator", url: emu.url, accountSid: acct.sid },
      username: acct.sid,
      password: acct.token,
    });
    await writeFile(join(dir, "trusthub.yaml"), yaml(N));
    const loaded = await loadConfig([], { env: {}, cwd: dir });
    if (!loaded.config)
      throw new Error(`bench config invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
    const cfg = loaded.config;

    const t0 = performance.now();
    const records: Record<string, ManagedRecord> = {};
    const primary = await materialize(
      client,
      controls,
      desiredBundle(cfg.primary!, {}),
      "twilio-approved",
    );
    records[cfg.primary!.key] = primary;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cfg.secondaries.length) {
          const s = cfg.secondaries[next++]!;
          records[s.key] = await materialize(
            client,
            controls,
            desiredBundle(s, { primarySid: primary.profileSid }),
          );
        }
      }),
    );
    const setupMs = performance.now() - t0;

    const runs: { wallMs: number; requests: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      await controls.resetRequestLog();
      const start = performance.now();
      const p = await preparePlan({
        paths: [],
        env,
        cwd: dir,
        readManaged: () => Promise.resolve(records),
      });
      const wallMs = performance.now() - start;
      await p.close();
      const changed = p.plan.actions.filter((a) => a.action !== "no-op").length;
      if (changed > 0) throw new Error(`expected a no-change plan, got ${changed} actions`);
      runs.push({ wallMs: Math.round(wallMs), requests: (await controls.getRequestLog()).count });
    }
    // Phases, measured separately (medians): YAML load + validation, account read, planning.
    const phase = { loadMs: [] as number[], readMs: [] as number[], buildMs: [] as number[] };
    const conn = {
      target: { kind: "emulator" as const, url: emu.url, accountSid: acct.sid },
      username: acct.sid,
      password: acct.token,
    };
    for (let r = 0; r < RUNS; r++) {
      let t = performance.now();
      await loadConfig([], { env: {}, cwd: dir });
      phase.loadMs.push(performance.now() - t);
      t = performance.now();
      const observed = await readAccount(conn, {
        managed: records,
        assignmentsFor: (a) => profilesNeedingAssignments(cfg, a),
      });
      phase.readMs.push(performance.now() - t);
      t = performance.now();
      buildPlan(cfg, observed);
      phase.buildMs.push(performance.now() - t);
    }
    const median = (xs: number[]): number =>
      Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

    // The first plan before apply has recorded anything: every profile is an adoption candidate.
    await controls.resetRequestLog();
    const t1 = performance.now();
    const first = await preparePlan({
      paths: [],
      env,
      cwd: dir,
      readManaged: () => Promise.resolve({}),
    });
    const firstMs = Math.round(performance.now() - t1);
    await first.close();
    const firstRequests = (await controls.getRequestLog()).count;

    const sorted = runs.map((r) => r.wallMs).sort((a, b) => a - b);
    const declared = N + 1;
    const requests = runs[0]!.requests;
    const result = {
      benchmark: "plan-requests",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      declaredProfiles: declared,
      liveObjects: {
        profiles: declared,
        endUsers: declared * 3,
        addresses: declared,
        documents: declared,
      },
      setupMs: Math.round(setupMs),
      runs: RUNS,
      requests,
      requestsPerProfile: Number((requests / declared).toFixed(4)),
      wallMsMedian: sorted[Math.floor(sorted.length / 2)],
      wallMsMin: sorted[0],
      wallMsMax: sorted.at(-1),
      phasesMsMedian: {
        loadConfig: median(phase.loadMs),
        readAccount: median(phase.readMs),
        buildPlan: median(phase.buildMs),
      },
      firstPlanWithoutRecords: {
        requests: firstRequests,
        wallMs: firstMs,
        adopt: first.plan.summary.adopt,
      },
      goal: { requestsPerProfile: 0.02, wallMsFor1000: 2000 },
      met: requests / declared <= 0.02 && sorted[Math.floor(sorted.length / 2)]! < 2000,
      note: "no-change plan with apply's managed records; config load + target + 4 account-wide list reads (pages of 1,000) + planning; wall time includes YAML loading and validation",
    };
    console.log(JSON.stringify(result, null, 2));
    if (process.argv[3] !== "--no-write") {
      await writeFile(
        join(import.meta.dirname, "results", "plan-requests.json"),
        `${JSON.stringify(result, null, 2)}\n`,
      );
    }
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

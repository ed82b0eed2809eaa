/**
 * Benchmark: with 10,000 customer profiles loaded from a data file, how fast
 * the emulator serves a 1,000-item list page (first page, a deep page via
 * PageToken, a filtered page), and what a durable write costs at that size.
 * Run: node_modules/.bin/node bench/emulator-list.ts  -> bench/results/emulator-list.json
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { POLICY_SIDS } from "../src/domain/twilio.ts";
import { SANDBOX_ACCOUNT, startEmulator } from "../src/emulator/index.ts";
import type { Snapshot } from "../src/emulator/store.ts";
import type { Profile } from "../src/emulator/types.ts";

const PROFILES = 10_000;
const RUNS = 50;
const AUTH = `Basic ${Buffer.from(`${SANDBOX_ACCOUNT.sid}:${SANDBOX_ACCOUNT.token}`).toString("base64")}`;

function snapshot(): Snapshot {
  const statuses = [
    "draft",
    "pending-review",
    "in-review",
    "twilio-rejected",
    "twilio-approved",
  ] as const;
  const t = Date.UTC(2026, 0, 1);
  const profiles: Profile[] = Array.from({ length: PROFILES }, (_, i) => ({
    sid: `BU${(i + 1).toString(16).padStart(32, "0")}`,
    seq: i + 1,
    accountSid: SANDBOX_ACCOUNT.sid,
    policySid: i % 10 === 0 ? POLICY_SIDS.primaryBusiness : POLICY_SIDS.secondary,
    friendlyName: `Brand ${i}`,
    email: `ops${i}@isv.example.com`,
    statusCallback: "https://isv.example.com/status",
    status: statuses[i % statuses.length]!,
    validUntil: i % 5 === 4 ? t + 365 * 86400_000 : null,
    errors: i % 5 === 3 ? [{ code: 18601 }] : null,
    dateCreated: t + i * 1000,
    dateUpdated: t + i * 1000,
  }));
  return {
    format: "trusthub-emulator",
    version: 1,
    seq: PROFILES,
    sidCounters: {},
    accounts: [{ sid: SANDBOX_ACCOUNT.sid, token: SANDBOX_ACCOUNT.token, keys: [] }],
    profiles,
    endUsers: [],
    documents: [],
    addresses: [],
    entityAssignments: [],
    channelAssignments: [],
    evaluations: [],
  };
}

function stats(ms: number[]): Record<string, number> {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    runs: s.length,
    min: r(s[0]!),
    median: r(q(0.5)),
    p95: r(q(0.95)),
    max: r(s[s.length - 1]!),
  };
}

async function timed(
  url: string,
  init: RequestInit = {},
): Promise<{ ms: number; body: unknown; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, headers: { Authorization: AUTH, ...init.headers } });
  const body: unknown = await res.json();
  return { ms: performance.now() - t0, body, status: res.status };
}

async function series(url: string, expectItems: number): Promise<Record<string, number>> {
  await timed(url); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(url);
    const items = (r.body as { results: unknown[] }).results.length;
    if (r.status !== 200 || items !== expectItems)
      throw new Error(`${url}: ${r.status}, ${items} items`);
    ms.push(r.ms);
  }
  return stats(ms);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "th-bench-"));
  const dataFile = join(dir, "state.json");
  const text = JSON.stringify(snapshot());
  await writeFile(dataFile, text);
  const t0 = performance.now();
  const em = await startEmulator({ dataFile });
  const startMs = performance.now() - t0;
  try {
    const base = `${em.url}/v1/CustomerProfiles`;
    const first = await series(`${base}?PageSize=1000`, 1000);
    const page5 = (await timed(`${base}?PageSize=1000&Page=4`)).body as {
      meta: { next_page_url: string };
    };
    const deep = await series(page5.meta.next_page_url, 1000);
    const filtered = await series(
      `${base}?Status=draft&PolicySid=${POLICY_SIDS.secondary}&PageSize=1000`,
      1000,
    );
    const form = (i: number): RequestInit => ({
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `FriendlyName=bench${i}&Type=authorized_representative_1`,
    });
    const single: number[] = [];
    for (let i = 0; i < 10; i++) single.push((await timed(`${em.url}/v1/EndUsers`, form(i))).ms);
    const burstStart = performance.now();
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => timed(`${em.url}/v1/EndUsers`, form(100 + i))),
    );
    const burstMs = performance.now() - burstStart;
    if (burst.some((b) => b.status !== 201)) throw new Error("burst create failed");
    const st = (await timed(`${em.url}/__sandbox/Stats`)).body as {
      persist: Record<string, number>;
    };
    const result = {
      benchmark: "emulator-list",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      /** 1/5/15-minute load averages when the run ended: other work on the machine skews p95. */
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
      profilesLoaded: PROFILES,
      dataFileBytes: Buffer.byteLength(text),
      startupWithDataFileMs: Math.round(startMs * 100) / 100,
      listPage1000FirstMs: first,
      listPage1000DeepPageTokenMs: deep,
      listPage1000FilteredMs: filtered,
      durableCreateMs: stats(single),
      burst50ConcurrentCreates: { totalMs: Math.round(burstMs), fileWrites: st.persist["writes"] },
      persistLastWriteMs: st.persist["lastMs"],
      persistMaxWriteMs: st.persist["maxMs"],
      persistLastSerializeMs: st.persist["lastSerializeMs"],
      persistMaxSerializeMs: st.persist["maxSerializeMs"],
      goal: "1,000-item page with 10,000 profiles loaded well under 100 ms",
    };
    await writeFile("bench/results/emulator-list.json", `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await em.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * Benchmark (issue 14): requests of a no-change plan of N brands (default
 * 1,000 approved secondaries + the primary), each with an approved A2P
 * messaging trust product, with apply's managed records of profiles and
 * products. Goal: at most 0.02 requests per declared bundle (profiles +
 * products). The config is built in memory (test/plan fixtures), the account
 * in the emulator through the official SDK; requests come from the
 * emulator's request log.
 * Run: node_modules/.bin/node bench/plan-products-requests.ts [N]
 *   -> bench/results/plan-products-requests.json
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { sandboxControls } from "../src/emulator/controls-client.ts";
import { startEmulator } from "../src/emulator/index.ts";
import type { ManagedProductRecord, ManagedRecord } from "../src/model/trusthub.ts";
import { buildPlan } from "../src/plan/build.ts";
import { desiredBundle } from "../src/plan/desired.ts";
import { desiredProduct } from "../src/plan/desired-product.ts";
import { profilesNeedingAssignments } from "../src/plan/match.ts";
import { productReads } from "../src/plan/product-match.ts";
import { createClient } from "../src/state/client.ts";
import { productReadOption, readAccount } from "../src/state/read.ts";
import { business, config, primary } from "../test/plan/fixtures.ts";
import { a2p, withProducts } from "../test/plan/product-fixtures.ts";
import { materialize } from "../test/state/materialize.ts";

const N = Number(process.argv[2] ?? 1000);
const CONCURRENCY = 16;

async function main(): Promise<void> {
  const emu = await startEmulator({});
  try {
    const acct = emu.accounts[0]!;
    const conn = {
      target: { kind: "emulator" as const, url: emu.url, accountSid: acct.sid },
      username: acct.sid,
      password: acct.token,
    };
    const controls = sandboxControls(emu.url, acct.sid, acct.token);
    const client = createClient(conn);
    const th = client.trusthub.v1;
    const brands = Array.from({ length: N }, (_, i) =>
      withProducts(business(`brand-${String(i).padStart(5, "0")}`, { submit: false }), (p) => [
        a2p(p, { submit: false }),
      ]),
    );
    const cfg = config(primary({ submit: false }), brands);
    const records: Record<string, ManagedRecord> = {};
    const products: Record<string, ManagedProductRecord> = {};
    const p0 = await materialize(
      client,
      controls,
      desiredBundle(cfg.primary!, {}),
      "twilio-approved",
    );
    records[cfg.primary!.key] = p0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < brands.length) {
          const b = brands[next++]!;
          const r = await materialize(
            client,
            controls,
            desiredBundle(b, { primarySid: p0.profileSid }),
          );
          await controls.setStatus(r.profileSid, "twilio-approved");
          records[b.key] = r;
          const d = desiredProduct(b.trustProducts[0]!, {
            profileSid: r.profileSid,
            phoneNumberSids: [],
          });
          const tp = await th.trustProducts.create({
            friendlyName: d.product.friendlyName,
            email: d.product.email,
            policySid: d.product.policySid,
          });
          const eu = await th.endUsers.create({
            type: d.endUser!.type,
            friendlyName: d.endUser!.friendlyName,
            attributes: d.endUser!.attributes,
          });
          const rec: ManagedProductRecord = {
            key: d.key,
            productSid: tp.sid,
            endUserSid: eu.sid,
            assignments: {},
            channelEndpoints: {},
          };
          for (const objectSid of [eu.sid, r.profileSid]) {
            const a = await th
              .trustProducts(tp.sid)
              .trustProductsEntityAssignments.create({ objectSid });
            rec.assignments[objectSid] = a.sid;
          }
          await controls.setTrustProductStatus(tp.sid, "twilio-approved");
          products[d.key] = rec;
        }
      }),
    );
    const measure = async (withProducts: boolean) => {
      await controls.resetRequestLog();
      const c = withProducts
        ? cfg
        : config(
            cfg.primary,
            cfg.secondaries.map((s) => ({ ...s, trustProducts: [] })),
          );
      const observed = await readAccount(conn, {
        managed: records,
        assignmentsFor: (a) => profilesNeedingAssignments(c, a),
        ...productReadOption(productReads(c, withProducts ? products : {})),
      });
      const plan = buildPlan(c, observed);
      const busy = [
        ...plan.actions.filter((a) => a.action !== "no-op"),
        ...plan.actions.flatMap((a) => a.trustProducts ?? []).filter((p) => p.action !== "no-op"),
      ];
      if (busy.length > 0) throw new Error(`expected a no-change plan, got ${busy.length} actions`);
      return (await controls.getRequestLog()).count;
    };
    const withP = await measure(true);
    const without = await measure(false);
    const bundles = 2 * N + 1;
    const result = {
      benchmark: "plan-products-requests",
      date: new Date().toISOString(),
      gitCommit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
      cleanTree: execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() === "",
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      brands: N,
      declaredBundles: bundles,
      requests: withP,
      requestsPerBundle: Number((withP / bundles).toFixed(4)),
      requestsWithoutProducts: without,
      goalPerBundle: 0.02,
      pass: withP / bundles <= 0.02,
    };
    await writeFile(
      join(import.meta.dirname, "results", "plan-products-requests.json"),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await emu.close();
  }
}

await main();

/**
 * The plan workflow with trust products and phone numbers (issue 14):
 * examples/isv loaded from YAML, Trust Hub in the emulator (profiles
 * approved, numbers bought through the sandbox controls), read through the
 * official SDK by preparePlan. The first plan after the profiles' approval
 * creates and submits the products and assigns the numbers.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { EXIT } from "../../src/errors.ts";
import type { ManagedRecord } from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { planExitCode } from "../../src/plan/exit-code.ts";
import { createClient } from "../../src/state/client.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { materialize } from "../state/materialize.ts";

let world: EmulatorAccount;
let dir: string;
const records: Record<string, ManagedRecord> = {};

beforeAll(async () => {
  world = await startAccount();
  dir = mkdtempSync(join(tmpdir(), "trusthub-products-"));
  cpSync(resolve(import.meta.dirname, "../../examples/isv"), dir, { recursive: true });
  const loaded = await loadConfig([dir], { env: {}, cwd: dir });
  const cfg = loaded.config!;
  const client = createClient(world.conn);
  const primary = await materialize(
    client,
    world.controls,
    desiredBundle(cfg.primary!, {}),
    "twilio-approved",
  );
  records[cfg.primary!.key] = primary;
  for (const s of cfg.secondaries) {
    const r = await materialize(
      client,
      world.controls,
      desiredBundle(s, { primarySid: primary.profileSid }),
    );
    await world.controls.setStatus(r.profileSid, "twilio-approved");
    records[s.key] = r;
  }
  for (const n of new Set(cfg.secondaries.flatMap((s) => s.phoneNumbers)))
    await world.controls.createPhoneNumber({ phoneNumber: n });
});
afterAll(() => world.emu.close());

describe("plan with trust products against the emulator", () => {
  it("creates and submits every product, assigns the numbers, and reads each list once", async () => {
    await world.controls.resetRequestLog();
    const p = await preparePlan({
      paths: [dir],
      env: world.env,
      cwd: dir,
      readManaged: () => Promise.resolve(records),
    });
    await p.close();
    const plan = p.plan;
    expect(plan.actions.map((a) => [a.key, a.action])).toEqual(
      plan.actions.map((a) => [a.key, "no-op"]),
    );
    const products = plan.actions.flatMap((a) => a.trustProducts ?? []);
    expect(products.length).toBeGreaterThan(3);
    expect(products.every((x) => x.action === "create")).toBe(true);
    expect(plan.productSummary!.create).toBe(products.length);
    const bluebird = plan.actions.find((a) => a.key === "bluebird-bakery")!;
    expect(bluebird.changes).toEqual([
      { slot: "phoneNumbers", field: "+13125550171", after: "assigned", sensitive: false },
      { slot: "phoneNumbers", field: "+13125550172", after: "assigned", sensitive: false },
    ]);
    const cnam = bluebird.trustProducts!.find((x) => x.product === "cnam")!;
    expect(cnam.changes.filter((c) => c.slot === "phoneNumbers").map((c) => c.field)).toEqual([
      "+13125550171",
    ]);
    expect(bluebird.brandReadiness).toEqual({
      customerProfileSid: records["bluebird-bakery"]!.profileSid,
      ready: false,
    });
    expect(planExitCode(plan, true)).toBe(EXIT.changes);
    const log = await world.controls.getRequestLog();
    const paths = log.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.filter((x) => x === "GET /v1/TrustProducts")).toHaveLength(1);
    expect(paths.filter((x) => x.endsWith("/IncomingPhoneNumbers.json"))).toHaveLength(1);
    // No live product yet: nothing per product; one channel endpoint list per profile with numbers.
    expect(paths.filter((x) => x.includes("/v1/TrustProducts/"))).toEqual([]);
    const numbered = plan.actions.filter((a) => a.changes.some((c) => c.slot === "phoneNumbers"));
    expect(paths.filter((x) => x.endsWith("/ChannelEndpointAssignments"))).toHaveLength(
      numbered.length,
    );
  });
});

/**
 * Trust products (issue 14) through the real Pulumi engine (runUpdate, file
 * backend) and the emulator, with hand-built provider inputs until the planner
 * builds them: a product registered with its profile is written after it and
 * takes the profile's SID from its output; the engine reports products apart;
 * a held product never changes; the state keeps the product's record.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promisify } from "node:util";
import { execFile } from "node:child_process";
import type { UpdateRequest, UpdateResult } from "../../src/apply/engine.ts";
import type { ResourceSpec } from "../../src/apply/resource.ts";
import type { ResourceInputs } from "../../src/model/plan.ts";
import type { Connection, DesiredBundle } from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { managedProductsOf, readManaged } from "../../src/state/pulumi-state.ts";
import { backendUrl, fileBackendDir, PROJECT_NAME, stackName } from "../../src/state/stack.ts";
import { createClient } from "../../src/state/client.ts";
import { productReport } from "../../src/workflow/apply-products.ts";
import { runForget } from "../../src/workflow/forget.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { loadIsv } from "./fixtures.ts";
import { desiredProduct, productInputs } from "./product-fixtures.ts";

const run = promisify(execFile);
let a: EmulatorAccount;
let conn: Connection;
let cwd: string;
let env: Record<string, string>;
let bundle: DesiredBundle;
const numbers: string[] = [];

/** runUpdate in a child process (test/apply/run-update.ts): the provider must serialize. */
const update = async (specs: ResourceSpec[]): Promise<UpdateResult> => {
  const req: UpdateRequest = { conn, cwd, env, specs, parallel: 4 };
  const file = join(cwd, "request.json");
  writeFileSync(file, JSON.stringify(req));
  const { stdout } = await run(process.execPath, [
    join(import.meta.dirname, "run-update.ts"),
    file,
  ]);
  return JSON.parse(stdout) as UpdateResult;
};

beforeAll(async () => {
  a = await startAccount();
  conn = a.conn;
  cwd = mkdtempSync(join(tmpdir(), "trusthub-products-"));
  env = {
    PULUMI_CONFIG_PASSPHRASE: "products-e2e",
    ...(process.env["TRUSTHUB_PULUMI_BIN"]
      ? { TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"] }
      : {}),
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "",
  };
  const primary = await a.controls.createPrimary({ status: "twilio-approved" });
  const config = await loadIsv();
  bundle = desiredBundle(config.secondaries[0]!, { primarySid: primary.sid });
  for (let i = 0; i < 2; i++) numbers.push((await a.controls.createPhoneNumber()).sid);
}, 60_000);

afterAll(async () => {
  await a?.emu.close();
});

describe("trust products through the Pulumi engine", () => {
  const key = () => bundle.key;
  const profileSpec = (extra: Partial<ResourceInputs> = {}): ResourceInputs => ({
    key: key(),
    kind: "secondary",
    mode: "apply",
    desired: bundle,
    observed: null,
    phoneNumberSids: numbers,
    ...extra,
  });

  it("writes the profile (with its numbers) first, then the product on the profile's SID", async () => {
    const d = desiredProduct(key(), "shaken-stir", {
      customerProfileSid: `profile:${key()}`,
      phoneNumberSids: numbers,
      submit: true,
    });
    const r = await update([profileSpec(), productInputs(d)]);
    const byKey = new Map(r.outcomes.map((o) => [o.key, o]));
    expect(byKey.get(key())).toMatchObject({ op: "create", ok: true });
    const product = byKey.get(d.key)!;
    expect(product).toMatchObject({ op: "create", ok: true, product: true });
    const profileSid = byKey.get(key())!.outputs!.profileSid;
    const out = product.outputs as unknown as {
      productSid: string;
      record: { assignments: object };
    };
    expect(Object.keys(out.record.assignments)).toEqual([profileSid]);
    // The profile is a draft: Twilio evaluates a product against an in-review or approved one.
    const report = productReport(r.outcomes);
    expect(report.notOk).toBe(1);
    expect(report.lines.join("\n")).toMatch(/evaluation noncompliant/);
    const c = createClient(conn);
    const pns = await c.trusthub.v1
      .customerProfiles(profileSid)
      .customerProfilesChannelEndpointAssignment.list();
    expect(pns.map((x) => x.channelEndpointSid).sort()).toEqual([...numbers].sort());
    const managed = await readManaged({ env, cwd, target: conn.target });
    expect(Object.keys(managed[key()]!.channelEndpoints ?? {}).sort()).toEqual([...numbers].sort());
  }, 240_000);

  it("after the profile is approved, the product is submitted; held, it stays the same", async () => {
    const managed = await readManaged({ env, cwd, target: conn.target });
    const profileSid = managed[key()]!.profileSid;
    await a.controls.setStatus(profileSid, "twilio-approved");
    const d = desiredProduct(key(), "shaken-stir", {
      customerProfileSid: profileSid,
      phoneNumberSids: numbers,
      submit: true,
    });
    const hold: ResourceInputs = { key: key(), kind: "secondary", mode: "hold" };
    const r = await update([hold, productInputs(d)]);
    const report = productReport(r.outcomes);
    expect(report.notOk).toBe(0);
    expect(report.submitted).toBe(1);
    expect(report.lines[0]).toBe(
      "Trust products: 0 created, 0 adopted, 1 updated, 1 submitted, 0 failed.",
    );
    const held = await update([
      hold,
      { key: d.key, profileKey: key(), product: "shaken-stir", mode: "hold" },
    ]);
    expect(held.outcomes.find((o) => o.key === d.key)).toMatchObject({ op: "same", ok: true });
    // Read back for the next plan: the product's record, its numbers included.
    const records = managedProductsOf(await readManaged({ env, cwd, target: conn.target }));
    expect(Object.keys(records[d.key]!.channelEndpoints).sort()).toEqual([...numbers].sort());
    expect(records[d.key]!.assignments).toHaveProperty(profileSid);
    // The state holds the product's record: SIDs only, no personal data.
    const dir = fileBackendDir(backendUrl(env, cwd))!;
    const file = join(
      dir,
      ".pulumi",
      "stacks",
      PROJECT_NAME,
      `${stackName(env, conn.target)}.json`,
    );
    const state = readFileSync(file, "utf8");
    expect(state).toContain("trusthub:TrustProduct");
    expect(state).not.toContain("compliance@example.com");
  }, 240_000);

  it("forget drops a trust product from the state by its key, Trust Hub untouched", async () => {
    const key2 = `${key()}/shaken-stir`;
    const before = managedProductsOf(await readManaged({ env, cwd, target: conn.target }));
    const sid = before[key2]!.productSid;
    const out: string[] = [];
    const code = await runForget({
      keys: [key2],
      env: { ...env, ...a.env },
      cwd,
      out: (t) => out.push(t),
    });
    expect(code).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^${key2} \\(${sid}\\): no longer managed`));
    const after = managedProductsOf(await readManaged({ env, cwd, target: conn.target }));
    expect(after[key2]).toBeUndefined();
    expect((await createClient(conn).trusthub.v1.trustProducts(sid).fetch()).sid).toBe(sid);
  }, 120_000);
});

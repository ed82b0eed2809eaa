/**
 * The dynamic provider, serialized like Pulumi does and driven through
 * @pulumi/pulumi's own dynamic-provider host over gRPC against the emulator.
 * No Pulumi CLI involved.
 */
/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- provider outputs are untyped JSON */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { desiredBundle } from "../../src/plan/desired.ts";
import type { DesiredBundle } from "../../src/model/trusthub.ts";
import type { Config } from "../../src/model/config.ts";
import { envFor, loadIsv, startSandbox, type Sandbox } from "./fixtures.ts";
import { startProviderHost, type HostError, type ProviderHost } from "./provider-host.ts";

let sb: Sandbox;
let host: ProviderHost;
let providerText: string;
let primarySid: string;
let bundles: Record<string, DesiredBundle>;
let config: Config;

const inputs = (d: DesiredBundle, extra: object = {}) => ({
  __provider: providerText,
  key: d.key,
  kind: d.kind,
  mode: "apply",
  desired: d,
  observed: null,
  ...extra,
});

/** Credentials the serializing process can see; none may end up in the provider text. */
const CANARY = "canary0c0ffee0c0ffee0c0ffee0c0ffee";
const CREDENTIAL_ENV = {
  TWILIO_ACCOUNT_SID: `AC${CANARY}`,
  TWILIO_AUTH_TOKEN: `token-${CANARY}`,
  TWILIO_API_KEY: `SK${CANARY}`,
  TWILIO_API_SECRET: `secret-${CANARY}`,
  TRUSTHUB_PROVIDER_USERNAME: `user-${CANARY}`,
  TRUSTHUB_PROVIDER_PASSWORD: `password-${CANARY}`,
  PULUMI_CONFIG_PASSPHRASE: `passphrase-${CANARY}`,
};

/** The provider property as the program makes it, in a child whose environment holds CREDENTIAL_ENV. */
function serialize(...args: string[]): string {
  return execFileSync(
    process.execPath,
    [resolve(import.meta.dirname, "serialize-provider.ts"), ...args],
    { encoding: "utf8", env: { ...process.env, ...CREDENTIAL_ENV } },
  );
}

async function requests(method: string, pathPrefix: string): Promise<string[]> {
  const r = await sb.control(
    "GET",
    `/RequestLog?method=${method}&pathPrefix=${encodeURIComponent(pathPrefix)}`,
  );
  return (r.requests as { method: string; path: string }[]).map((q) => `${q.method} ${q.path}`);
}

beforeAll(async () => {
  sb = await startSandbox();
  const p = await sb.control("POST", "/PrimaryProfiles", { status: "twilio-approved" });
  primarySid = p.sid;
  config = await loadIsv();
  bundles = Object.fromEntries(
    config.secondaries.map((s) => [s.key, desiredBundle(s, { primarySid })]),
  );
  providerText = serialize();
  host = await startProviderHost(envFor(sb.conn));
}, 60_000);

afterAll(async () => {
  await host?.close();
  await sb?.close();
});

describe("the provider property (__provider)", () => {
  it("is one line naming the shim, and captures no credentials or clients", () => {
    expect(providerText.length).toBeLessThan(300);
    expect(providerText).not.toContain(CANARY);
    expect(providerText).not.toContain(sb.conn.password);
    expect(providerText).not.toMatch(/twilio|ClientRequest|Socket/i);
    expect(providerText).toMatch(/^exports\.handler=\(\)=>require\(.*provider-shim\.cjs"\)$/);
  });
});

describe("dynamic-provider host over gRPC", () => {
  it("check reports malformed inputs and normalises end-user order", async () => {
    const bad = await host.check(
      {},
      { __provider: providerText, key: "", kind: "nope", mode: "apply" },
    );
    expect(bad.failures.map((f) => f.property).sort()).toEqual(["desired", "key", "kind"]);
    const d = bundles["bluebird-bakery"]!;
    const shuffled = { ...d, endUsers: [...d.endUsers].reverse() };
    const ok = await host.check({}, inputs(shuffled));
    expect(ok.failures).toEqual([]);
    expect(ok.inputs.desired.endUsers.map((u: { slot: string }) => u.slot)).toEqual([
      "business",
      "representative1",
      "representative2",
    ]);
  });

  it("creates a whole bundle, then a retried create adopts it instead of duplicating", async () => {
    const d = bundles["bluebird-bakery"]!;
    const first = await host.create(inputs(d));
    expect(first.id).toMatch(/^BU[0-9a-f]{32}$/);
    const rec = first.properties.record;
    expect(Object.keys(rec.endUsers).sort()).toEqual([
      "business",
      "representative1",
      "representative2",
    ]);
    expect(rec.addressSid).toMatch(/^AD/);
    expect(rec.documentSid).toMatch(/^RD/);
    expect(Object.keys(rec.assignments)).toHaveLength(5); // 3 end users, document, primary
    expect(JSON.stringify(first.properties)).not.toContain("Casey"); // no personal data in outputs
    expect(first.properties.__provider).toBe(providerText);

    const again = await host.create(inputs(d));
    expect(again.id).toBe(first.id);
    expect(again.properties.record).toEqual(rec);
    expect(again.properties.writes).toEqual([]);
    const stats = await sb.control("GET", "/Stats");
    expect(stats).toMatchObject({ profiles: 2, endUsers: 3 + 2, documents: 2, addresses: 2 });
  });

  it("diff uses the planner's diff; hold never changes; outputs before issue 15 always do", async () => {
    const d = bundles["maple-fitness"]!;
    const olds = { digest: "-" };
    expect((await host.diff("BU0", olds, inputs(d))).changes).toBe(2); // DIFF_SOME
    const held = inputs(d, { mode: "hold", desired: undefined });
    expect((await host.diff("BU0", olds, held)).changes).toBe(1); // DIFF_NONE
    // Outputs without a digest (the format before issue 15): rewritten by the next update.
    expect((await host.diff("BU0", {}, held)).changes).toBe(2);
  });

  it("update writes exactly the object that changed and keeps outputs", async () => {
    const d = bundles["harbor-dental"]!;
    const created = await host.create(inputs(d));
    await sb.control("DELETE", "/RequestLog");
    const rep1 = d.endUsers.find((u) => u.slot === "representative1")!;
    const edited: DesiredBundle = {
      ...d,
      endUsers: d.endUsers.map((u) =>
        u === rep1 ? { ...u, attributes: { ...u.attributes, business_title: "Head Dentist" } } : u,
      ),
    };
    const up = await host.update(created.id, created.properties, inputs(edited));
    expect(up.properties.record).toEqual(created.properties.record);
    const posts = [...(await requests("POST", "/v1")), ...(await requests("POST", "/2010"))];
    expect(posts).toEqual([
      `POST /v1/EndUsers/${created.properties.record.endUsers.representative1}`,
    ]);
  });

  it("refuses to write to a profile under review, and writes nothing", async () => {
    const d = bundles["bluebird-bakery"]!;
    const created = await host.create(inputs(d));
    await sb.control("POST", `/CustomerProfiles/${created.id}/Status`, { status: "in-review" });
    await sb.control("DELETE", "/RequestLog");
    const edited = { ...d, profile: { ...d.profile, email: "new@bluebird-bakery.example" } };
    const err = (await host
      .update(created.id, created.properties, inputs(edited))
      .catch((e) => e)) as HostError;
    expect(err.message).toMatch(/in-review: Twilio does not allow changes/);
    expect(await requests("POST", "/v1")).toEqual([]);
  });

  it("reports a partial create with the profile id and what exists", async () => {
    const d = { ...bundles["maple-fitness"]!, primarySid: `BU${"0".repeat(32)}` };
    const err = (await host.create(inputs(d)).catch((e) => e)) as HostError;
    expect(err.initFailed?.id).toMatch(/^BU/);
    const props = err.initFailed!.properties as {
      record: { endUsers: object; documentSid: string };
    };
    expect(Object.keys(props.record.endUsers)).toHaveLength(3);
    expect(props.record.documentSid).toMatch(/^RD/);
    expect(err.initFailed!.properties["__provider"]).toBe(providerText);
  });

  it("rides out 10% transient 5xx answers without duplicating anything", async () => {
    const before = await sb.control("GET", "/Stats");
    await sb.control("DELETE", "/RequestLog");
    await sb.control("POST", "/Faults", { rate5xx: 0.1, seed: 3 });
    try {
      for (const i of [1, 2, 3]) {
        const d = bundles["maple-fitness"]!;
        const named = desiredBundle(
          {
            ...config.secondaries.find((s) => s.key === "maple-fitness")!,
            key: `retry-${i}`,
            friendlyName: `Retry Brand ${i}`,
          },
          { primarySid },
        );
        expect(named.endUsers).toHaveLength(d.endUsers.length);
        const r = await host.create(inputs(named));
        expect(Object.keys(r.properties.record.assignments)).toHaveLength(5);
      }
    } finally {
      await sb.control("DELETE", "/Faults");
    }
    const log = await sb.control("GET", "/RequestLog");
    const failed = (log.requests as { status: number }[]).filter((q) => q.status >= 500);
    expect(failed.length).toBeGreaterThan(0); // the faults did happen
    const after = await sb.control("GET", "/Stats");
    expect(after.profiles - before.profiles).toBe(3);
    expect(after.endUsers - before.endUsers).toBe(9);
    expect(after.documents - before.documents).toBe(3);
    expect(after.addresses - before.addresses).toBe(3);
  });

  it("read and delete treat 404 as gone", async () => {
    const gone = `BU${"f".repeat(32)}`;
    const props = { __provider: providerText, key: "x", kind: "secondary" };
    expect((await host.read(gone, props)).id).toBe("");
    await expect(host.delete(gone, props)).resolves.toBeUndefined();
  });
});

/**
 * The trust product resource (issue 14) and a profile's phone numbers, through
 * the serialized provider in @pulumi/pulumi's own dynamic-provider host, against
 * the emulator, with hand-built inputs (test/apply/product-fixtures.ts): create,
 * update, numbers added and removed, evaluation and submit, a create that landed
 * before a crash adopted, a product under review refused.
 */
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- provider outputs are untyped JSON */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { envFor, loadIsv, startSandbox, type Sandbox } from "./fixtures.ts";
import { desiredProduct, productInputs } from "./product-fixtures.ts";
import { startProviderHost, type HostError, type ProviderHost } from "./provider-host.ts";

let sb: Sandbox;
let host: ProviderHost;
let providerText: string;
let c: TwilioClient;
/** Approved secondary profiles by key, and the account's test numbers. */
const profiles: Record<string, { sid: string; props: any }> = {};
const numbers: string[] = [];
/** A draft secondary. */
let draft: { sid: string; props: any };

const withProvider = <T extends object>(o: T) => ({ __provider: providerText, ...o });

async function posts(prefix: string): Promise<string[]> {
  const r = await sb.control(
    "GET",
    `/RequestLog?method=POST&pathPrefix=${encodeURIComponent(prefix)}`,
  );
  return (r.requests as { method: string; path: string }[]).map((q) => `${q.method} ${q.path}`);
}

const channelsOf = async (sid: string) =>
  (await c.trusthub.v1.trustProducts(sid).trustProductsChannelEndpointAssignment.list())
    .map((a) => a.channelEndpointSid)
    .sort();

beforeAll(async () => {
  sb = await startSandbox();
  c = createClient(sb.conn);
  const primary = await sb.control("POST", "/PrimaryProfiles", { status: "twilio-approved" });
  providerText = execFileSync(
    process.execPath,
    [resolve(import.meta.dirname, "serialize-provider.ts")],
    { encoding: "utf8" },
  );
  host = await startProviderHost(envFor(sb.conn));
  const config = await loadIsv();
  const fourth = { ...config.secondaries[0]!, key: "draft-brand", friendlyName: "Draft Brand" };
  for (const s of [...config.secondaries.slice(0, 3), fourth]) {
    const d = desiredBundle(s, { primarySid: primary.sid });
    const r = await host.create(
      withProvider({ key: d.key, kind: d.kind, mode: "apply", desired: d, observed: null }),
    );
    if (Object.keys(profiles).length < 3) {
      await sb.control("POST", `/CustomerProfiles/${r.id}/Status`, { status: "twilio-approved" });
      profiles[s.key] = { sid: r.id, props: r.properties };
    } else {
      draft = { sid: r.id, props: r.properties };
    }
  }
  for (let i = 0; i < 4; i++)
    numbers.push((await sb.control("POST", "/IncomingPhoneNumbers", {})).sid);
}, 90_000);

afterAll(async () => {
  await host?.close();
  await sb?.close();
});

describe("trust product resource", () => {
  it("check refuses malformed product inputs", async () => {
    const d = desiredProduct("x", "shaken-stir", {
      customerProfileSid: "nope",
      phoneNumberSids: ["PN1"],
    });
    const r = await host.check({}, withProvider(productInputs(d)));
    expect(r.failures.map((f) => f.property).sort()).toEqual([
      "desired.customerProfileSid",
      "desired.phoneNumberSids",
    ]);
  });

  it("creates an A2P product, assigns end user and profile, evaluates and submits it", async () => {
    const [key, p] = Object.entries(profiles)[0]!;
    const d = desiredProduct(key, "a2p-messaging", {
      customerProfileSid: `profile:${key}`,
      submit: true,
    });
    const r = await host.create(withProvider(productInputs(d, { profileSid: p.sid })));
    expect(r.id).toMatch(/^BU/);
    const out = r.properties;
    expect(out).toMatchObject({
      key: d.key,
      product: "a2p-messaging",
      productSid: r.id,
      evaluation: "compliant",
      submitted: true,
      status: "pending-review",
    });
    expect(out.record.endUserSid).toMatch(/^IT/);
    expect(Object.keys(out.record.assignments).sort()).toEqual(
      [out.record.endUserSid, p.sid].sort(),
    );
    expect(JSON.stringify(out)).not.toContain("compliance@example.com");
    const live = await c.trusthub.v1.trustProducts(r.id).fetch();
    expect(live.status).toBe("pending-review");
    // Held now: a re-run of the same inputs is refused only if something differs; nothing differs.
    const again = await host.update(
      r.id,
      out,
      withProvider(productInputs(d, { profileSid: p.sid })),
    );
    expect(again.properties.productSid).toBe(r.id);
    expect(again.properties.writes).toEqual([]);
  });

  it("assigns phone numbers, then adds and removes them on update", async () => {
    const [key, p] = Object.entries(profiles)[1]!;
    // Twilio's SHAKEN/STIR guides: a number goes on the customer profile first.
    const onProfile = c.trusthub.v1.customerProfiles(
      p.sid,
    ).customerProfilesChannelEndpointAssignment;
    for (const sid of numbers.slice(0, 3))
      await onProfile.create({ channelEndpointType: "phone-number", channelEndpointSid: sid });
    const d = desiredProduct(key, "shaken-stir", {
      customerProfileSid: p.sid,
      phoneNumberSids: numbers.slice(0, 2),
    });
    const r = await host.create(withProvider(productInputs(d)));
    expect(await channelsOf(r.id)).toEqual(numbers.slice(0, 2).sort());
    expect(r.properties.evaluation).toBe("compliant");
    expect(r.properties.submitted).toBeUndefined();
    const moved = { ...d, phoneNumberSids: [numbers[1]!, numbers[2]!].sort() };
    const up = await host.update(r.id, r.properties, withProvider(productInputs(moved)));
    expect(await channelsOf(r.id)).toEqual(moved.phoneNumberSids);
    expect(Object.keys(up.properties.record.channelEndpoints).sort()).toEqual(
      moved.phoneNumberSids,
    );
    expect(up.properties.writes).toEqual([
      expect.stringMatching(new RegExp(`^phone number ${numbers[2]} assigned \\(RA`)),
      expect.stringMatching(new RegExp(`^phone number ${numbers[0]} removed \\(RA`)),
    ]);
    // Approved: its numbers still change (any status), its fields do not.
    await sb.control("POST", `/TrustProducts/${r.id}/Status`, { status: "twilio-approved" });
    const back = { ...d, phoneNumberSids: [numbers[0]!] };
    const held = await host.update(r.id, up.properties, withProvider(productInputs(back)));
    expect(await channelsOf(r.id)).toEqual([numbers[0]]);
    expect(held.properties).toMatchObject({
      status: "twilio-approved",
      writes: [
        expect.stringMatching(new RegExp(`^phone number ${numbers[0]} assigned`)),
        expect.stringMatching(new RegExp(`^phone number ${numbers[1]} removed`)),
        expect.stringMatching(new RegExp(`^phone number ${numbers[2]} removed`)),
      ],
    });
    const renamed = { ...back, product: { ...back.product, friendlyName: "Renamed" } };
    const err = (await host
      .update(r.id, held.properties, withProvider(productInputs(renamed)))
      .catch((e) => e)) as HostError;
    expect(err.message).toMatch(/is twilio-approved: .*\(differs: product\)/);

    // Outputs of the format before issue 15 (writes kept, no digest) always differ; held, the
    // update rewrites them in today's format and sends nothing.
    const legacy = { ...held.properties, __provider: "exports.handler = __f0; /* a closure */" };
    delete legacy.digest;
    const hold = withProvider({ ...productInputs(back), mode: "hold", desired: undefined });
    expect((await host.diff(r.id, held.properties, hold)).changes).toBe(1); // DIFF_NONE
    expect((await host.diff(r.id, legacy, hold)).changes).toBe(2); // DIFF_SOME
    const before = (await posts("/")).length;
    const rewritten = await host.update(r.id, legacy, hold);
    expect((await posts("/")).length).toBe(before);
    expect(rewritten.properties.writes).toBeUndefined();
    expect(rewritten.properties.digest).toBe("-");
    expect(rewritten.properties.__provider).toBe(providerText);
    expect(rewritten.properties.record).toEqual(held.properties.record);
  });

  it("updates a rejected product's end user and resubmits it", async () => {
    const [key, p] = Object.entries(profiles)[2]!;
    const d = desiredProduct(key, "a2p-messaging", {
      customerProfileSid: p.sid,
      submit: true,
      companyType: "public",
    });
    // company_type public without stock exchange and ticker: noncompliant, not submitted.
    const first = await host.create(withProvider(productInputs(d)));
    expect(first.properties.evaluation).toBe("noncompliant");
    expect(first.properties.submitted).toBeUndefined();
    const failing = (first.properties.failures as { field: string }[]).map((f) => f.field);
    expect(failing.join(",")).toMatch(/stock_exchange|stock_ticker/);
    const fixed = desiredProduct(key, "a2p-messaging", { customerProfileSid: p.sid, submit: true });
    const up = await host.update(first.id, first.properties, withProvider(productInputs(fixed)));
    expect(up.properties).toMatchObject({
      evaluation: "compliant",
      submitted: true,
      status: "pending-review",
    });
    expect(up.properties.writes[0]).toMatch(/^end user updated \(IT/);
    await sb.control("POST", `/TrustProducts/${first.id}/Reject`);
    const edited = { ...fixed, product: { ...fixed.product, email: "new@example.com" } };
    const again = await host.update(first.id, up.properties, withProvider(productInputs(edited)));
    expect(again.properties.writes).toEqual([
      "trust product updated",
      "submitted for review (pending-review)",
    ]);
  });

  it("refuses to write a product Twilio holds in review, and writes nothing", async () => {
    const [key, p] = Object.entries(profiles)[0]!;
    const d = desiredProduct(key, "shaken-stir", { customerProfileSid: p.sid });
    const r = await host.create(withProvider(productInputs(d)));
    await sb.control("POST", `/TrustProducts/${r.id}/Status`, { status: "in-review" });
    await sb.control("DELETE", "/RequestLog");
    const edited = { ...d, product: { ...d.product, email: "other@example.com" } };
    const err = (await host
      .update(r.id, r.properties, withProvider(productInputs(edited)))
      .catch((e) => e)) as HostError;
    expect(err.message).toMatch(
      /is in-review: Twilio does not allow changes in this status \(differs: product\)/,
    );
    expect(await posts("/v1")).toEqual([]);
  });

  it("adopts a product whose create landed before a crash, instead of creating a second", async () => {
    const [key, p] = Object.entries(profiles)[1]!;
    const d = desiredProduct(key, "a2p-messaging", { customerProfileSid: p.sid });
    // The create reached Trust Hub, the engine never recorded it (killed right after).
    const landed = await c.trusthub.v1.trustProducts.create({
      friendlyName: d.product.friendlyName,
      email: d.product.email,
      policySid: d.product.policySid,
    });
    const r = await host.create(withProvider(productInputs(d)));
    expect(r.id).toBe(landed.sid);
    expect(r.properties.writes).not.toContain(expect.stringMatching(/trust product created/));
    const same = (await c.trusthub.v1.trustProducts.list()).filter(
      (x) => x.friendlyName === d.product.friendlyName,
    );
    expect(same).toHaveLength(1);
  });

  it("reports a partial create with the product id and what exists", async () => {
    const [key] = Object.entries(profiles)[2]!;
    const d = desiredProduct(key, "shaken-stir", { customerProfileSid: `BU${"0".repeat(32)}` });
    const err = (await host.create(withProvider(productInputs(d))).catch((e) => e)) as HostError;
    expect(err.initFailed?.id).toMatch(/^BU/);
    expect(err.initFailed!.properties).toMatchObject({ key: d.key, product: "shaken-stir" });
  });
});

describe("a profile's phone numbers", () => {
  it("are reconciled while the profile is held, draft or approved", async () => {
    for (const p of [draft, Object.values(profiles)[2]!]) await heldNumbers(p);
  });
});

/** A held profile's numbers: assigned, then all removed (Twilio allows both in any status). */
async function heldNumbers(p: { sid: string; props: any }): Promise<void> {
  const key = p.props.key as string;
  const held = { key, kind: "secondary", mode: "hold", phoneNumberSids: numbers.slice(0, 2) };
  const diff = await host.diff(p.sid, p.props, withProvider(held));
  expect(diff.changes).toBe(2); // DIFF_SOME
  const up = await host.update(p.sid, p.props, withProvider(held));
  expect(Object.keys(up.properties.record.channelEndpoints).sort()).toEqual(
    numbers.slice(0, 2).sort(),
  );
  const live = await c.trusthub.v1
    .customerProfiles(p.sid)
    .customerProfilesChannelEndpointAssignment.list();
  expect(live.map((a) => a.channelEndpointSid).sort()).toEqual(numbers.slice(0, 2).sort());
  const none = { ...held, phoneNumberSids: [] };
  expect((await host.diff(p.sid, up.properties, withProvider(held))).changes).toBe(1); // DIFF_NONE
  const cleared = await host.update(p.sid, up.properties, withProvider(none));
  expect(cleared.properties.record.channelEndpoints).toEqual({});
  expect(cleared.properties.profileSid).toBe(p.sid);
}

/**
 * Parent and subaccounts (Twilio's "ISVs using subaccounts" layout): the
 * primary lives in the parent; a subaccount's secondary may assign the
 * parent's primary (and nothing else of the parent's), is evaluated against
 * it, and can be submitted; a subaccount cannot get a primary; an unrelated
 * account's primary stays out of reach. The parent's primary takes the
 * subaccounts' phone numbers (Twilio's guides for direct customers using subaccounts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxControls } from "../../src/emulator/controls-client.ts";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.ts";
import { sdk, sdkError, secondaryBundle, isvPrimary, type Harness } from "./helpers.ts";

const acct = (n: number) => ({
  sid: `AC${String(n).padStart(32, "0")}`,
  token: `token${n}`.padEnd(32, "x"),
});
const PARENT = acct(1);
const SUB = { ...acct(2), parentSid: PARENT.sid };
const OTHER = acct(3);

let em: EmulatorHandle;
const h = (a: { sid: string; token: string }): Harness => ({
  em,
  ...a,
  client: sdk(em.url, a.sid, a.token),
  controls: sandboxControls(em.url, a.sid, a.token),
});
let parentPrimary: string;
let otherPrimary: string;

beforeAll(async () => {
  em = await startEmulator({ accounts: [PARENT, SUB, OTHER] });
  parentPrimary = await isvPrimary(h(PARENT));
  otherPrimary = await isvPrimary(h(OTHER));
});
afterAll(async () => {
  await em.close();
});

describe("subaccounts", () => {
  it("a subaccount secondary assigns the parent's primary, evaluates compliant and is submitted", async () => {
    const sub = h(SUB);
    const b = await secondaryBundle(sub, { attachPrimary: parentPrimary });
    const th = sub.client.trusthub.v1.customerProfiles(b.sid);
    const ev = await th.customerProfilesEvaluations.create({
      policySid: "RNdfbf3fae0e1107f8aded0e7cead80bf5",
    });
    expect(ev.status).toBe("compliant");
    expect((await th.update({ status: "pending-review" })).status).toBe("pending-review");
  });

  it("nothing else of the parent's, and nothing of an unrelated account, can be assigned", async () => {
    const sub = h(SUB);
    const b = await secondaryBundle(sub);
    const parentUsers = await h(PARENT).client.trusthub.v1.endUsers.list();
    const assign = (objectSid: string) =>
      sub.client.trusthub.v1.customerProfiles(b.sid).customerProfilesEntityAssignments.create({
        objectSid,
      });
    expect((await sdkError(assign(parentUsers[0]!.sid))).code).toBe(22205);
    expect((await sdkError(assign(otherPrimary))).code).toBe(22205);
    // The parent's primary is not the unrelated account's: OTHER cannot use PARENT's either.
    const other = h(OTHER);
    const ob = await secondaryBundle(other);
    const err = await sdkError(
      other.client.trusthub.v1
        .customerProfiles(ob.sid)
        .customerProfilesEntityAssignments.create({ objectSid: parentPrimary }),
    );
    expect(err.code).toBe(22205);
  });

  it("a subaccount cannot get a primary; its profiles stay invisible to the parent", async () => {
    const err = await h(SUB)
      .controls.createPrimary({ status: "twilio-approved" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(String(err)).toMatch(/only be created in the parent account/);
    const parentList = await h(PARENT).client.trusthub.v1.customerProfiles.list();
    expect(parentList.map((p) => p.sid)).toEqual([parentPrimary]);
  });

  it("the emulator refuses a parent that is not a listed top-level account", async () => {
    await expect(startEmulator({ accounts: [SUB] })).rejects.toThrow(
      /not a listed top-level account/,
    );
    await expect(
      startEmulator({ accounts: [PARENT, SUB, { ...acct(4), parentSid: SUB.sid }] }),
    ).rejects.toThrow(/not a listed top-level account/);
  });

  it("the parent's primary takes its subaccounts' numbers; an unrelated account's are refused", async () => {
    const [subNumber, otherNumber] = await Promise.all([
      h(SUB).controls.createPhoneNumber(),
      h(OTHER).controls.createPhoneNumber(),
    ]);
    const ca =
      h(PARENT).client.trusthub.v1.customerProfiles(
        parentPrimary,
      ).customerProfilesChannelEndpointAssignment;
    const a = await ca.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: subNumber.sid,
    });
    expect(a.channelEndpointSid).toBe(subNumber.sid);
    const err = await sdkError(
      ca.create({ channelEndpointType: "phone-number", channelEndpointSid: otherNumber.sid }),
    );
    expect([err.status, err.message]).toEqual([
      400,
      `Invalid parameter ChannelEndpointSid: ${otherNumber.sid} is not a phone number of this account`,
    ]);
  });
});

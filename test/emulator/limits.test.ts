/** The emulator refuses a FriendlyName over Twilio's limit with error 20002, as Twilio does. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { harness, isvPrimary, type Harness } from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

const N64 = "n".repeat(63) + "😀"; // 64 characters though 65 UTF-16 units
const N65 = "n".repeat(65);

async function refusal(
  p: Promise<unknown>,
): Promise<{ status: number; code: number; message: string }> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as { status: number; code: number; message: string } | undefined;
  if (e === undefined) throw new Error("expected a refusal");
  return { status: e.status, code: e.code, message: e.message };
}

const TWENTY002 = { status: 400, code: 20002, message: "Invalid FriendlyName" };

describe("FriendlyName limits", () => {
  it("profiles: 64 characters are accepted, 65 are refused with 20002 on create and update", async () => {
    await isvPrimary(h);
    const th = h.client.trusthub.v1;
    const ok = await th.customerProfiles.create({
      friendlyName: N64,
      email: "ops@isv.example",
      policySid: POLICY_SIDS.secondary,
    });
    expect(ok.friendlyName).toBe(N64);
    expect(
      await refusal(
        th.customerProfiles.create({
          friendlyName: N65,
          email: "ops@isv.example",
          policySid: POLICY_SIDS.secondary,
        }),
      ),
    ).toEqual(TWENTY002);
    expect(await refusal(th.customerProfiles(ok.sid).update({ friendlyName: N65 }))).toEqual(
      TWENTY002,
    );
  });

  it("end users, supporting documents and addresses refuse 65 characters", async () => {
    const th = h.client.trusthub.v1;
    expect(
      await refusal(th.endUsers.create({ friendlyName: N65, type: "authorized_representative_1" })),
    ).toEqual(TWENTY002);
    expect(
      await refusal(
        th.supportingDocuments.create({ friendlyName: N65, type: "customer_profile_address" }),
      ),
    ).toEqual(TWENTY002);
    const address = {
      customerName: "Acme",
      street: "1 Main St",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      isoCountry: "US",
    };
    expect((await h.client.addresses.create({ ...address, friendlyName: N64 })).friendlyName).toBe(
      N64,
    );
    expect(await refusal(h.client.addresses.create({ ...address, friendlyName: N65 }))).toEqual(
      TWENTY002,
    );
  });
});

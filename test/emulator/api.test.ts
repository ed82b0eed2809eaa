/** Authentication, account isolation and error bodies. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, raw, REP, sdk, sdkError, type Harness } from "./helpers.ts";

let h: Harness;
let me: { sid: string; token: string };
beforeAll(async () => {
  h = await harness();
  me = { sid: h.sid, token: h.token };
});
afterAll(async () => {
  await h.em.close();
});

const ERROR_KEYS = ["code", "message", "more_info", "status"];

describe("authentication", () => {
  it("answers 401 with Twilio's body without or with wrong credentials", async () => {
    for (const auth of [
      null,
      { sid: h.sid, token: "wrong" },
      { sid: `AC${"9".repeat(32)}`, token: h.token },
    ]) {
      const r = await raw(h.em.url, auth, "GET", "/v1/CustomerProfiles");
      expect(r.status).toBe(401);
      expect(Object.keys(r.body as object).sort()).toEqual([
        "code",
        "detail",
        ...ERROR_KEYS.slice(1),
      ]);
      expect(r.body).toMatchObject({
        code: 20003,
        status: 401,
        more_info: "https://www.twilio.com/docs/errors/20003",
      });
    }
    const garbage = await raw(h.em.url, null, "GET", "/v1/EndUsers", undefined, {
      Authorization: "Basic !!!",
    });
    expect(garbage.status).toBe(401);
  });

  it("accepts an API key (SK + secret) scoped to its account", async () => {
    const key = await h.controls.createApiKey("ci");
    expect(key.sid).toMatch(/^SK[0-9a-f]{32}$/);
    const client = sdk(h.em.url, key.sid, key.secret, { accountSid: h.sid });
    const u = await client.trusthub.v1.endUsers.create({
      type: "authorized_representative_1",
      friendlyName: "k",
      attributes: REP,
    });
    expect(u.accountSid).toBe(h.sid);
    expect(
      (await raw(h.em.url, { sid: key.sid, token: "nope" }, "GET", "/v1/EndUsers")).status,
    ).toBe(401);
  });

  it("keeps accounts isolated", async () => {
    const other = await h.controls.createAccount();
    const mine = await h.client.trusthub.v1.endUsers.create({
      type: "authorized_representative_1",
      friendlyName: "m",
      attributes: REP,
    });
    const client = sdk(h.em.url, other.sid, other.token);
    expect((await sdkError(client.trusthub.v1.endUsers(mine.sid).fetch())).status).toBe(404);
    expect((await client.trusthub.v1.endUsers.list()).map((u) => u.sid)).not.toContain(mine.sid);
    const cross = await raw(h.em.url, other, "GET", `/2010-04-01/Accounts/${h.sid}/Addresses.json`);
    expect(cross.status).toBe(403);
  });
});

describe("errors", () => {
  it("404 with code 20404 and the path without /v1", async () => {
    const sid = `BU${"a".repeat(32)}`;
    const r = await raw(h.em.url, me, "GET", `/v1/CustomerProfiles/${sid}`);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      code: 20404,
      message: `The requested resource /CustomerProfiles/${sid} was not found`,
      more_info: "https://www.twilio.com/docs/errors/20404",
      status: 404,
    });
    expect((await raw(h.em.url, me, "GET", "/v1/Nope")).status).toBe(404);
  });

  it("405 for a wrong method on a known path", async () => {
    const r = await raw(h.em.url, me, "PUT", "/v1/CustomerProfiles", "");
    expect(r.status).toBe(405);
    expect(Object.keys(r.body as object).sort()).toEqual(ERROR_KEYS);
    expect((await raw(h.em.url, me, "DELETE", "/v1/Policies")).status).toBe(405);
  });

  it("400 for missing and invalid parameters, bad SIDs and unparseable Attributes", async () => {
    const post = (path: string, body: string) => raw(h.em.url, me, "POST", path, body);
    const missing = await post("/v1/CustomerProfiles", "FriendlyName=x&Email=y");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain("PolicySid");
    expect(
      (await post("/v1/CustomerProfiles", "FriendlyName=x&Email=y&PolicySid=RN123")).status,
    ).toBe(400);
    expect(
      (await post("/v1/CustomerProfiles", `FriendlyName=x&Email=y&PolicySid=RN${"0".repeat(32)}`))
        .status,
    ).toBe(400);
    expect(
      (
        await post(
          "/v1/EndUsers",
          "FriendlyName=x&Type=authorized_representative_1&Attributes=%7Bnope",
        )
      ).body.code,
    ).toBe(22207);
    expect(
      (
        await post(
          "/v1/EndUsers",
          "FriendlyName=x&Type=authorized_representative_1&Attributes=%5B1%5D",
        )
      ).body.code,
    ).toBe(22207);
    expect((await post("/v1/EndUsers", "FriendlyName=x&Type=nonsense")).status).toBe(400);
    expect((await post("/v1/EndUsers", "FriendlyName=%ZZ")).status).toBe(400);
    const prof = await h.controls.createPrimary({ submit: false });
    const ea = `/v1/CustomerProfiles/${prof.sid}/EntityAssignments`;
    expect((await post(ea, "ObjectSid=IT123")).status).toBe(400);
    expect((await post(ea, `ObjectSid=IT${"0".repeat(32)}`)).body.code).toBe(22205);
    expect((await post(ea, `ObjectSid=XX${"0".repeat(32)}`)).body.code).toBe(22206);
    const ca = `/v1/CustomerProfiles/${prof.sid}/ChannelEndpointAssignments`;
    expect(
      (await post(ca, `ChannelEndpointType=sms&ChannelEndpointSid=PN${"0".repeat(32)}`)).status,
    ).toBe(400);
    const assigned = await post(`/v1/EndUsers/${prof.endUsers["business"]!}`, "");
    expect(assigned.status).toBe(200);
    const del = await raw(h.em.url, me, "DELETE", `/v1/EndUsers/${prof.endUsers["business"]!}`);
    expect([del.status, del.body.code]).toEqual([400, 21644]);
    const addr = `/2010-04-01/Accounts/${h.sid}/Addresses.json`;
    expect(
      (await post(addr, "CustomerName=a&Street=b&City=c&Region=d&PostalCode=e")).body.message,
    ).toContain("IsoCountry");
    expect((await raw(h.em.url, me, "GET", "/v1/CustomerProfiles?Status=bogus")).status).toBe(400);
    expect((await raw(h.em.url, me, "GET", "/v1/CustomerProfiles?PageSize=1001")).status).toBe(400);
    expect((await raw(h.em.url, me, "GET", "/v1/CustomerProfiles?PageToken=PAnope")).status).toBe(
      400,
    );
  });
});

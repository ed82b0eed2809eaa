/** Wire format: auth, isolation, errors, paging, form encoding, dates. */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Params } from "../../src/emulator/params.ts";
import { harness, raw, type RawReply, REP, sdk, sdkError, type Harness } from "./helpers.ts";

let h: Harness;
let me: { sid: string; token: string };
beforeAll(async () => {
  h = await harness();
  me = { sid: h.sid, token: h.token };
});
afterAll(async () => {
  await h.em.close();
});

/** fetch cannot set Host; node:http can. */
function getWithHost(url: string, path: string, host: string): Promise<Pick<RawReply, "body">> {
  return new Promise((resolve, reject) => {
    const auth = Buffer.from(`${me.sid}:${me.token}`).toString("base64");
    const req = request(
      url + path,
      { headers: { Host: host, Authorization: `Basic ${auth}` } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

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

describe("wire format", () => {
  it("decodes + and %20 as spaces and keeps repeated keys", async () => {
    const r = await raw(
      h.em.url,
      me,
      "POST",
      "/v1/EndUsers",
      "FriendlyName=Jane+Q%20Doe&Type=authorized_representative_1",
    );
    expect(r.status).toBe(201);
    expect(r.body.friendly_name).toBe("Jane Q Doe");
    expect(Params.parse("A=1&A=2&B=x+y").all("A")).toEqual(["1", "2"]);
  });

  it("uses ISO dates for v1 and RFC 2822 for 2010, 201/200/204", async () => {
    const u = await raw(
      h.em.url,
      me,
      "POST",
      "/v1/EndUsers",
      "FriendlyName=d&Type=authorized_representative_1",
    );
    expect(u.status).toBe(201);
    expect(u.body.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(u.headers.get("twilio-request-id")).toMatch(/^RQ[0-9a-f]{32}$/);
    const a = await raw(
      h.em.url,
      me,
      "POST",
      `/2010-04-01/Accounts/${h.sid}/Addresses.json`,
      "CustomerName=a&Street=b&City=c&Region=d&PostalCode=e&IsoCountry=US",
    );
    expect(a.status).toBe(201);
    expect(a.body.date_created).toMatch(
      /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/,
    );
    expect(a.body.uri).toBe(`/2010-04-01/Accounts/${h.sid}/Addresses/${a.body.sid}.json`);
    expect(
      (
        await raw(
          h.em.url,
          me,
          "POST",
          `/2010-04-01/Accounts/${h.sid}/Addresses/${a.body.sid}.json`,
          "City=z",
        )
      ).body.city,
    ).toBe("z");
    expect((await raw(h.em.url, me, "DELETE", `/v1/EndUsers/${u.body.sid}`)).status).toBe(204);
  });
});

describe("paging", () => {
  it("builds absolute meta URLs from the Host header, with the right key", async () => {
    for (let i = 0; i < 3; i++)
      await raw(
        h.em.url,
        me,
        "POST",
        "/v1/EndUsers",
        `FriendlyName=p${i}&Type=authorized_representative_1`,
      );
    const r = await getWithHost(h.em.url, "/v1/EndUsers?PageSize=2", "sandbox.test:9999");
    expect(r.body.meta).toMatchObject({
      key: "results",
      page: 0,
      page_size: 2,
      previous_page_url: null,
    });
    expect(r.body.meta.first_page_url).toBe(
      "http://sandbox.test:9999/v1/EndUsers?PageSize=2&Page=0",
    );
    expect(r.body.meta.next_page_url).toMatch(
      /^http:\/\/sandbox\.test:9999\/v1\/EndUsers\?PageSize=2&Page=1&PageToken=PAIT[0-9a-f]{32}$/,
    );
    const next = await raw(
      h.em.url,
      me,
      "GET",
      new URL(r.body.meta.next_page_url as string).pathname +
        new URL(r.body.meta.next_page_url as string).search,
    );
    expect(next.body.results[0].sid).not.toBe(r.body.results[1].sid);
    expect(next.body.meta.previous_page_url).toContain("PageToken=PB");
    // A page token stays valid after the record it names is deleted.
    const lastOfFirst = r.body.results[1].sid as string;
    await raw(h.em.url, me, "DELETE", `/v1/EndUsers/${lastOfFirst}`);
    const after = await raw(
      h.em.url,
      me,
      "GET",
      new URL(r.body.meta.next_page_url as string).pathname +
        new URL(r.body.meta.next_page_url as string).search,
    );
    expect(after.status).toBe(200);
    expect(after.body.results[0].sid).toBe(next.body.results[0].sid);
    expect((await raw(h.em.url, me, "GET", "/v1/EndUserTypes")).body.meta.key).toBe(
      "end_user_types",
    );
    expect((await raw(h.em.url, me, "GET", "/v1/SupportingDocumentTypes")).body.meta.key).toBe(
      "supporting_document_types",
    );
    const def = await raw(h.em.url, me, "GET", "/v1/CustomerProfiles?Status=draft");
    expect(def.body.meta.page_size).toBe(50);
    expect(def.body.meta.url).toContain("/v1/CustomerProfiles?Status=draft&PageSize=50&Page=0");
  });

  it("uses the 2010 shape with relative URIs for Addresses", async () => {
    const path = `/2010-04-01/Accounts/${h.sid}/Addresses.json`;
    for (let i = 0; i < 3; i++)
      await raw(
        h.em.url,
        me,
        "POST",
        path,
        `CustomerName=c${i}&Street=b&City=c&Region=d&PostalCode=e&IsoCountry=US`,
      );
    const r = await raw(h.em.url, me, "GET", `${path}?PageSize=2`);
    expect(r.body).toMatchObject({
      page: 0,
      page_size: 2,
      start: 0,
      end: 1,
      previous_page_uri: null,
    });
    expect(r.body.next_page_uri).toMatch(
      new RegExp(`^${path.replace(/\./g, "\\.")}\\?PageSize=2&Page=1&PageToken=PAAD`),
    );
    const all = await h.client.addresses.list({ pageSize: 2 });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const one = await h.client.addresses.list({ customerName: "c1" });
    expect(one.map((a) => a.customerName)).toEqual(["c1"]);
  });

  it("fetches catalogue types by SID and by machine name, and the seeded policies", async () => {
    const byName = await h.client.trusthub.v1.endUserTypes("authorized_representative_1").fetch();
    expect(byName.sid).toMatch(/^OY[0-9a-f]{32}$/);
    expect((await h.client.trusthub.v1.endUserTypes(byName.sid).fetch()).machineName).toBe(
      "authorized_representative_1",
    );
    const policies = await h.client.trusthub.v1.policies.list();
    expect(policies.map((p) => p.sid)).toEqual(
      expect.arrayContaining([
        "RN6433641899984f951173ef1738c3bdd0",
        "RNffcb02a20420c81caf596ffc44f69712",
        "RNdfbf3fae0e1107f8aded0e7cead80bf5",
        "RN806dd6cd175f314e1f96a9727ee271f4",
      ]),
    );
  });
});

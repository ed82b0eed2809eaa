/** Wire format: form encoding, dates, status codes, paging (v1 and 2010), the catalogue. */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Params } from "../../src/emulator/params.ts";
import { harness, raw, type RawReply, type Harness } from "./helpers.ts";

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

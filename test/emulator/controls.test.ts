/** Sandbox controls: status callbacks, fault injection, the request log. */
import { createServer, type Server } from "node:http";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, isvPrimary, raw, REP, sdk, secondaryBundle, type Harness } from "./helpers.ts";

interface Hit {
  url: string;
  signature: string;
  params: Record<string, string>;
}

/** A webhook receiver that fails the first `failFirst` requests with 500. */
async function receiver(failFirst = 0): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  let seen = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen++;
      if (seen <= failFirst) {
        res.writeHead(500).end();
        return;
      }
      const params = Object.fromEntries(new URLSearchParams(body));
      hits.push({
        url: req.url ?? "",
        signature: String(req.headers["x-twilio-signature"]),
        params,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/status?x=1`, hits, server };
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

describe("status callbacks", () => {
  it("POSTs every status change, signed so validateRequest accepts it, retrying failures", async () => {
    const rx = await receiver(1);
    try {
      const primary = await isvPrimary(h);
      const b = await secondaryBundle(h, { attachPrimary: primary, callback: rx.url });
      await h.client.trusthub.v1.customerProfiles(b.sid).update({ status: "pending-review" });
      await h.controls.reject(b.sid, [18604]);
      await until(() => rx.hits.length >= 3);
      expect(rx.hits.map((x) => x.params["Status"])).toEqual([
        "pending-review",
        "in-review",
        "twilio-rejected",
      ]);
      for (const hit of rx.hits) {
        expect(hit.params).toMatchObject({ AccountSid: h.sid, BundleSid: b.sid });
        expect(twilio.validateRequest(h.token, hit.signature, rx.url, hit.params)).toBe(true);
        expect(twilio.validateRequest("other-token", hit.signature, rx.url, hit.params)).toBe(
          false,
        );
      }
      expect(rx.hits[2]!.params["FailureReason"]).toBe(
        "Unable to verify Authorized representative #1",
      );
      expect(rx.hits[0]!.params["FailureReason"]).toBeUndefined();
      const deliveries = await h.controls.getCallbacks();
      expect(deliveries.find((d) => d.params["Status"] === "pending-review")?.attempts).toBe(2);
    } finally {
      rx.server.close();
    }
  });

  it("a profile rejected at submit gets its evaluation's failure reasons as text", async () => {
    const rx = await receiver(0);
    try {
      const b = await secondaryBundle(h, { callback: rx.url }); // no primary attached
      await h.client.trusthub.v1.customerProfiles(b.sid).update({ status: "pending-review" });
      await until(() => rx.hits.some((x) => x.params["Status"] === "twilio-rejected"));
      const hit = rx.hits.find((x) => x.params["Status"] === "twilio-rejected")!;
      expect(hit.params["FailureReason"]).toBe("Primary customer profile is null");
    } finally {
      rx.server.close();
    }
  });

  it("survives an unreachable callback URL", async () => {
    const primary = await isvPrimary(h);
    const b = await secondaryBundle(h, {
      attachPrimary: primary,
      callback: "http://127.0.0.1:1/nothing",
    });
    await h.client.trusthub.v1.customerProfiles(b.sid).update({ status: "pending-review" });
    await h.controls.approve(b.sid);
    await until(() => false, 300);
    expect((await h.client.trusthub.v1.customerProfiles(b.sid).fetch()).status).toBe(
      "twilio-approved",
    );
  });
});

describe("fault injection", () => {
  it("answers 429 (20429, Retry-After) at rate 1, 5xx at rate 1, and resets", async () => {
    await h.controls.setFaults({ rate429: 1, retryAfterSeconds: 7 });
    const r = await raw(h.em.url, h, "GET", "/v1/CustomerProfiles");
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ code: 20429, status: 429 });
    expect(r.headers.get("retry-after")).toBe("7");
    await h.controls.setFaults({ rate429: 0, rate5xx: 1, status5xx: 503 });
    expect((await raw(h.em.url, h, "GET", "/v1/CustomerProfiles")).status).toBe(503);
    await h.controls.resetFaults();
    expect((await raw(h.em.url, h, "GET", "/v1/CustomerProfiles")).status).toBe(200);
  });

  it("answers 429 above N concurrent requests and adds latency", async () => {
    await h.controls.setFaults({ maxConcurrent: 2, latencyMs: 100 });
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        raw(h.em.url, h, "GET", "/v1/Policies").then((x) => x.status),
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(statuses.filter((s) => s === 429).length).toBe(4);
    expect(statuses.filter((s) => s === 200).length).toBe(2);
    await h.controls.resetFaults();
  });

  it("the SDK's autoRetry gets through a fraction of 429s", async () => {
    await h.controls.setFaults({ rate429: 0.5, seed: 42 });
    const client = sdk(h.em.url, h.sid, h.token, { autoRetry: true, maxRetries: 10 });
    for (let i = 0; i < 5; i++)
      expect((await client.trusthub.v1.policies.list()).length).toBeGreaterThan(0);
    await h.controls.resetFaults();
  });

  it("rejects invalid fault settings", async () => {
    await expect(h.controls.setFaults({ rate429: 2 })).rejects.toMatchObject({ status: 400 });
  });
});

describe("request log", () => {
  it("counts requests by method and path, and resets", async () => {
    await h.controls.resetRequestLog();
    await h.client.trusthub.v1.endUsers.create({
      type: "authorized_representative_1",
      friendlyName: "x",
      attributes: REP,
    });
    await h.client.trusthub.v1.endUsers.list();
    await h.client.trusthub.v1.endUsers.list();
    expect((await h.controls.getRequestLog()).count).toBe(3);
    expect((await h.controls.getRequestLog({ method: "GET", path: "/v1/EndUsers" })).count).toBe(2);
    expect((await h.controls.getRequestLog({ method: "POST", pathPrefix: "/v1/" })).count).toBe(1);
    await h.controls.resetRequestLog();
    expect((await h.controls.getRequestLog()).count).toBe(0);
  });

  it("sandbox controls need the account's credentials", async () => {
    expect((await raw(h.em.url, null, "GET", "/__sandbox/RequestLog")).status).toBe(401);
    expect(
      (await raw(h.em.url, { sid: h.sid, token: "x" }, "POST", "/__sandbox/PrimaryProfiles", "{}"))
        .status,
    ).toBe(401);
  });
});

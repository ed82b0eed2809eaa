/**
 * The HTTP layer under the twilio SDK (src/state/http.ts), through the real
 * SDK client against a tiny server of our own that answers what each case
 * needs: Retry-After is honoured; 429 is retried for every request (Twilio
 * did not carry it out); 5xx and dropped connections are retried only for
 * idempotent requests, never for a create (the apply layer looks before it
 * resends); attempts and total time are bounded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/state/client.ts";
import { isIdempotent, RETRY_POLICY, retryAfterMs } from "../../src/state/http.ts";

interface Hit {
  method: string;
  url: string;
  at: number;
}
let hits: Hit[] = [];
let answer: (n: number, req: IncomingMessage, res: ServerResponse) => void = () => undefined;
const server = createServer((req, res) => {
  hits.push({ method: req.method ?? "", url: req.url ?? "", at: Date.now() });
  req.resume();
  req.on("end", () => answer(hits.length, req, res));
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const SID = `AC${"cd".repeat(16)}`;
const IT = `IT${"ef".repeat(16)}`;
const client = () =>
  createClient(
    { target: { kind: "emulator", url, accountSid: SID }, username: SID, password: "t" },
    { retry: { baseMs: 5 } },
  );
const endUser = JSON.stringify({
  sid: IT,
  friendly_name: "x",
  type: "authorized_representative_1",
  attributes: {},
});
const reply =
  (status: number, body = "{}", headers: Record<string, string> = {}) =>
  (_n: number, _req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(body);
  };
const error = (status: number) =>
  JSON.stringify({ code: status === 429 ? 20429 : 20500, message: "x", status });

describe("retries under the SDK", () => {
  it("429 with Retry-After: waits that long, then sends again", async () => {
    hits = [];
    answer = (n, req, res) =>
      n === 1
        ? reply(429, error(429), { "Retry-After": "1" })(n, req, res)
        : reply(200, endUser)(n, req, res);
    const eu = await client().trusthub.v1.endUsers(IT).fetch();
    expect(eu.sid).toBe(IT);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("429 on a create is sent again (Twilio did not carry it out)", async () => {
    hits = [];
    answer = (n, req, res) =>
      (n <= 2 ? reply(429, error(429), { "Retry-After": "0" }) : reply(201, endUser))(n, req, res);
    const eu = await client().trusthub.v1.endUsers.create({
      friendlyName: "x",
      type: "authorized_representative_1",
    });
    expect(eu.sid).toBe(IT);
    expect(hits.map((h) => h.method)).toEqual(["POST", "POST", "POST"]);
  });

  it("5xx on a read or an update is sent again; on a create it is not", async () => {
    hits = [];
    answer = (n, req, res) => (n <= 2 ? reply(503, error(503)) : reply(200, endUser))(n, req, res);
    await client().trusthub.v1.endUsers(IT).update({ friendlyName: "y" });
    expect(hits).toHaveLength(3);
    hits = [];
    answer = reply(500, error(500));
    await expect(
      client().trusthub.v1.endUsers.create({
        friendlyName: "x",
        type: "authorized_representative_1",
      }),
    ).rejects.toMatchObject({ status: 500 });
    expect(hits).toHaveLength(1);
  });

  it("a dropped connection: a read is sent again, a create is not", async () => {
    hits = [];
    answer = (n, req, res) => (n === 1 ? req.socket.destroy() : reply(200, endUser)(n, req, res));
    await client().trusthub.v1.endUsers(IT).fetch();
    expect(hits).toHaveLength(2);
    hits = [];
    answer = (_n, req) => req.socket.destroy();
    await expect(
      client().trusthub.v1.endUsers.create({
        friendlyName: "x",
        type: "authorized_representative_1",
      }),
    ).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(hits).toHaveLength(1);
  });

  it("attempts are bounded (RETRY_POLICY.attempts sends), then the error surfaces", async () => {
    hits = [];
    answer = reply(503, error(503));
    await expect(client().trusthub.v1.endUsers(IT).fetch()).rejects.toMatchObject({ status: 503 });
    expect(hits).toHaveLength(RETRY_POLICY.attempts);
  });

  it("the total time is bounded too: no send starts after totalMs", async () => {
    hits = [];
    answer = reply(503, error(503));
    const c = createClient(
      { target: { kind: "emulator", url, accountSid: SID }, username: SID, password: "t" },
      { retry: { baseMs: 400, maxDelayMs: 400, totalMs: 300 } },
    );
    await expect(c.trusthub.v1.endUsers(IT).fetch()).rejects.toMatchObject({ status: 503 });
    expect(hits.length).toBeLessThan(RETRY_POLICY.attempts);
    expect(hits.at(-1)!.at - hits[0]!.at).toBeLessThanOrEqual(300 + 100);
  });
});

describe("rules", () => {
  it("idempotent: GET, DELETE and updates; not creates or submits", () => {
    const u = "https://trusthub.twilio.com/v1";
    expect(isIdempotent({ method: "GET", uri: `${u}/EndUsers` })).toBe(true);
    expect(isIdempotent({ method: "DELETE", uri: `${u}/EndUsers/${IT}` })).toBe(true);
    expect(
      isIdempotent({ method: "POST", uri: `${u}/EndUsers/${IT}`, data: { FriendlyName: "x" } }),
    ).toBe(true);
    expect(isIdempotent({ method: "POST", uri: `${u}/EndUsers`, data: {} })).toBe(false);
    // An evaluation only checks the bundle: sending it twice is two records of one check.
    expect(
      isIdempotent({
        method: "POST",
        uri: `${u}/CustomerProfiles/BU${"0".repeat(32)}/Evaluations`,
      }),
    ).toBe(true);
    expect(
      isIdempotent({
        method: "POST",
        uri: `${u}/CustomerProfiles/BU${"0".repeat(32)}/EntityAssignments`,
      }),
    ).toBe(false);
    expect(
      isIdempotent({
        method: "POST",
        uri: `${u}/CustomerProfiles/BU${"0".repeat(32)}`,
        data: { Status: "pending-review" },
      }),
    ).toBe(false);
  });

  it("Retry-After: seconds or an HTTP date, capped", () => {
    expect(retryAfterMs({ "retry-after": "2" })).toBe(2000);
    expect(retryAfterMs({ "retry-after": "99999" })).toBe(60_000);
    expect(retryAfterMs({})).toBeUndefined();
    const d = new Date(Date.now() + 3000).toUTCString();
    expect(retryAfterMs({ "retry-after": d })).toBeGreaterThan(1000);
  });
});

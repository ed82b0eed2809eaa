/**
 * Writes that are not idempotent under the HTTP layer's one retry policy
 * (src/apply/retry.ts): look before sending again, and every send of the
 * write draws on one budget. The first cases are pure (fake writes); the last
 * goes through the real SDK client and HTTP layer against a tiny server of our
 * own and counts what reached it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTransient, sendChecked } from "../../src/apply/retry.ts";
import { createEndUser } from "../../src/apply/writer.ts";
import { createClient } from "../../src/state/client.ts";
import { RETRY_POLICY } from "../../src/state/http.ts";

const http = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });
const net = (code: string) => Object.assign(new Error(code), { code });
const noSleep = { sleep: () => Promise.resolve(), baseMs: 1 };

describe("isTransient", () => {
  it("is true for 5xx, 429 and dropped connections, also as a cause", () => {
    expect([500, 502, 503, 429].map((s) => isTransient(http(s)))).toEqual([true, true, true, true]);
    expect(isTransient(net("ECONNRESET"))).toBe(true);
    expect(isTransient(new Error("wrapped", { cause: http(503) }))).toBe(true);
  });
  it("is false for 4xx answers and plain errors", () => {
    expect([400, 401, 404, 409].map((s) => isTransient(http(s)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isTransient(new Error("boom"))).toBe(false);
  });
});

describe("sendChecked", () => {
  it("looks for what a failed write may have done before sending it again", async () => {
    const calls: string[] = [];
    const sid = await sendChecked(
      () => (calls.push("create"), Promise.reject(http(502))),
      () => (calls.push("find"), Promise.resolve("IT1")),
      noSleep,
    );
    expect(sid).toBe("IT1");
    expect(calls).toEqual(["create", "find"]);
  });

  it("sends the write again only when nothing was made", async () => {
    const calls: string[] = [];
    let first = true;
    const sid = await sendChecked(
      () => {
        calls.push("create");
        if (first) return ((first = false), Promise.reject(net("ECONNRESET")));
        return Promise.resolve("IT2");
      },
      () => (calls.push("find"), Promise.resolve(undefined)),
      noSleep,
    );
    expect(sid).toBe("IT2");
    expect(calls).toEqual(["create", "find", "create"]);
  });

  it("stops at the budget, and never resends after a failure that is not transient", async () => {
    let n = 0;
    const never = () => Promise.resolve(undefined);
    await expect(
      sendChecked(() => (n++, Promise.reject(http(503))), never, { ...noSleep, attempts: 3 }),
    ).rejects.toThrow("HTTP 503");
    expect(n).toBe(3);
    let m = 0;
    await expect(
      sendChecked(() => (m++, Promise.reject(http(400))), never, noSleep),
    ).rejects.toThrow("HTTP 400");
    expect(m).toBe(1);
  });
});

describe("a create through the HTTP layer", () => {
  const sends: string[] = [];
  let url = "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    sends.push(`${req.method} ${req.url?.split("?")[0]}`);
    req.resume();
    req.on("end", () => {
      const posts = sends.filter((s) => s.startsWith("POST")).length;
      res.setHeader("Content-Type", "application/json");
      if (req.method === "GET") {
        // The look: nothing was made.
        const meta = { page: 0, page_size: 1000, key: "results", next_page_url: null, url };
        res.end(JSON.stringify({ results: [], meta }));
      } else if (posts <= 4) {
        res.writeHead(429, { "Retry-After": "0" });
        res.end(JSON.stringify({ code: 20429, message: "Too Many Requests", status: 429 }));
      } else {
        res.writeHead(503);
        res.end(JSON.stringify({ code: 20503, message: "Service Unavailable", status: 503 }));
      }
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("429s, then 503s: the create is sent at most RETRY_POLICY.attempts times in all", async () => {
    const SID = `AC${"cd".repeat(16)}`;
    const c = createClient(
      { target: { kind: "emulator", url, accountSid: SID }, username: SID, password: "t" },
      { retry: { baseMs: 1 } },
    );
    const eu = { slot: "business", type: "t", friendlyName: "x", attributes: {} } as const;
    await expect(createEndUser(c, eu)).rejects.toMatchObject({ status: 503 });
    const posts = sends.filter((s) => s === "POST /v1/EndUsers").length;
    // Before: five create attempts, each up to 8 sends of its own (429s), with a look between.
    // Now: every send of the create (429s included) draws on the one budget.
    expect(posts).toBe(RETRY_POLICY.attempts);
    // Each 503 was followed by one look (a read with a budget of its own) before the next send.
    expect(sends.filter((s) => s === "GET /v1/EndUsers").length).toBeGreaterThanOrEqual(1);
  });
});

/**
 * Malformed or hostile replies from the server: `trusthub plan` (the CLI's own
 * entry point, in-process) against a tiny HTTP server of our own that answers
 * every request badly. Each must end in a clear error naming the request
 * (exit 1), never a crash trace and never a plan. Dropped connections on reads
 * are retried; the plan then succeeds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { EXIT } from "../../src/errors.ts";
import { memoryIo } from "../config/helpers.ts";
import { ISV, ROOT } from "../apply/fixtures.ts";

type Reply = (req: IncomingMessage, res: ServerResponse) => void;
let reply: Reply = () => undefined;
let hits = 0;
const server = createServer((req, res) => {
  hits++;
  reply(req, res);
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const SID = `AC${"ab".repeat(16)}`;
async function plan() {
  const io = memoryIo(ROOT, {
    TRUSTHUB_API_URL: url,
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: "hostile-token",
    TRUSTHUB_DEBUG: "1",
  });
  const code = await run(["node", "trusthub", "plan", ISV], io);
  return { code, out: io.out, err: io.err };
}

const send =
  (status: number, body: string | Buffer, type = "application/json"): Reply =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": type });
    res.end(body);
  };

/** A valid empty page of any list we read (v1 and 2010 shapes). */
const emptyList: Reply = (req, res) => {
  const u = `${url}${req.url}`;
  const body = req.url?.includes("/Addresses.json")
    ? { addresses: [], first_page_uri: req.url, next_page_uri: null, page: 0, page_size: 1000 }
    : {
        results: [],
        meta: {
          page: 0,
          page_size: 1000,
          first_page_url: u,
          previous_page_url: null,
          url: u,
          next_page_url: null,
          key: "results",
        },
      };
  send(200, JSON.stringify(body))(req, res);
};

const REQUEST = /error: GET \/(v1|2010-04-01)\/\S+: /;

describe("a hostile server", () => {
  it.each<[string, Reply, RegExp]>([
    [
      "an HTML error page with 200",
      send(200, "<html><body><h1>Gateway</h1></body></html>", "text/html"),
      /malformed reply|not a list|not the JSON/,
    ],
    [
      "an HTML error page with 404",
      send(404, "<!DOCTYPE html><html>Not here</html>", "text/html"),
      /Trust Hub answered 404/,
    ],
    ["truncated JSON", send(200, '{"results": [{"sid": "BU0123'), /malformed reply|not a list/],
    [
      "wrong types in an item",
      send(
        200,
        JSON.stringify({
          results: [{ sid: 42, status: ["x"], friendly_name: {} }],
          meta: { key: "results", next_page_url: null },
        }),
      ),
      /item 0/,
    ],
    [
      "a list that is not a list",
      send(200, JSON.stringify({ results: "nope", meta: { key: "results" } })),
      /not a list|malformed/,
    ],
    [
      "200 with binary garbage",
      send(200, Buffer.from([0xff, 0x00, 0xfe, 0x7b, 0x5b])),
      /malformed reply|not a list/,
    ],
    ["a JSON number", send(200, "12345"), /malformed reply|not a list/],
    [
      "a body of 40 MB",
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 40; i++) res.write(chunk);
        res.end("{}");
      },
      /too large/,
    ],
  ])(
    "%s: a clear error naming the request, no trace, no plan",
    async (_name, r, why) => {
      reply = r;
      const p = await plan();
      expect(p.code).toBe(EXIT.error);
      expect(p.err).toMatch(REQUEST);
      expect(p.err).toMatch(why);
      expect(p.err).not.toMatch(/internal error|\n\s+at /);
      expect(p.err).not.toContain("hostile-token");
      expect(p.out).toBe("");
    },
    30_000,
  );

  it("dropped connections on reads are retried, then the plan is made", async () => {
    let drops = 0;
    reply = (req, res) => {
      if (drops < 3) {
        drops++;
        req.socket.destroy();
        return;
      }
      emptyList(req, res);
    };
    hits = 0;
    const p = await plan();
    expect(drops).toBe(3);
    expect(p.err).not.toMatch(/internal error/);
    expect(p.out).toMatch(/northwind/);
    expect(hits).toBeGreaterThanOrEqual(4 + 3);
  }, 30_000);
});

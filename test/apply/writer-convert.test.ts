/**
 * Apply reads replies through the one strict converter (src/state/convert.ts),
 * as `plan` does: through the real SDK client against a tiny server of our own
 * that answers malformed replies. Each must be an error naming the request;
 * before, attributes that were not JSON silently became {} and a reply that
 * was not JSON surfaced as a bare parse error.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as w from "../../src/apply/writer.ts";
import { isUserError } from "../../src/errors.ts";
import { createClient } from "../../src/state/client.ts";

let answer: (res: ServerResponse) => void = () => undefined;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => answer(res));
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const SID = `AC${"cd".repeat(16)}`;
const IT = `IT${"ef".repeat(16)}`;
const BU = `BU${"ab".repeat(16)}`;
const client = () =>
  createClient({
    target: { kind: "emulator", url, accountSid: SID },
    username: SID,
    password: "t",
  });
const json = (body: unknown) => (res: ServerResponse) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

async function failure(p: Promise<unknown>): Promise<string> {
  const e: unknown = await p.then(
    () => new Error("did not fail"),
    (x: unknown) => x,
  );
  expect(isUserError(e), String(e)).toBe(true);
  return (e as Error).message;
}

const endUser = {
  sid: IT,
  friendly_name: "x",
  type: "authorized_representative_1",
  date_updated: "2026-01-01T00:00:00Z",
};

describe("apply's replies go through the strict converter", () => {
  it("converts a good reply", async () => {
    answer = json({ ...endUser, attributes: { first_name: "A" } });
    const eu = await w.fetchEndUser(client(), IT);
    expect(eu?.attributes).toEqual({ first_name: "A" });
    expect(eu?.dateUpdated).toBe("2026-01-01T00:00:00Z");
  });

  it("attributes that are not JSON: an error naming the request (no longer {})", async () => {
    answer = json({ ...endUser, attributes: "{not json" });
    expect(await failure(w.fetchEndUser(client(), IT))).toBe(
      `GET /v1/EndUsers/${IT} has attributes that are not JSON (malformed reply)`,
    );
  });

  it("an unknown status or a sid of the wrong kind: an error naming the request", async () => {
    const profile = {
      sid: BU,
      policy_sid: "RN1",
      status: "approved-ish",
      date_updated: "2026-01-01T00:00:00Z",
    };
    answer = json(profile);
    expect(await failure(w.fetchProfile(client(), BU))).toMatch(
      new RegExp(`^GET /v1/CustomerProfiles/${BU} has unknown status "approved-ish"`),
    );
    answer = json({ ...endUser, sid: BU });
    expect(
      await failure(
        w.createEndUser(client(), {
          slot: "business",
          type: "t",
          friendlyName: "x",
          attributes: {},
        }),
      ),
    ).toMatch(/^POST \/v1\/EndUsers has sid "BU.*", not IT/);
  });

  it("a reply that is not JSON at all: an error naming the request", async () => {
    answer = (res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>maintenance</html>");
    };
    expect(await failure(w.fetchEndUser(client(), IT))).toMatch(
      new RegExp(`^GET /v1/EndUsers/${IT}: malformed reply`),
    );
  });
});

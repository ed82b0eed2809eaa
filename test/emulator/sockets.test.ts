/** Raw-socket abuse: garbage request lines, header floods, clients hanging up mid-body. */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, type Harness } from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.em.close();
});

/** Send raw bytes on a socket; resolve with whatever comes back before close (or 300 ms). */
function rawSocket(url: string, bytes: string, hangUp: boolean): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let out = "";
    const sock = connect(Number(port), "127.0.0.1", () => {
      sock.write(bytes);
      if (hangUp) sock.destroy();
    });
    sock.on("data", (c: Buffer) => (out += c.toString()));
    sock.on("error", () => undefined);
    sock.on("close", () => resolve(out));
    setTimeout(() => {
      sock.destroy();
      resolve(out);
    }, 300);
  });
}

describe("socket abuse", () => {
  it("survives garbage on the socket, header floods and clients hanging up mid-body", async () => {
    const auth = `Authorization: Basic ${Buffer.from(`${h.sid}:${h.token}`).toString("base64")}\r\n`;
    const cases: [string, boolean][] = [
      ["GARBAGE\r\n\r\n", false],
      ["GET /v1/EndUsers HTTP/9.9\r\n\r\n", false],
      [`GET /v1/EndUsers HTTP/1.1\r\nHost: x\r\n${"X-Big: " + "a".repeat(70_000)}\r\n\r\n`, false],
      [
        `POST /v1/EndUsers HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 500\r\n\r\nFriendlyName=a`,
        true,
      ],
      [
        `POST /v1/EndUsers HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n`,
        false,
      ],
      [`POST /v1/EndUsers HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 10\r\n\r\n`, true],
    ];
    for (const [bytes, hangUp] of cases) {
      const reply = await rawSocket(h.em.url, bytes, hangUp);
      if (!hangUp) expect(reply).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    const ok = await fetch(`${h.em.url}/v1/Policies`, {
      headers: { Authorization: `Basic ${Buffer.from(`${h.sid}:${h.token}`).toString("base64")}` },
    });
    expect(ok.status).toBe(200);
  });

  it("records no internal errors", async () => {
    expect((await h.controls.stats())["internalErrors"]).toEqual([]);
  });
});

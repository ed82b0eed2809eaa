/** Retry rules of apply (pure; the fault-injection tests against the emulator are in provider.test.ts). */
import { describe, expect, it } from "vitest";
import { createChecked, isTransient, withRetries } from "../../src/apply/retry.ts";

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

describe("withRetries", () => {
  it("retries transient failures up to the limit, not others", async () => {
    let n = 0;
    await expect(
      withRetries(() => Promise.reject(http(500 + n++)), { ...noSleep, attempts: 3 }),
    ).rejects.toThrow();
    expect(n).toBe(3);
    let m = 0;
    await expect(withRetries(() => Promise.reject(http(400 + 0 * m++)), noSleep)).rejects.toThrow(
      "HTTP 400",
    );
    expect(m).toBe(1);
  });
});

describe("createChecked", () => {
  it("looks for what a failed create may have made before sending it again", async () => {
    const calls: string[] = [];
    const sid = await createChecked(
      () => (calls.push("create"), Promise.reject(http(502))),
      () => (calls.push("find"), Promise.resolve("IT1")),
      noSleep,
    );
    expect(sid).toBe("IT1");
    expect(calls).toEqual(["create", "find"]);
  });

  it("sends the create again only when nothing was made", async () => {
    const calls: string[] = [];
    let first = true;
    const sid = await createChecked(
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
});

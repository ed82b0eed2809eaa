import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.ts";
import { resolveTarget } from "../../src/state/target.ts";

const SID = "AC0123456789abcdef0123456789abcdef";

async function fails(env: Record<string, string>): Promise<Error> {
  const e = await resolveTarget(env, "/nonexistent").catch((x: unknown) => x);
  expect(isUserError(e)).toBe(true);
  return e as Error;
}

describe("resolveTarget", () => {
  it("auth token: Twilio itself", async () => {
    const { conn } = await resolveTarget(
      { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "tok" },
      "/",
    );
    expect(conn).toEqual({
      target: { kind: "twilio", url: "https://trusthub.twilio.com", accountSid: SID },
      username: SID,
      password: "tok",
    });
  });

  it("API key and secret, pointed at an emulator", async () => {
    const { conn } = await resolveTarget(
      {
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_API_KEY: "SKkey",
        TWILIO_API_SECRET: "sec",
        TRUSTHUB_API_URL: "http://127.0.0.1:4010/",
      },
      "/",
    );
    expect(conn.target).toEqual({
      kind: "emulator",
      url: "http://127.0.0.1:4010",
      accountSid: SID,
    });
    expect([conn.username, conn.password]).toEqual(["SKkey", "sec"]);
  });

  it("incomplete credentials name the missing variable, never a value", async () => {
    expect((await fails({ TWILIO_AUTH_TOKEN: "secret-canary" })).message).toMatch(
      /TWILIO_ACCOUNT_SID is not set/,
    );
    expect((await fails({ TWILIO_ACCOUNT_SID: SID })).message).toMatch(
      /TWILIO_AUTH_TOKEN is not set/,
    );
    expect((await fails({ TWILIO_ACCOUNT_SID: SID, TWILIO_API_KEY: "SK" })).message).toMatch(
      /TWILIO_API_SECRET is not set/,
    );
    expect(
      (await fails({ TWILIO_ACCOUNT_SID: "nope", TWILIO_AUTH_TOKEN: "secret-canary" })).message,
    ).not.toContain("secret-canary");
    expect((await fails({ TRUSTHUB_API_URL: "http://x" })).message).toMatch(/no credentials/);
    expect(
      (
        await fails({
          TWILIO_ACCOUNT_SID: SID,
          TWILIO_AUTH_TOKEN: "t",
          TRUSTHUB_API_URL: "ftp://x",
        })
      ).message,
    ).toMatch(/http/);
  });

  it("no credentials: the embedded sandbox, persisted under .trusthub/", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-target-"));
    const t = await resolveTarget({}, cwd);
    try {
      expect(t.conn.target.kind).toBe("sandbox");
      expect(t.conn.target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(t.conn.username).toBe(t.conn.target.accountSid);
    } finally {
      await t.close();
    }
    expect(existsSync(join(cwd, ".trusthub", "sandbox.json"))).toBe(true);
  });
});

import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.ts";
import { PROVIDER_ENV, providerConnection, resolveTargetSpec } from "../../src/state/target.ts";
import { describeTarget, openTarget } from "../../src/workflow/target.ts";

const SID = "AC0123456789abcdef0123456789abcdef";

function fails(env: Record<string, string>, f = resolveTargetSpec as (e: typeof env) => unknown) {
  let err: unknown;
  try {
    f(env);
  } catch (e) {
    err = e;
  }
  expect(isUserError(err)).toBe(true);
  return err as Error;
}

describe("resolveTargetSpec", () => {
  it("auth token: Twilio itself", () => {
    expect(resolveTargetSpec({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "tok" })).toEqual({
      kind: "remote",
      conn: {
        target: { kind: "twilio", url: "https://trusthub.twilio.com", accountSid: SID },
        username: SID,
        password: "tok",
      },
    });
  });

  it("API key and secret, pointed at an emulator", () => {
    const spec = resolveTargetSpec({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_API_KEY: "SKkey",
      TWILIO_API_SECRET: "sec",
      TRUSTHUB_API_URL: "http://127.0.0.1:4010/",
    });
    if (spec.kind !== "remote") throw new Error("expected a connection");
    expect(spec.conn.target).toEqual({
      kind: "emulator",
      url: "http://127.0.0.1:4010",
      accountSid: SID,
    });
    expect([spec.conn.username, spec.conn.password]).toEqual(["SKkey", "sec"]);
  });

  it("no credentials: the embedded sandbox (a declared account by name)", () => {
    expect(resolveTargetSpec({})).toEqual({ kind: "sandbox" });
    expect(resolveTargetSpec({ TRUSTHUB_SANDBOX_ACCOUNT: "eu" })).toEqual({
      kind: "sandbox",
      account: "eu",
    });
  });

  it("incomplete credentials name the missing variable, never a value", () => {
    expect(fails({ TWILIO_AUTH_TOKEN: "secret-canary" }).message).toMatch(
      /TWILIO_ACCOUNT_SID is not set/,
    );
    expect(fails({ TWILIO_ACCOUNT_SID: SID }).message).toMatch(/TWILIO_AUTH_TOKEN is not set/);
    expect(fails({ TWILIO_ACCOUNT_SID: SID, TWILIO_API_KEY: "SK" }).message).toMatch(
      /TWILIO_API_SECRET is not set/,
    );
    expect(fails({ TWILIO_API_KEY: "SK", TWILIO_API_SECRET: "x" }).message).toMatch(
      /TWILIO_ACCOUNT_SID is not set/,
    );
    expect(
      fails({ TWILIO_ACCOUNT_SID: "nope", TWILIO_AUTH_TOKEN: "secret-canary" }).message,
    ).not.toContain("secret-canary");
  });

  it("conflicting settings are refused, never resolved one way", () => {
    const creds = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "secret-canary" };
    const both = fails({ ...creds, TWILIO_API_KEY: "SKkey", TWILIO_API_SECRET: "sec" });
    expect(both.message).toMatch(/both TWILIO_AUTH_TOKEN and an API key/);
    expect(both.message).not.toContain("secret-canary");
    expect(fails({ TRUSTHUB_API_URL: "http://x" }).message).toMatch(/no credentials/);
    expect(fails({ ...creds, TRUSTHUB_API_URL: "ftp://x" }).message).toMatch(/http or https/);
    expect(fails({ ...creds, TRUSTHUB_API_URL: "not a url" }).message).toMatch(/not a URL/);
    const userinfo = fails({ ...creds, TRUSTHUB_API_URL: "http://u:secret-canary@h:1" });
    expect(userinfo.message).toMatch(/user or password/);
    expect(userinfo.message).not.toContain("secret-canary");
    expect(fails({ ...creds, TRUSTHUB_API_URL: "http://h:1/?x=1" }).message).toMatch(/base URL/);
    expect(fails({ ...creds, TRUSTHUB_SANDBOX_ACCOUNT: "eu" }).message).toMatch(
      /TRUSTHUB_SANDBOX_ACCOUNT .* credentials are set too/,
    );
  });
});

describe("providerConnection: the provider process resolves the same way", () => {
  it("honours TRUSTHUB_API_URL when run through Pulumi.yaml (no hand-off)", () => {
    const conn = providerConnection({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: "tok",
      TRUSTHUB_API_URL: "http://127.0.0.1:4010",
    });
    expect(conn.target).toEqual({
      kind: "emulator",
      url: "http://127.0.0.1:4010",
      accountSid: SID,
    });
  });

  it("apply's hand-off wins; half a hand-off and no credentials are refused", () => {
    const handOff = {
      [PROVIDER_ENV.kind]: "sandbox",
      [PROVIDER_ENV.url]: "http://127.0.0.1:9",
      [PROVIDER_ENV.accountSid]: SID,
      [PROVIDER_ENV.username]: SID,
      [PROVIDER_ENV.password]: "tok",
    };
    expect(providerConnection({ ...handOff, TWILIO_ACCOUNT_SID: SID }).target.kind).toBe("sandbox");
    const { [PROVIDER_ENV.password]: _gone, ...half } = handOff;
    void _gone;
    expect(fails(half, providerConnection).message).toMatch(/hand-off is incomplete/);
    expect(fails({}, providerConnection).message).toMatch(/provider has no credentials/);
  });
});

describe("openTarget", () => {
  it("no credentials: the embedded sandbox, persisted under .trusthub/", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-target-"));
    const t = await openTarget({}, cwd);
    try {
      expect(t.conn.target.kind).toBe("sandbox");
      expect(t.conn.target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(t.conn.username).toBe(t.conn.target.accountSid);
      expect(describeTarget(t.conn.target, {}, cwd)).toBe(
        `Target: embedded sandbox .trusthub/sandbox.json (account ${t.conn.target.accountSid}); ` +
          `state: stack sandbox in file://${cwd}/.trusthub/state`,
      );
    } finally {
      await t.close();
    }
    expect(existsSync(join(cwd, ".trusthub", "sandbox.json"))).toBe(true);
  });

  it("the sandbox only when asked for (status, import), never for Pulumi.yaml; nothing created", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-target-"));
    await expect(openTarget({}, cwd, { sandbox: "explicit" })).rejects.toThrow(/--sandbox/);
    await expect(openTarget({}, cwd, { sandbox: "never", command: "X" })).rejects.toThrow(
      /X cannot use the embedded sandbox/,
    );
    const creds = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "tok" };
    await expect(
      openTarget(creds, cwd, { sandbox: "explicit", sandboxRequested: true }),
    ).rejects.toThrow(/--sandbox asks for the embedded sandbox, but Twilio credentials are set/);
    expect(existsSync(join(cwd, ".trusthub"))).toBe(false);
  });
});

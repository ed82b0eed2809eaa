/**
 * Several accounts: grouping documents by their `account` block, the rules
 * that run per account, the schema of the block, and the environment one
 * account's commands run with (state/account-env.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAccounts, loadConfig } from "../../src/config/index.ts";
import { accountEnv } from "../../src/state/account-env.ts";
import type { AccountRef } from "../../src/model/config.ts";
import { REPO, tempDir } from "./helpers.ts";

const brands = readFileSync(path.join(REPO, "examples/isv/brands.yaml"), "utf8");
const primary = readFileSync(path.join(REPO, "examples/isv/primary.yaml"), "utf8");

const account = (name: string, sid = `${name.toUpperCase()}_SID`) =>
  `account:\n  name: ${name}\n  accountSidEnv: ${sid}\n  authTokenEnv: ${name.toUpperCase()}_TOKEN\n`;
const under = (text: string, block: string) =>
  text.replace(/^version: 1\n/m, `version: 1\n${block}`);
const opts = { env: {}, cwd: REPO, now: new Date("2026-06-01T00:00:00Z") };

describe("loading several accounts", () => {
  it("groups documents by account; keys are unique per account, not across", async () => {
    const dir = tempDir({
      "a-default.yaml": primary,
      "b-default.yaml": brands,
      "c-prod.yaml": under(primary, account("prod")),
      "d-prod.yaml": under(brands, account("prod")),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.accounts!.map((a) => [a.account.name, a.config.secondaries.length])).toEqual([
      ["default", 3],
      ["prod", 3],
    ]);
    expect(r.accounts![1]!.account).toMatchObject({
      accountSidEnv: "PROD_SID",
      authTokenEnv: "PROD_TOKEN",
      source: { file: expect.stringMatching(/c-prod\.yaml$/) as unknown, line: 8 },
    });
    expect(r.accounts![1]!.config.files.map((f) => path.basename(f))).toEqual([
      "c-prod.yaml",
      "d-prod.yaml",
    ]);
    const one = await loadConfig([dir], opts);
    expect(one.config).toBeUndefined();
    expect(one.diagnostics.at(-1)?.code).toBe("config/several-accounts");
  });

  it("rules still run within an account", async () => {
    const dir = tempDir({
      "a.yaml": under(brands, account("prod")),
      "b.yaml": under(brands, account("prod")),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.accounts).toBeUndefined();
    expect(r.diagnostics.some((d) => d.code === "rule/duplicate-key")).toBe(true);
  });

  it("an account declared differently, or two accounts reading one SID variable, are errors", async () => {
    const dir = tempDir({
      "a.yaml": under(primary, account("prod")),
      "b.yaml": under(brands, account("prod", "OTHER_SID")),
      "c.yaml": under(brands, account("staging", "PROD_SID")),
    });
    const r = await loadAccounts([dir], opts);
    const codes = r.diagnostics.map((d) => `${d.code} ${path.basename(d.file ?? "")}:${d.line}`);
    expect(codes).toContain("rule/conflicting-account b.yaml:8");
    expect(codes).toContain("rule/shared-account-env c.yaml:7");
  });

  it("the schema checks the block: name pattern (not `default`), variable names", async () => {
    const dir = tempDir({
      "a.yaml": under(brands, "account:\n  name: default\n  accountSidEnv: 1BAD\n"),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}`).sort()).toEqual([
      "schema/pattern /account/accountSidEnv",
      "schema/pattern /account/name",
    ]);
  });
});

describe("accountEnv", () => {
  const prod: AccountRef = {
    name: "prod",
    accountSidEnv: "PROD_SID",
    authTokenEnv: "PROD_TOKEN",
    apiUrlEnv: "PROD_URL",
    source: { file: "a.yaml", line: 1, column: 1 },
  };
  const sid = `AC${"1".repeat(32)}`;

  it("maps the declared names onto the standard ones and drops the default account's", () => {
    const env = accountEnv(
      {
        TWILIO_ACCOUNT_SID: `AC${"2".repeat(32)}`,
        TWILIO_AUTH_TOKEN: "default-token",
        TRUSTHUB_STACK: "mine",
        PROD_SID: sid,
        PROD_TOKEN: "prod-token",
        PROD_URL: "http://127.0.0.1:1",
      },
      prod,
    );
    expect([env["TWILIO_ACCOUNT_SID"], env["TWILIO_AUTH_TOKEN"], env["TRUSTHUB_API_URL"]]).toEqual([
      sid,
      "prod-token",
      "http://127.0.0.1:1",
    ]);
    expect(env["TRUSTHUB_STACK"]).toBeUndefined();
  });

  it("names the missing variable, never a value", () => {
    expect(() => accountEnv({ PROD_SID: sid, TWILIO_AUTH_TOKEN: "x" }, prod)).toThrow(
      "account prod: PROD_TOKEN is not set",
    );
  });

  it("without any credentials, a declared account is its own sandbox account and stack", () => {
    const env = accountEnv({}, prod);
    expect([env["TRUSTHUB_SANDBOX_ACCOUNT"], env["TRUSTHUB_STACK"]]).toEqual([
      "prod",
      "sandbox-prod",
    ]);
  });

  it("leaves the default account's environment alone", () => {
    const env = { TWILIO_ACCOUNT_SID: sid };
    expect(accountEnv(env, { name: "default" })).toBe(env);
  });
});

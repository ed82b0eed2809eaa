/**
 * apply's pre-flight through the CLI (in-process, an emulator as Trust Hub):
 * a missing passphrase, a missing Pulumi CLI, a state backend that cannot be
 * created and refused credentials each stop apply before any plan is printed
 * and before any request beyond the one credential check.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { EXIT } from "../../src/errors.ts";
import { memoryIo } from "../helpers/io.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { isvCopy } from "./cli.ts";

let a: EmulatorAccount;
let dir: string;
/** A directory holding a `pulumi` file: enough for the finder (nothing here runs it). */
let fakeBin: string;

beforeAll(async () => {
  a = await startAccount();
  dir = isvCopy();
  fakeBin = mkdtempSync(join(tmpdir(), "trusthub-fakebin-"));
  writeFileSync(join(fakeBin, "pulumi"), "#!/bin/sh\necho v3.276.0\n", { mode: 0o755 });
});
afterAll(() => a.emu.close());

async function apply(env: Record<string, string>, config = dir) {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-preflight-"));
  await a.controls.resetRequestLog();
  const io = memoryIo(cwd, env);
  const code = await run(["node", "trusthub", "apply", config, "--auto-approve"], io);
  const requests = (await a.controls.getRequestLog()).requests.map((r) => `${r.method} ${r.path}`);
  return { code, out: io.out, err: io.err, requests };
}

const ok = () => ({
  ...a.env,
  PULUMI_CONFIG_PASSPHRASE: "pass",
  TRUSTHUB_PULUMI_BIN: fakeBin,
});

describe("apply pre-flight: failures come before the plan", () => {
  it("no passphrase", async () => {
    const { PULUMI_CONFIG_PASSPHRASE: _p, ...env } = ok();
    void _p;
    const r = await apply(env);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/PULUMI_CONFIG_PASSPHRASE is not set/);
    expect(r.out).not.toContain("Trust Hub plan");
    expect(r.requests).toEqual([]);
  });

  it("no Pulumi CLI", async () => {
    const r = await apply({ ...ok(), TRUSTHUB_PULUMI_BIN: join(fakeBin, "nope") });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/holds no pulumi binary/);
    expect(r.out).not.toContain("Trust Hub plan");
    expect(r.requests).toEqual([]);
  });

  it("a file backend that cannot be created", async () => {
    const file = join(fakeBin, "pulumi");
    const r = await apply({ ...ok(), PULUMI_BACKEND_URL: pathToFileURL(join(file, "state")).href });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/the Pulumi state directory .* cannot be created \(ENOTDIR\)/);
    expect(r.out).not.toContain("Trust Hub plan");
    expect(r.requests).toEqual([]);
  });

  it("refused credentials: one request, then an error naming the variables", async () => {
    const r = await apply({ ...ok(), TWILIO_AUTH_TOKEN: "wrong-token-canary" });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(
      /refused the credentials \(HTTP 401\): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/,
    );
    expect(r.err).not.toContain("wrong-token-canary");
    expect(r.out).not.toContain("Trust Hub plan");
    expect(r.requests).toEqual(["GET /v1/CustomerProfiles"]);
  });

  it("refused credentials of a declared account: the error names that account's variables", async () => {
    const declared = isvCopy();
    for (const f of ["primary.yaml", "brands.yaml"]) {
      const account =
        "version: 1\naccount:\n  name: prod\n  accountSidEnv: PROD_SID\n" +
        "  authTokenEnv: PROD_TOKEN\n  apiUrlEnv: PROD_URL\n";
      const file = join(declared, f);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^version: 1\n/m, account));
    }
    const { TWILIO_ACCOUNT_SID: sid, TRUSTHUB_API_URL: url } = a.env;
    const r = await apply(
      {
        PULUMI_CONFIG_PASSPHRASE: "pass",
        TRUSTHUB_PULUMI_BIN: fakeBin,
        PROD_SID: sid!,
        PROD_TOKEN: "wrong-token-canary",
        PROD_URL: url!,
      },
      declared,
    );
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/check PROD_SID and PROD_TOKEN \(account prod\)/);
    expect(r.err).not.toContain("wrong-token-canary");
    expect(r.requests).toEqual(["GET /v1/CustomerProfiles"]);
  });

  it("conflicting target settings: refused before any request", async () => {
    const r = await apply({ ...ok(), TWILIO_API_KEY: "SKx", TWILIO_API_SECRET: "secret-canary" });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/both TWILIO_AUTH_TOKEN and an API key/);
    expect(r.err).not.toContain("secret-canary");
    expect(r.out).toBe("");
    expect(r.requests).toEqual([]);
  });

  it("all well: the plan is printed", async () => {
    const r = await apply(ok());
    expect(r.out).toMatch(
      /^Target: emulator http:\S+ \(account AC\w+\); state: stack AC\w+ in file:/,
    );
    expect(r.out).toContain("Trust Hub plan");
    expect(r.requests[0]).toBe("GET /v1/CustomerProfiles");
  });
});

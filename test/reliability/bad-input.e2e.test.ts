/**
 * Bad input never reaches Trust Hub: every malformed config under
 * test/fixtures/invalid (at least 100) makes `plan` and `apply
 * --auto-approve` fail with file:line:col and exit 1, and the emulator's
 * request log stays empty. The commands run in-process through the CLI's own
 * entry point (`run`, argv as typed) for all fixtures, and as real child
 * processes for a sample. Personal values written in a fixture never appear
 * in the printed diagnostics (masked on the source line).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.ts";
import { sandboxControls, type SandboxControls } from "../../src/emulator/controls-client.ts";
import { EXIT } from "../../src/errors.ts";
import { INVALID, invalidFixtures, memoryIo } from "../config/helpers.ts";
import { runCli } from "../apply/cli.ts";

const { cases, env: fixtureEnv } = invalidFixtures();

let emu: EmulatorHandle;
let ctl: SandboxControls;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({});
  const a = emu.accounts[0]!;
  ctl = sandboxControls(emu.url, a.sid, a.token);
  env = {
    ...fixtureEnv,
    TRUSTHUB_API_URL: emu.url,
    TWILIO_ACCOUNT_SID: a.sid,
    TWILIO_AUTH_TOKEN: a.token,
    PULUMI_CONFIG_PASSPHRASE: "bad-input",
    TRUSTHUB_DEBUG: "1",
  };
});

afterAll(async () => {
  await emu?.close();
});

async function requestCount(): Promise<number> {
  return ((await ctl.getRequestLog()) as { count: number }).count;
}

it("there are at least 100 malformed configs", () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
});

describe.each(["plan", "apply"] as const)("%s of a malformed config", (command) => {
  it.each(cases)("%s: file:line:col, exit 1, no request", async (name, want) => {
    const io = memoryIo(INVALID, env);
    const args = command === "apply" ? ["apply", name, "--auto-approve"] : ["plan", name];
    expect(await run(["node", "trusthub", ...args], io)).toBe(EXIT.error);
    expect(io.err).toContain(`${want.file}:${want.line}:${want.column}: error ${want.code}: `);
    expect(io.err).toContain("nothing was read from Trust Hub");
    expect(io.err).not.toMatch(/internal error|\n\s+at /);
    expect(await requestCount()).toBe(0);
  });
});

it("as real processes too (a sample): exit 1, position, no request", async () => {
  const sample = cases.filter((_, i) => i % 20 === 0);
  for (const [name, want] of sample) {
    const r = await runCli(["apply", name, "--auto-approve"], INVALID, env);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain(`${want.file}:${want.line}:${want.column}: error ${want.code}: `);
  }
  expect(await requestCount()).toBe(0);
}, 120_000);

it("a personal value written in the YAML is masked on the printed source line", async () => {
  const io = memoryIo(INVALID, env);
  expect(await run(["node", "trusthub", "plan", "email-space.yaml"], io)).toBe(EXIT.error);
  expect(io.err).toMatch(/email-space\.yaml:\d+:\d+: error /);
  expect(io.err).toMatch(/\| +email: \*{8}\n/); // a fixed-width mask: not even the length shows
  expect(io.err).toContain("^");
  expect(io.err).not.toContain("avery @acme.example");
});

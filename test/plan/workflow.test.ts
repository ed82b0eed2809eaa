import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import { startAccount } from "../helpers/emulator.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { isUserError } from "../../src/errors.ts";
import { preparePlan } from "../../src/workflow/plan.ts";

let emu: EmulatorHandle;
let env: Record<string, string>;
let controls: SandboxControls;
const root = join(import.meta.dirname, "../..");

beforeAll(async () => {
  ({ emu, env, controls } = await startAccount());
});
afterAll(() => emu.close());

describe("preparePlan", () => {
  it("plans examples/isv against a fresh emulator account", async () => {
    const p = await preparePlan({
      paths: ["examples/isv"],
      env,
      cwd: root,
      readManaged: () => Promise.resolve({}),
    });
    await p.close();
    expect(p.plan.target).toEqual({
      kind: "emulator",
      url: emu.url,
      accountSid: env["TWILIO_ACCOUNT_SID"],
    });
    expect(p.plan.actions[0]).toMatchObject({ kind: "primary-business", action: "blocked" });
    expect(p.plan.actions[0]!.consoleSteps.length).toBeGreaterThan(0);
  });

  it("an invalid config fails with its diagnostics and sends nothing to Trust Hub", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-wf-"));
    writeFileSync(join(dir, "trusthub.yaml"), "version: 1\nsecondaries:\n  - key: 3\n");
    await controls.resetRequestLog();
    const err = await preparePlan({ paths: [], env, cwd: dir }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/configuration is invalid[\s\S]*trusthub\.yaml:3:/);
    expect((await controls.getRequestLog()).count).toBe(0);
  });
});

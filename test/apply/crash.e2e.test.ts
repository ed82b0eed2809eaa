/**
 * Crash safety with the real engine: `trusthub apply` killed with SIGKILL in
 * the middle of creating bundles leaves no provider running, and a re-run ends
 * with exactly one profile and one of each object per declared profile (the
 * stale lock is cleared, half-built bundles are adopted and completed).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { EXIT } from "../../src/errors.ts";
import { startAccount } from "../helpers/emulator.ts";
import { editYaml, isvCopy, runCli, startCli } from "./cli.ts";

let emu: EmulatorHandle;
let ctl: SandboxControls;
let env: Record<string, string>;
let posts = 0;

beforeAll(async () => {
  const a = await startAccount({
    onExchange: (e) =>
      void (e.method === "POST" && e.path.startsWith("/v1/EndUsers") && (posts += 1)),
  });
  ({ emu, controls: ctl } = a);
  await ctl.createPrimary({
    friendlyName: "Northwind Messaging primary",
    status: "twilio-approved",
  });
  env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "crash-passphrase" };
});

afterAll(async () => {
  await emu?.close();
});

/** Provider processes serving this test's emulator (found by their environment; Linux /proc). */
function providersAlive(): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return ps
    .split("\n")
    .filter((l) => l.includes("dynamic-provider"))
    .map((l) => l.trim().split(/\s+/)[0]!)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "utf8").includes(
          `TRUSTHUB_PROVIDER_URL=${emu.url}`,
        );
      } catch {
        return false;
      }
    });
}

it("a re-run after kill -9 mid-create ends with exactly one of everything", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-crash-"));
  const dir = isvCopy();
  editYaml(
    dir,
    "brands.yaml",
    "submit: false # still collecting documents: keep it a draft",
    "submit: true",
  );
  await ctl.setFaults({ latencyMs: 150 });
  const run = startCli(["apply", dir, "--auto-approve"], cwd, env);
  const t0 = Date.now();
  while (posts < 2 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
  expect(posts).toBeGreaterThanOrEqual(2); // killed while end users were being created
  process.kill(run.pid, "SIGKILL");
  await run.done;
  await new Promise((r) => setTimeout(r, 1500));
  expect(providersAlive()).toEqual([]); // no provider left writing
  await ctl.resetFaults();

  const again = await runCli(["apply", dir, "--auto-approve"], cwd, env);
  expect(again.code).toBe(EXIT.ok);
  expect(again.stdout).toMatch(/0 failed/);
  // 1 primary (2 end users) + 3 secondaries (3 end users each): nothing duplicated.
  expect(await ctl.stats()).toMatchObject({
    profiles: 4,
    endUsers: 2 + 9,
    documents: 4,
    addresses: 4,
  });
  const third = await runCli(["apply", dir, "--auto-approve"], cwd, env);
  // Nothing left to write; the approved primary the sandbox made differs from the YAML (exit 8).
  expect(third.stdout).toContain("No Pulumi update was run");
  expect(third.stdout).toMatch(
    /1 profile differs from the YAML but Twilio made it immutable \(northwind\)/,
  );
  expect(third.code).toBe(EXIT.immutableDrift);
});

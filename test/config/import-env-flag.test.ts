/**
 * Issue 16 item 12, through the real CLI on Node 24 (a child process, since
 * the bug is Node reading `--env-file` from the argument list before the
 * script runs): `import --env-out FILE` writes the env file; the old
 * `--env-file` with an existing file is refused with the new flag's name.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { REPO } from "./helpers.ts";

const NODE = join(REPO, "node_modules/.bin/node");
const BIN = join(REPO, "bin/trusthub.js");
let account: EmulatorAccount;

beforeAll(async () => {
  account = await startAccount();
});
afterAll(() => account.emu.close());

/** Asynchronous: the emulator answers from this process's event loop. */
function trusthub(args: string[], cwd: string) {
  const env = { PATH: process.env["PATH"] ?? "", HOME: cwd, ...account.env };
  return new Promise<{ status: number; stderr: string }>((resolve) => {
    execFile(NODE, [BIN, ...args], { cwd, env, timeout: 60_000 }, (e, _out, stderr) => {
      resolve({ status: e ? Number(e.code ?? 1) : 0, stderr });
    });
  });
}

describe("trusthub import --env-out (real CLI, Node 24)", () => {
  it("writes the personal values to the named file", async () => {
    await account.controls.createPrimary({ friendlyName: "Flag Co", status: "twilio-approved" });
    const dir = mkdtempSync(join(tmpdir(), "trusthub-envout-"));
    const r = await trusthub(["import", "--out", "t.yaml", "--env-out", "secrets.env"], dir);
    expect(r.stderr).toMatch(/written to secrets\.env \(mode 0600\)/);
    expect(r.status).toBe(0);
    expect(statSync(join(dir, "secrets.env")).mode & 0o777).toBe(0o600);
  });

  it("refuses the old --env-file flag naming the new one (and writes nothing)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-envout-"));
    writeFileSync(join(dir, "old.env"), "A=1\n");
    const r = await trusthub(["import", "--out", "t.yaml", "--env-file", "old.env"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--env-file is now --env-out");
    expect(existsSync(join(dir, "t.yaml"))).toBe(false);
  });
});

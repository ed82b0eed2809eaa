/** Runs the real `trusthub` CLI in a child process (so the real Pulumi CLI and plugins run too). */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ISV, ROOT } from "./fixtures.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  pid: number;
  done: Promise<CliResult>;
}

export function startCli(args: string[], cwd: string, env: Record<string, string>): RunningCli {
  return start(process.execPath, [join(ROOT, "bin", "trusthub.js"), ...args], cwd, env);
}

/** Any program, with only PATH and HOME inherited. */
export function run(cmd: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return start(cmd, args, ROOT, env).done;
}

function start(cmd: string, args: string[], cwd: string, env: Record<string, string>): RunningCli {
  const child = spawn(cmd, args, {
    cwd,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      ...(process.env["TRUSTHUB_PULUMI_BIN"] && {
        TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"],
      }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return { pid: child.pid ?? -1, done };
}

export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CliResult> {
  return startCli(args, cwd, env).done;
}

/** A private copy of examples/isv (primary unpinned: the emulator assigns its own SIDs). */
export function isvCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-isv-"));
  cpSync(ISV, dir, { recursive: true });
  const primary = join(dir, "primary.yaml");
  writeFileSync(primary, readFileSync(primary, "utf8").replace(/^ {2}sid: BU\w+\n/m, ""));
  return dir;
}

/** Replaces `from` with `to` in a YAML file of the copy (exactly once). */
export function editYaml(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" must occur exactly once`);
  writeFileSync(path, text.replace(from, to));
}

/**
 * What a GitHub runner provides to an action's steps, for the action tests:
 * a step as a child process (stderr kept, like the job log), and per job the
 * files and variables the runner sets (GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY,
 * GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, RUNNER_TEMP, ...).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../apply/fixtures.ts";

export interface RunnerEnv extends Record<string, string> {
  GITHUB_OUTPUT: string;
  GITHUB_STEP_SUMMARY: string;
  GITHUB_ENV: string;
  GITHUB_PATH: string;
}

export function step(
  cmd: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** The runner's variables for one job under `runnerDir`, with the action checked out at ROOT. */
export function jobEnv(
  runnerDir: string,
  event: unknown,
  github: { repo: string; url: string },
): RunnerEnv {
  const dir = mkdtempSync(join(runnerDir, "job-"));
  const files = ["event.json", "summary.md", "output", "env", "path"].map((f) => join(dir, f));
  writeFileSync(files[0]!, JSON.stringify(event));
  for (const f of files.slice(1)) writeFileSync(f, "");
  return {
    GITHUB_EVENT_PATH: files[0]!,
    GITHUB_STEP_SUMMARY: files[1]!,
    GITHUB_OUTPUT: files[2]!,
    GITHUB_ENV: files[3]!,
    GITHUB_PATH: files[4]!,
    GITHUB_REPOSITORY: github.repo,
    GITHUB_API_URL: github.url,
    GITHUB_ACTION_PATH: ROOT,
    RUNNER_TEMP: dir,
    CI: "true",
  };
}

/** `name=value` lines as GitHub reads $GITHUB_OUTPUT and $GITHUB_ENV (no quoting, no comments). */
export function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const i = line.indexOf("=");
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

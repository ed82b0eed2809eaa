/**
 * Step 3 of action.yml: run trusthub (plan, apply or drift), then report it
 * the GitHub way: the markdown plan (or the error) in the job summary, one
 * pull-request comment updated in place, trusthub:* labels, step outputs.
 *
 * Reads what the runner sets (GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
 * GITHUB_API_URL, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP), the
 * action's inputs (TRUSTHUB_ACTION_*), install.sh's TRUSTHUB_NODE and
 * TRUSTHUB_BIN, and TRUSTHUB_ENV or TRUSTHUB_ENV_FILE (personal values).
 * Exit: plan 0 when a plan was made (no changes, changes or blocked alike),
 * else 1; drift: the plan's detailed code (0 in sync); apply:
 * apply's code. GitHub API failures (a read-only token on a fork's pull
 * request) are warnings, never failures; without a token only the summary is
 * written. Without Twilio credentials (a fork's pull request gets no secrets)
 * the plan is replaced by `trusthub validate`, never the embedded sandbox.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { github, syncLabels, upsertComment } from "./github.ts";
import {
  COUNTS,
  errorMarkdown,
  labelsFor,
  MARKER_LINE_ERROR,
  outputLines,
  readPlanJson,
  type PlanResult,
} from "./plan-result.ts";

const env = process.env;
const words = (s: string | undefined): string[] => (s ?? "").split(/\s+/).filter(Boolean);
const say = (line: string): void => void process.stderr.write(`${line}\n`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI with the job's environment minus the action's own inputs (the GitHub token stays here). */
function trusthub(args: string[], echoStdout: boolean): Promise<Run> {
  const node = env["TRUSTHUB_NODE"] || process.execPath;
  const bin = env["TRUSTHUB_BIN"];
  if (!bin) throw new Error("TRUSTHUB_BIN is not set: scripts/action/install.sh runs first");
  const childEnv = {
    ...Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith("TRUSTHUB_ACTION_"))),
    ...personalValues(),
  };
  say(`::group::trusthub ${args.join(" ")}`);
  const child = spawn(node, [bin, ...args], {
    env: { ...childEnv, NO_COLOR: "1", CI: env["CI"] ?? "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (echoStdout) process.stderr.write(d);
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    process.stderr.write(d);
  });
  return new Promise((resolve) =>
    child.on("close", (code) => {
      say("::endgroup::");
      resolve({ code: code ?? 1, stdout, stderr });
    }),
  );
}

/**
 * The env file `trusthub import` writes (the personal values the YAML names as
 * ${env:NAME}), as the shell kit takes it: TRUSTHUB_ENV_FILE (a path) or
 * TRUSTHUB_ENV (its whole content, e.g. a secret). For the CLI only: never
 * printed, never exported to later steps.
 */
function personalValues(): Record<string, string> {
  const file = env["TRUSTHUB_ENV_FILE"];
  const text = file ? readFileSync(file, "utf8") : (env["TRUSTHUB_ENV"] ?? "");
  return text.trim() === "" ? {} : (parseEnv(text) as Record<string, string>);
}

function pullRequest(): { number: number; fork: boolean } | undefined {
  const path = env["GITHUB_EVENT_PATH"];
  if (!path || !existsSync(path)) return undefined;
  const event = JSON.parse(readFileSync(path, "utf8")) as {
    pull_request?: { number: number; head?: { repo?: { full_name?: string } | null } };
  };
  const pr = event.pull_request;
  if (!pr) return undefined;
  return { number: pr.number, fork: pr.head?.repo?.full_name !== env["GITHUB_REPOSITORY"] };
}

const tail = (text: string, lines: number): string =>
  text.trimEnd().split("\n").slice(-lines).join("\n").replace(/```/g, "` ` `");

async function report(
  pr: { number: number; fork: boolean },
  markdown: string,
  result: PlanResult | undefined,
): Promise<string> {
  const token = env["TRUSTHUB_ACTION_TOKEN"] ?? "";
  const wantComment = env["TRUSTHUB_ACTION_COMMENT"] !== "false";
  const wantLabels = env["TRUSTHUB_ACTION_LABELS"] !== "false";
  if (!wantComment && !wantLabels) return "";
  if (token === "") {
    say(
      `::notice::no github-token${pr.fork ? " (a pull request from a fork)" : ""}: the plan is in the job summary only`,
    );
    return "";
  }
  const gh = github(
    env["GITHUB_API_URL"] || "https://api.github.com",
    env["GITHUB_REPOSITORY"]!,
    token,
  );
  let url = "";
  try {
    if (wantComment) url = (await upsertComment(gh, pr.number, markdown)).html_url ?? "";
    if (wantLabels) {
      const { added, removed } = await syncLabels(
        gh,
        pr.number,
        result ? labelsFor(result.counts, result.numbers) : [],
      );
      say(`labels: +[${added.join(", ")}] -[${removed.join(", ")}]`);
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    say(
      `::warning::could not comment or label the pull request (the plan is in the job summary): ${why}`,
    );
  }
  return url;
}

async function main(): Promise<number> {
  const command = (env["TRUSTHUB_ACTION_COMMAND"] || "plan").trim();
  if (!["plan", "apply", "drift"].includes(command)) {
    say(`::error::the command input must be plan, apply or drift (got "${command}")`);
    return 1;
  }
  const paths = words(env["TRUSTHUB_ACTION_PATHS"]);
  const extra = words(env["TRUSTHUB_ACTION_ARGS"]);
  const dir = mkdtempSync(join(env["RUNNER_TEMP"] || tmpdir(), "trusthub-action-"));
  const planFile = join(dir, "plan.json");
  const mdFile = join(dir, "plan.md");
  const pr = pullRequest();
  const outputs: Record<string, string | number> = { "markdown-file": mdFile, "comment-url": "" };
  let markdown: string;
  let result: PlanResult | undefined;
  let code: number;
  let exit: number;

  if (!env["TWILIO_ACCOUNT_SID"]) {
    if (!pr) {
      say("::error::TWILIO_ACCOUNT_SID is not set (refusing to plan against the embedded sandbox)");
      return 1;
    }
    const v = await trusthub(["validate", ...paths], true);
    code = v.code;
    exit = v.code;
    markdown = [
      MARKER_LINE_ERROR.replace("error", "no-credentials"),
      "### Trust Hub plan skipped: no Twilio credentials",
      "",
      "Pull requests from forks get no secrets, so the plan was not made; `trusthub validate` ran instead: " +
        (code === 0 ? "the configuration is valid." : `it found problems (exit ${code}):`),
      ...(code === 0 ? [] : ["", "```", tail(v.stdout + v.stderr, 200), "```"]),
      "",
    ].join("\n");
  } else {
    const detailed = command === "apply" ? [] : ["--detailed-exitcode"];
    const p = await trusthub(
      ["plan", ...paths, "--format", "markdown", ...detailed, "--out", planFile, ...extra],
      false,
    );
    code = p.code;
    const planned = p.code !== 1 && existsSync(planFile);
    markdown = planned ? p.stdout : errorMarkdown("plan", p.code, p.stderr);
    if (planned) result = readPlanJson(readFileSync(planFile, "utf8"));
    if (command === "apply" && planned) {
      const a = await trusthub(
        ["apply", ...paths, "--plan", planFile, "--auto-approve", ...extra],
        true,
      );
      code = a.code;
      markdown += `\n#### Apply: exit ${a.code}\n\n\`\`\`\n${tail(a.stdout + a.stderr, 200)}\n\`\`\`\n`;
    }
    if (planned) outputs["plan-file"] = planFile;
    // plan: a plan was made (0, 2, 3 alike); drift: in sync only; apply: apply's own code.
    exit = command === "plan" ? (planned ? 0 : 1) : command === "drift" && !planned ? 1 : code;
  }

  writeFileSync(mdFile, markdown);
  if (env["GITHUB_STEP_SUMMARY"]) appendFileSync(env["GITHUB_STEP_SUMMARY"], `${markdown}\n`);
  if (pr) outputs["comment-url"] = await report(pr, markdown, result);
  outputs["exit-code"] = code;
  outputs["checksum"] = result?.checksum ?? "";
  for (const k of COUNTS) if (k !== "no-op") outputs[k] = result?.counts[k] ?? "";
  if (env["GITHUB_OUTPUT"]) appendFileSync(env["GITHUB_OUTPUT"], outputLines(outputs));

  return exit;
}

process.exitCode = await main().catch((e: unknown) => {
  say(`::error::${e instanceof Error ? e.message : String(e)}`);
  return 1;
});

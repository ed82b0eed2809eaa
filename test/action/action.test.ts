/**
 * The GitHub Action, run the way the runner runs it: action.yml's own steps
 * (scripts/action/install.sh, pulumi.sh, then run.ts with the env file the
 * first two wrote), with the variables GitHub sets (GITHUB_EVENT_PATH,
 * GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
 * GITHUB_ENV, GITHUB_PATH, RUNNER_TEMP), against the emulator and a local
 * stand-in for GitHub's REST API that records every call
 * (./github-standin.ts says what it leaves out). Not run: the setup-node
 * step (the test's own Node 24 plays the runner's node).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../../scripts/action/github.ts";
import { startWorld, type World } from "../reliability/world.ts";
import { ROOT } from "../apply/fixtures.ts";
import { startGitHub, writesOf, type StandIn } from "./github-standin.ts";
import { pulumiDir } from "./pulumi-dir.ts";
import { jobEnv, keyValues, step as runStep } from "./runner.ts";

let w: World;
let gh: StandIn;
let runner: string;
let stepEnv: Record<string, string>;

interface StepResult {
  code: number;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

const step = (cmd: string[], env: Record<string, string>) => runStep(cmd, env, w.cwd);
const github = (event: unknown) => jobEnv(runner, event, gh);

const prEvent = (fork = false) => ({
  pull_request: { number: 7, head: { repo: { full_name: fork ? "someone/fork" : gh.repo } } },
  repository: { full_name: gh.repo },
});

/** Runs run.ts as action.yml's last step does, with its inputs. */
async function action(
  inputs: Record<string, string>,
  event: unknown,
  extraEnv: Record<string, string> = {},
): Promise<StepResult> {
  const gha = github(event);
  const env = {
    ...stepEnv,
    ...w.env,
    ...gha,
    TRUSTHUB_ACTION_COMMAND: "plan",
    TRUSTHUB_ACTION_PATHS: w.dir,
    TRUSTHUB_ACTION_COMMENT: "true",
    TRUSTHUB_ACTION_LABELS: "true",
    TRUSTHUB_ACTION_ARGS: "",
    TRUSTHUB_ACTION_TOKEN: gh.writeToken,
    ...inputs,
    ...extraEnv,
  };
  const r = await step([stepEnv["TRUSTHUB_NODE"]!, join(ROOT, "scripts/action/run.ts")], env);
  return {
    ...r,
    outputs: keyValues(readFileSync(gha.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(gha.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

const labels = () => [...(gh.labels.get(7) ?? [])].sort();
const ours = () => [...gh.comments.values()].filter((c) => c.body.startsWith("<!-- trusthub-plan"));

beforeAll(async () => {
  w = await startWorld({ secondaries: 2, submit: false });
  gh = await startGitHub();
  runner = mkdtempSync(join(tmpdir(), "trusthub-runner-"));
  // Two people commented first (more than one page of the stand-in's pages of 2).
  for (const [id, body] of [
    [1, "LGTM?"],
    [2, "see the plan below"],
    [3, "ping"],
  ] as const)
    gh.comments.set(id, { id, issue: 7, body });
  // Steps 1 and 2 of action.yml, with the PATH of a runner that has a pulumi already.
  const gha = github({});
  const base = {
    PATH: `${pulumiDir()}:${process.env["PATH"] ?? ""}`,
    HOME: process.env["HOME"] ?? "",
    ...gha,
  };
  const install = await step(["bash", join(ROOT, "scripts/action/install.sh")], base);
  expect(install.stderr).toContain("trusthub action:");
  expect(install.code).toBe(0);
  const pulumi = await step(["bash", join(ROOT, "scripts/action/pulumi.sh")], base);
  expect(pulumi.stderr).toMatch(/using pulumi 3\.\d+\.\d+ at /);
  expect(pulumi.code).toBe(0);
  const written = keyValues(readFileSync(gha.GITHUB_ENV, "utf8"));
  expect(Object.keys(written).sort()).toEqual([
    "TRUSTHUB_BIN",
    "TRUSTHUB_NODE",
    "TRUSTHUB_PULUMI_BIN",
  ]);
  expect(readFileSync(gha.GITHUB_PATH, "utf8").trim()).toBe(written["TRUSTHUB_PULUMI_BIN"]);
  stepEnv = { ...base, ...written, PATH: `${written["TRUSTHUB_PULUMI_BIN"]}:${base.PATH}` };
}, 120_000);

afterAll(async () => {
  await gh?.close();
  await w?.close();
});

describe("the action on a pull request, then on main", () => {
  let firstId = 0;

  it("first plan: creates one comment (marker first), labels changes, summary and outputs", async () => {
    const r = await action({}, prEvent());
    expect(r.stderr).not.toMatch(/::warning::|::error::/);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ "exit-code": "2", create: "2", blocked: "0", delete: "0" });
    const declared = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { outputs: object };
    expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(declared.outputs).sort());
    expect(r.outputs["checksum"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ours()).toHaveLength(1);
    const c = ours()[0]!;
    firstId = c.id;
    expect(c.body.split("\n")[0]).toBe(
      `<!-- trusthub-plan target=emulator:${w.conn.target.accountSid} -->`,
    );
    expect(c.body).toContain(r.outputs["checksum"]);
    expect(r.summary).toBe(`${c.body}\n`);
    expect(r.outputs["comment-url"]).toBe(
      `https://github.example/${gh.repo}/pull/1#issuecomment-${c.id}`,
    );
    expect(labels()).toEqual([LABELS.changes]);
    expect(readFileSync(r.outputs["markdown-file"]!, "utf8")).toBe(c.body);
  });

  it("apply on main (no pull request): applies the plan, no GitHub call, exit 0", async () => {
    const before = gh.calls.length;
    const r = await action({ TRUSTHUB_ACTION_COMMAND: "apply" }, { ref: "refs/heads/main" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ "exit-code": "0", create: "2" });
    expect(r.summary).toMatch(/#### Apply: exit 0/);
    expect(gh.calls.slice(before)).toEqual([]);
  }, 180_000);

  it("second plan: updates the same comment in place, labels follow (no-changes)", async () => {
    const before = gh.calls.length;
    const r = await action({}, prEvent());
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ "exit-code": "0", create: "0" });
    expect(ours().map((c) => c.id)).toEqual([firstId]);
    expect(ours()[0]!.body).toMatch(/No changes/);
    const writes = writesOf(gh.calls.slice(before));
    expect(writes).toEqual([
      `PATCH /repos/${gh.repo}/issues/comments/${firstId}`,
      `POST /repos/${gh.repo}/issues/7/labels`,
      `DELETE /repos/${gh.repo}/issues/7/labels/${encodeURIComponent(LABELS.changes)}`,
    ]);
    expect(labels()).toEqual([LABELS.noChanges]);
  });

  it("drift after the apply: in sync, exit 0; a config error: the comment says why, labels cleared, exit 1", async () => {
    const drift = await action(
      {
        TRUSTHUB_ACTION_COMMAND: "drift",
        TRUSTHUB_ACTION_COMMENT: "false",
        TRUSTHUB_ACTION_LABELS: "false",
      },
      {},
    );
    expect(drift.code).toBe(0);
    const bad = mkdtempSync(join(tmpdir(), "trusthub-bad-"));
    writeFileSync(join(bad, "trusthub.yaml"), "version: 1\nsecondaries:\n  - key: Not A Key\n");
    const r = await action({ TRUSTHUB_ACTION_PATHS: bad }, prEvent());
    expect(r.code).toBe(1);
    expect(r.outputs["exit-code"]).toBe("1");
    expect(ours().map((c) => c.id)).toEqual([firstId]);
    const body = ours()[0]!.body;
    expect(
      body.startsWith("<!-- trusthub-plan error -->\n### Trust Hub plan failed (exit 1)"),
    ).toBe(true);
    expect(body).toContain("trusthub.yaml:3:");
    expect(labels()).toEqual([]);
  });
});

describe("pull requests the action must not post on", () => {
  it("no token (a fork's pull request): job summary only, nothing sent to GitHub, no failure", async () => {
    const before = gh.calls.length;
    const r = await action({ TRUSTHUB_ACTION_TOKEN: "" }, prEvent(true));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/::notice::no github-token \(a pull request from a fork\)/);
    expect(r.summary).toMatch(/^<!-- trusthub-plan target=/);
    expect(gh.calls.slice(before)).toEqual([]);
  });

  it("a read-only token: GitHub refuses (403), a warning, no failure, nothing changed", async () => {
    const comments = JSON.stringify([...gh.comments.values()]);
    const r = await action({ TRUSTHUB_ACTION_TOKEN: gh.readToken }, prEvent(true));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/::warning::could not comment .*403/);
    expect(JSON.stringify([...gh.comments.values()])).toBe(comments);
  });

  it("no Twilio credentials (forks get no secrets): validate instead of the sandbox, summary says so", async () => {
    const before = gh.calls.length;
    const r = await action({ TRUSTHUB_ACTION_TOKEN: "" }, prEvent(true), {
      TWILIO_ACCOUNT_SID: "",
    });
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/plan skipped: no Twilio credentials/);
    expect(r.summary).toMatch(/the configuration is valid/);
    expect(gh.calls.slice(before)).toEqual([]);
  });

  it("TRUSTHUB_ENV (the env file's content) reaches the CLI, and its values are not printed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-envref-"));
    cpSync(w.dir, dir, { recursive: true });
    const brands = join(dir, "brands.yaml");
    const text = readFileSync(brands, "utf8");
    writeFileSync(
      brands,
      text.replace("email: owner-0000@brand.example", "email: ${env:BRAND_EMAIL}"),
    );
    const inputs = { TRUSTHUB_ACTION_TOKEN: "", TRUSTHUB_ACTION_PATHS: dir };
    const without = await action(inputs, prEvent(true), { TWILIO_ACCOUNT_SID: "" });
    expect(without.summary).toMatch(/BRAND_EMAIL/);
    expect(without.code).toBe(1);
    const secret = "secret-owner@brand.example";
    const withEnv = await action(inputs, prEvent(true), {
      TWILIO_ACCOUNT_SID: "",
      TRUSTHUB_ENV: `# from trusthub import\nBRAND_EMAIL=${secret}\n`,
    });
    expect(withEnv.summary).toMatch(/the configuration is valid/);
    expect(withEnv.code).toBe(0);
    expect(withEnv.stderr + withEnv.summary).not.toContain(secret);
  });

  it("outside a pull request without credentials: refused (exit 1)", async () => {
    const r = await action({}, {}, { TWILIO_ACCOUNT_SID: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TWILIO_ACCOUNT_SID is not set/);
  });
});

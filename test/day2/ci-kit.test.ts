/**
 * The GitOps kit under examples/ci: the workflow YAML parses, every
 * `trusthub` command, flag and choice it (or a shell script) uses exists in
 * our commander program, the comment marker matches the markdown renderer,
 * the shell scripts pass `bash -n`, and plan.sh / drift.sh run for real
 * against the emulator with the CLI.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command, Option } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createProgram } from "../../src/cli/program.ts";
import { planMarker } from "../../src/render/markdown.ts";
import { MARKER_PREFIX } from "../../scripts/action/github.ts";
import { MARKER_LINE_ERROR } from "../../scripts/action/plan-result.ts";
import { EXIT } from "../../src/errors.ts";
import { runImport } from "../../src/workflow/import.ts";
import { makeSecondary, world, type World } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const KIT = join(ROOT, "examples/ci");
const WORKFLOW = join(KIT, "github/trusthub.yml");
const SHELL = join(KIT, "shell");
const scripts = readdirSync(SHELL).filter((f) => f.endsWith(".sh"));

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = parse(readFileSync(WORKFLOW, "utf8")) as Workflow;

const program = createProgram(
  { stdout: () => {}, stderr: () => {}, env: {}, cwd: ROOT, isTTY: false },
  { code: 0 },
);

/** `trusthub <command> [args...]` invocations in a shell text (npx, $TRUSTHUB or run_trusthub). */
function invocations(text: string): string[][] {
  const out: string[][] = [];
  const re = /(?:npx trusthub|\$TRUSTHUB|run_trusthub \w+)\s+([^\n|>;&]*)/g;
  for (const m of text.matchAll(re)) out.push(m[1]!.trim().split(/\s+/));
  return out;
}

function check(args: string[]): string[] {
  const [name, ...rest] = args;
  const cmd = program.commands.find((c: Command) => c.name() === name);
  if (cmd === undefined) return [`unknown command ${name}`];
  const problems: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith("--")) continue;
    const opt = cmd.options.find((o: Option) => o.long === a);
    if (opt === undefined) {
      problems.push(`${name}: unknown option ${a}`);
      continue;
    }
    if (opt.required || opt.optional) {
      const value = rest[++i] ?? "";
      if (opt.argChoices && !opt.argChoices.includes(value))
        problems.push(`${name} ${a}: ${value} is not one of ${opt.argChoices.join(", ")}`);
    }
  }
  return problems;
}

describe("GitHub Actions workflow", () => {
  const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  const uses = Object.entries(workflow.jobs).flatMap(([job, j]) =>
    j.steps.filter((s) => /\/trusthub-reconciler@/.test(s.uses ?? "")).map((s) => ({ job, s })),
  );

  it("parses and has the three jobs with their triggers", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(
      ["pull_request", "push", "schedule", "workflow_dispatch"].sort(),
    );
    expect(workflow.jobs["plan"]?.if).toContain("pull_request");
    expect(workflow.jobs["apply"]?.if).toContain("refs/heads/main");
    expect(workflow.jobs["drift"]?.if).toContain("schedule");
    for (const s of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "PULUMI_CONFIG_PASSPHRASE"]) {
      expect(workflow.env[s]).toBe(`\${{ secrets.${s} }}`);
    }
    expect(workflow.env["PULUMI_BACKEND_URL"]).toBe("${{ secrets.PULUMI_BACKEND_URL }}");
  });

  it("every job runs the action with inputs action.yml declares, personal values as a secret", () => {
    expect(uses.map(({ job, s }) => [job, s.with?.["command"]])).toEqual([
      ["plan", "plan"],
      ["apply", "apply"],
      ["drift", "drift"],
    ]);
    for (const { s } of uses) {
      for (const k of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs)).toContain(k);
      expect(s.env?.["TRUSTHUB_ENV"]).toBe("${{ secrets.TRUSTHUB_ENV }}");
    }
    const script = workflow.jobs["drift"]!.steps.find((s) =>
      s.uses?.startsWith("actions/github-script"),
    )!;
    for (const m of JSON.stringify(script.env).matchAll(/steps\.drift\.outputs\.([\w-]+)/g))
      expect(Object.keys(action.outputs)).toContain(m[1]);
  });

  it("the action runs only trusthub commands, flags and choices that exist", () => {
    const run = readFileSync(join(ROOT, "scripts/action/run.ts"), "utf8");
    const used = [
      ["plan", "--format", "markdown", "--detailed-exitcode", "--out", "plan.json"],
      ["apply", "--plan", "plan.json", "--auto-approve"],
      ["validate"],
    ];
    expect(used.flatMap(check)).toEqual([]);
    for (const a of [
      "--format",
      "markdown",
      "--detailed-exitcode",
      "--out",
      "--plan",
      "--auto-approve",
      "validate",
    ])
      expect(run).toContain(`"${a}"`);
  });

  it("finds its previous comment by the marker the markdown renderer writes first", () => {
    const line = planMarker({
      target: {
        kind: "twilio",
        url: "https://trusthub.twilio.com",
        accountSid: "AC" + "0".repeat(32),
      },
    } as Parameters<typeof planMarker>[0]);
    expect(line.startsWith(MARKER_PREFIX)).toBe(true);
    expect(MARKER_LINE_ERROR.startsWith(MARKER_PREFIX)).toBe(true);
  });

  it("the checker itself catches a wrong flag and a wrong choice", () => {
    expect(check(["plan", "--formt", "markdown"])).toEqual(["plan: unknown option --formt"]);
    expect(check(["plan", "--format", "html"])).toEqual([
      "plan --format: html is not one of text, json, markdown",
    ]);
    expect(check(["deploy"])).toEqual(["unknown command deploy"]);
  });
});

describe("shell kit", () => {
  it.each(scripts)("%s passes bash -n and uses existing commands and flags", (file) => {
    const path = join(SHELL, file);
    expect(spawnSync("bash", ["-n", path]).status).toBe(0);
    // `$TRUSTHUB "$@"` inside run_trusthub is the generic runner, not a command.
    const used = invocations(readFileSync(path, "utf8"))
      .map((a) => a.filter((x) => x !== '"$@"'))
      .filter((a) => a.length > 0);
    expect(used.flatMap(check)).toEqual([]);
  });

  it("apply.sh's header documents every exit code of src/errors.ts", () => {
    const header = readFileSync(join(SHELL, "apply.sh"), "utf8").split("\n. ")[0]!;
    for (const code of Object.values(EXIT))
      expect(header).toMatch(new RegExp(`^#\\s+${code}\\s`, "m"));
  });

  describe("against the emulator", () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
      const p = await w.ctl.createPrimary({
        friendlyName: "Kit primary",
        status: "twilio-approved",
      });
      await makeSecondary(w.client, p.sid, {
        friendlyName: "Kit Brand",
        email: "k@x.example",
        reps: [{}, {}],
      });
      await runImport({
        env: w.env,
        cwd: w.cwd,
        out: "trusthub.yaml",
        readManaged: () => Promise.resolve({}),
      });
    });
    afterAll(() => w.close());

    /** Runs a kit script (asynchronously: the emulator answers from this process). */
    const run = (script: string, extra: Record<string, string> = {}, args: string[] = []) =>
      new Promise<{ status: number; stderr: string }>((resolve) => {
        const child = spawn("bash", [join(SHELL, script), ...args], {
          cwd: w.cwd,
          env: {
            PATH: process.env["PATH"] ?? "",
            HOME: process.env["HOME"] ?? "",
            ...w.env,
            TRUSTHUB: `${process.execPath} ${join(ROOT, "bin/trusthub.js")}`,
            TRUSTHUB_ENV_FILE: join(w.cwd, "trusthub.env"),
            ...extra,
          },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (code) => resolve({ status: code ?? -1, stderr }));
      });

    it("plan.sh writes the markdown plan and passes; drift.sh exits 2 while adoptions are pending", async () => {
      const plan = await run("plan.sh");
      expect(plan.stderr).toContain("plan: changes to apply");
      expect(plan.status).toBe(0);
      const md = readFileSync(join(w.cwd, "plan.md"), "utf8");
      expect(md.startsWith("<!-- trusthub-plan target=emulator:")).toBe(true);
      expect(readFileSync(join(w.cwd, "plan.exitcode"), "utf8").trim()).toBe("2");
      const drift = await run("drift.sh");
      expect(drift.status).toBe(2);
      expect(readFileSync(join(w.cwd, "drift.md"), "utf8")).toContain("adopt");
    });

    it("plan.sh on a config error: exit 1, plan.md holds the error under the action's marker", async () => {
      const bad = join(w.cwd, "bad.yaml");
      writeFileSync(bad, "version: 1\nsecondaries:\n  - key: Not A Key\n");
      const r = await run("plan.sh", {}, [bad]);
      expect(r.status).toBe(1);
      const md = readFileSync(join(w.cwd, "plan.md"), "utf8");
      expect(md.split("\n").slice(0, 2)).toEqual([
        MARKER_LINE_ERROR,
        "### Trust Hub plan failed (exit 1)",
      ]);
      expect(md).toContain("bad.yaml:3:");
      expect(readFileSync(join(w.cwd, "plan.exitcode"), "utf8").trim()).toBe("1");
    });

    it("refuses to run without credentials (never the embedded sandbox)", async () => {
      const r = await run("plan.sh", { TWILIO_ACCOUNT_SID: "" });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/TWILIO_ACCOUNT_SID is not set/);
    });

    it("the node running the CLI is new enough for the TypeScript sources", () => {
      const v = execFileSync(process.execPath, ["--version"], { encoding: "utf8" });
      expect(Number(/^v(\d+)/.exec(v)?.[1])).toBeGreaterThanOrEqual(22);
    });
  });
});

/**
 * action.yml parses as a composite action; every input is used by a step;
 * every output maps to a value run.ts writes; the steps call scripts that
 * exist and pass `bash -n`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../apply/fixtures.ts";

interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: {
    using: string;
    steps: {
      if?: string;
      uses?: string;
      run?: string;
      id?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }[];
  };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
const stepsText = JSON.stringify(action.runs.steps);
const runTs = readFileSync(join(ROOT, "scripts/action/run.ts"), "utf8");

describe("action.yml", () => {
  it("is a composite action with the documented inputs", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        "args",
        "command",
        "comment",
        "github-token",
        "labels",
        "node-version",
        "paths",
        "pulumi-version",
      ].sort(),
    );
    for (const [name, i] of Object.entries(action.inputs)) expect(i.description, name).not.toBe("");
    expect(action.inputs["github-token"]!.default).toBe("${{ github.token }}");
  });

  it("uses every input in a step", () => {
    for (const name of Object.keys(action.inputs))
      expect(stepsText, name).toContain(`inputs.${name}`);
  });

  it("passes each input to run.ts under a name run.ts reads", () => {
    const run = action.runs.steps.find((s) => s.id === "run")!;
    for (const [k, v] of Object.entries(run.env ?? {})) {
      expect(v).toMatch(/^\$\{\{ inputs\.[a-z-]+ \}\}$/);
      expect(runTs, k).toContain(`"${k}"`);
    }
  });

  it("maps every output to the run step (action.test.ts checks run.ts writes each)", () => {
    for (const [name, o] of Object.entries(action.outputs))
      expect(o.value).toBe(`\${{ steps.run.outputs.${name} }}`);
  });

  it("calls scripts that exist and parse", () => {
    const scripts = [...stepsText.matchAll(/\$GITHUB_ACTION_PATH\/([\w/.-]+)/g)].map((m) => m[1]!);
    expect(scripts.sort()).toEqual(
      ["scripts/action/install.sh", "scripts/action/pulumi.sh", "scripts/action/run.ts"].sort(),
    );
    for (const s of scripts) {
      expect(existsSync(join(ROOT, s)), s).toBe(true);
      if (s.endsWith(".sh")) expect(spawnSync("bash", ["-n", join(ROOT, s)]).status, s).toBe(0);
    }
  });
});

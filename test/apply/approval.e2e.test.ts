/**
 * Nothing is written before approval: against the embedded sandbox the
 * Console steps (create the primary, submit it) are planned steps that run
 * only once apply is approved (the prompt answered yes, --auto-approve, or a
 * saved plan given with --plan). A declined prompt, a non-terminal run
 * without --auto-approve and a stale saved plan leave .trusthub/sandbox.json
 * without a single object.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { EXIT } from "../../src/errors.ts";
import { memoryIo } from "../helpers/io.ts";
import { editYaml, isvCopy, runCli } from "./cli.ts";

/** The Pulumi CLI a developer points at, if any (the pre-flight looks for it). */
const PULUMI = process.env["TRUSTHUB_PULUMI_BIN"]
  ? { TRUSTHUB_PULUMI_BIN: process.env["TRUSTHUB_PULUMI_BIN"] }
  : {};

/** Objects the sandbox holds, by collection (only non-empty ones). */
function sandboxObjects(cwd: string): Record<string, number> {
  const data = JSON.parse(readFileSync(join(cwd, ".trusthub", "sandbox.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const out: Record<string, number> = {};
  for (const name of ["profiles", "endUsers", "documents", "addresses", "entityAssignments"]) {
    const n = (data[name] as unknown[]).length;
    if (n > 0) out[name] = n;
  }
  return out;
}

describe("apply writes nothing before approval (embedded sandbox)", () => {
  it("a declined prompt: the Console steps are shown as planned, nothing is written", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-approval-"));
    const dir = isvCopy();
    const questions: string[] = [];
    const io = memoryIo(cwd, { ...PULUMI }, true);
    io.confirm = (q) => (questions.push(q), Promise.resolve(false));
    const code = await run(["node", "trusthub", "apply", dir], io);
    expect(io.err).toBe("");
    expect(code).toBe(EXIT.ok);
    expect(questions).toEqual(["Apply this plan?"]);
    expect(io.out).toMatch(
      /^Target: embedded sandbox \.trusthub\/sandbox\.json \(account AC\w+\); state: stack sandbox in file:/,
    );
    expect(io.out).toContain("the embedded sandbox simulates them when apply is approved");
    expect(io.out).toMatch(
      /Console steps the embedded sandbox will simulate once you approve:\n {2}1\. create the primary profile northwind with the values of this plan\n {2}2\. submit northwind for review\n/,
    );
    expect(io.out).toContain("Apply cancelled; nothing was changed.");
    expect(io.out).not.toContain("simulated by the sandbox:");
    expect(sandboxObjects(cwd)).toEqual({});
  });

  it("without a terminal and without --auto-approve: refused, nothing written", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-approval-"));
    const io = memoryIo(cwd, { ...PULUMI });
    const code = await run(["node", "trusthub", "apply", isvCopy()], io);
    expect(code).toBe(EXIT.error);
    expect(io.err).toMatch(/apply needs a confirmation: .*--auto-approve/);
    expect(sandboxObjects(cwd)).toEqual({});
  });

  it("--plan FILE: a stale saved plan writes nothing; a true one is the approval and runs whole", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-approval-"));
    const dir = isvCopy();
    const saved = await runCli(["plan", dir, "--out", "plan.json"], cwd, {});
    expect(saved.code).toBe(EXIT.ok);
    const planText = readFileSync(join(cwd, "plan.json"), "utf8");

    editYaml(dir, "brands.yaml", "businessTitle: Owner", "businessTitle: Co-Owner");
    const stale = await runCli(["apply", dir, "--plan", "plan.json"], cwd, {});
    expect(stale.code).toBe(EXIT.stalePlan);
    expect(sandboxObjects(cwd)).toEqual({});

    editYaml(dir, "brands.yaml", "businessTitle: Co-Owner", "businessTitle: Owner");
    writeFileSync(join(cwd, "plan.json"), planText);
    // No terminal and no --auto-approve: the saved plan is the approval.
    const r = await runCli(["apply", dir, "--plan", "plan.json"], cwd, {});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(
      /Console step, simulated by the sandbox: created primary profile northwind/,
    );
    expect(r.stdout).toMatch(
      /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
    );
    const after = await runCli(["plan", dir, "--detailed-exitcode"], cwd, {});
    expect(after.code).toBe(EXIT.ok);
    expect(after.stdout).toContain("No changes.");
  });
});

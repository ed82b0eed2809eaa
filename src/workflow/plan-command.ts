/**
 * `trusthub plan`, after flag parsing: plan every account, check each plan's
 * safety threshold, render the plans, write the redacted plan file for
 * `apply --plan`, and return the exit code. src/cli/commands/plan.ts only
 * parses flags and calls this.
 */
import { planExitCode } from "../plan/exit-code.ts";
import { redactPlan } from "../plan/redact.ts";
import { checkSafety, safetyText } from "../plan/safety.ts";
import {
  renderAccountsJson,
  renderAccountsMarkdown,
  renderAccountsText,
} from "../render/accounts.ts";
import { writePlanFile } from "../state/plan-file.ts";
import { planAccounts, worstExit } from "./accounts.ts";
import { collectBetweenPhases } from "./heap.ts";

export interface PlanCommandOptions {
  paths: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  format: "text" | "json" | "markdown";
  /** Also write the JSON plan (always redacted) to this path, relative to cwd. */
  out?: string;
  detailedExitcode: boolean;
  targets: string[];
  showSensitive: boolean;
  prune: boolean;
  /** Hide configuration warnings. */
  quiet?: boolean;
  /** stdout is a terminal (colours unless NO_COLOR). */
  isTTY: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runPlanCommand(o: PlanCommandOptions): Promise<number> {
  const tty = o.isTTY && !o.env["NO_COLOR"];
  const { plans, warnings } = await planAccounts({
    paths: o.paths,
    env: o.env,
    cwd: o.cwd,
    ...(o.targets.length > 0 && { targets: o.targets }),
    showSensitive: o.showSensitive,
    prune: o.prune,
    color: tty,
  });
  // The configs and what was read are garbage now (each plan keeps what it needs): collected
  // before the rendering allocates on top of them (issue 15).
  collectBetweenPhases();
  if (warnings !== "" && o.quiet !== true) o.stderr(warnings);
  for (const p of plans) o.stderr(`${p.targetLine}\n`);
  const sections = plans.map((p) => {
    const violations = checkSafety(p.plan, p.existing);
    const warning = violations.length > 0 ? safetyText(violations, p.plan.checksum) : "";
    return { name: p.account.name, plan: p.plan, warning };
  });
  if (o.format === "json") o.stdout(renderAccountsJson(sections));
  else if (o.format === "markdown") o.stdout(renderAccountsMarkdown(sections));
  else o.stdout(renderAccountsText(sections, { color: tty }));
  for (const s of sections) {
    if (s.warning === "") continue;
    o.stderr(`warning: ${sections.length > 1 ? `account ${s.name}: ` : ""}${s.warning}\n`);
  }
  if (o.out !== undefined) {
    const redacted = sections.map((s) => ({ ...s, plan: redactPlan(s.plan) }));
    const file = await writePlanFile(o.cwd, o.out, renderAccountsJson(redacted));
    o.stderr(
      `Plan written to ${file} (personal values left out); apply it with: trusthub apply --plan ${o.out}\n`,
    );
  }
  return worstExit(plans.map((p) => planExitCode(p.plan, o.detailedExitcode)));
}

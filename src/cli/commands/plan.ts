import { Option, type Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface PlanOptions {
  format: "text" | "json" | "markdown";
  out?: string;
  detailedExitcode?: boolean;
  target: string[];
  showSensitive?: boolean;
  prune?: boolean;
}

/**
 * `trusthub plan [path...]`: read Trust Hub, diff it against the YAML, print
 * the plan. Exit codes: 0 success; 1 error; with --detailed-exitcode 2 when
 * there are changes and 3 when actions are blocked (3 wins). `--out FILE`
 * writes the JSON plan, always redacted, for `apply --plan`.
 */
export function registerPlan(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("plan")
    .description(
      "show what apply would change in Trust Hub (default config: ./trusthub.yaml, else ./trusthub/)",
    )
    .argument("[path...]", "YAML files, or directories of *.yaml / *.yml files")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["text", "json", "markdown"])
        .default("text"),
    )
    .option(
      "--out <file>",
      "also write the plan as JSON (personal values never included) for apply --plan",
    )
    .option(
      "--detailed-exitcode",
      "exit 2 when there are changes, 3 when actions are blocked, 0 when none",
    )
    .option("--target <key>", "plan only this profile key (repeatable)", collect, [])
    .option(
      "--prune",
      "plan deletes of draft or rejected secondaries apply manages that the YAML no longer declares",
    )
    .option(
      "--show-sensitive",
      "print personal values (names, emails, phones, tax IDs, addresses) locally",
    )
    .action(async (paths: string[], options: PlanOptions) => {
      exit.code = await plan(paths, options, io);
    });
}

function quoteLines(text: string): string {
  return text
    .split("\n")
    .map((l) => `> ${l.trim()}`)
    .join("\n");
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function plan(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const { preparePlan } = await import("../../workflow/plan.ts");
  const { redactPlan } = await import("../../plan/redact.ts");
  const { planExitCode } = await import("../../plan/exit-code.ts");
  const { renderJson } = await import("../../render/json.ts");
  const color = io.isTTY && options.format === "text" && !io.env["NO_COLOR"];
  const prepared = await preparePlan({
    paths,
    env: io.env,
    cwd: io.cwd,
    ...(options.target.length > 0 && { targets: options.target }),
    showSensitive: options.showSensitive === true,
    prune: options.prune === true,
    color: io.isTTY && !io.env["NO_COLOR"],
  });
  try {
    if (prepared.warnings !== "") io.stderr(prepared.warnings);
    const p = prepared.plan;
    const { checkSafety, existingManaged, safetyText } = await import("../../plan/safety.ts");
    const violations = checkSafety(p, existingManaged(prepared.observed));
    const unsafe = violations.length > 0 ? safetyText(violations, p.checksum) : "";
    if (options.format === "json") io.stdout(renderJson(p));
    else if (options.format === "markdown") {
      const { renderMarkdown } = await import("../../render/markdown.ts");
      const warning = unsafe === "" ? "" : `\n> [!WARNING]\n${quoteLines(unsafe)}\n`;
      io.stdout(renderMarkdown(p) + warning);
    } else {
      const { renderText } = await import("../../render/text.ts");
      io.stdout(renderText(p, { color }));
    }
    if (unsafe !== "") io.stderr(`warning: ${unsafe}\n`);
    if (options.out !== undefined) {
      const { writePlanFile } = await import("../../state/plan-file.ts");
      const file = await writePlanFile(io.cwd, options.out, renderJson(redactPlan(p)));
      io.stderr(
        `Plan written to ${file} (personal values left out); apply it with: trusthub apply --plan ${options.out}\n`,
      );
    }
    return planExitCode(p, options.detailedExitcode === true);
  } finally {
    await prepared.close();
  }
}

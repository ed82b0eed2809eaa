import { InvalidArgumentError, Option, type Command } from "commander";
import { UserError } from "../../errors.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface PlanOptions {
  format: "text" | "json" | "markdown";
  out?: string;
  detailedExitcode?: boolean;
  target: string[];
  showSensitive?: boolean;
  prune?: boolean;
  parallelism?: number;
  maxRps?: number;
  quiet?: boolean;
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
    .option("--quiet", "do not print configuration warnings")
    .option("--parallelism <n>", "requests in flight at once (default 10)", positiveInt)
    .option("--max-rps <n>", "at most this many requests per second to Trust Hub", positiveInt)
    .action(async (paths: string[], options: PlanOptions) => {
      if (options.showSensitive === true) refuseSensitive(options.format, io.env);
      const { configureLoad } = await import("../../state/http.ts");
      configureLoad({
        ...(options.parallelism && { parallelism: options.parallelism }),
        ...(options.maxRps && { maxRps: options.maxRps }),
      });
      exit.code = await plan(paths, options, io);
    });
}

/**
 * Personal values may be printed on the local terminal only: never into a
 * pull-request comment (markdown) nor in CI (`CI` set, as every CI sets it).
 */
function refuseSensitive(format: string, env: Io["env"]): void {
  const ci = env["CI"];
  if (format === "markdown") {
    throw new UserError(
      "plan/sensitive-markdown",
      "--show-sensitive cannot be used with --format markdown: markdown is meant for pull-request comments, which must not hold personal data",
    );
  }
  if (ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false") {
    throw new UserError(
      "plan/sensitive-ci",
      "--show-sensitive is refused when CI is set: CI logs must not hold personal data (run it on your own machine)",
    );
  }
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function plan(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const { planAccounts, worstExit } = await import("../../workflow/accounts.ts");
  const { redactPlan } = await import("../../plan/redact.ts");
  const { planExitCode } = await import("../../plan/exit-code.ts");
  const { checkSafety, safetyText } = await import("../../plan/safety.ts");
  const r = await import("../../render/accounts.ts");
  const color = io.isTTY && options.format === "text" && !io.env["NO_COLOR"];
  const { plans, warnings } = await planAccounts({
    paths,
    env: io.env,
    cwd: io.cwd,
    ...(options.target.length > 0 && { targets: options.target }),
    showSensitive: options.showSensitive === true,
    prune: options.prune === true,
    color: io.isTTY && !io.env["NO_COLOR"],
  });
  if (warnings !== "" && options.quiet !== true) io.stderr(warnings);
  const sections = plans.map((p) => {
    const violations = checkSafety(p.plan, p.existing);
    const warning = violations.length > 0 ? safetyText(violations, p.plan.checksum) : "";
    return { name: p.account.name, plan: p.plan, warning };
  });
  if (options.format === "json") io.stdout(r.renderAccountsJson(sections));
  else if (options.format === "markdown") io.stdout(r.renderAccountsMarkdown(sections));
  else io.stdout(r.renderAccountsText(sections, { color }));
  for (const s of sections) {
    if (s.warning === "") continue;
    io.stderr(`warning: ${sections.length > 1 ? `account ${s.name}: ` : ""}${s.warning}\n`);
  }
  if (options.out !== undefined) {
    const { writePlanFile } = await import("../../state/plan-file.ts");
    const redacted = sections.map((s) => ({ ...s, plan: redactPlan(s.plan) }));
    const file = await writePlanFile(io.cwd, options.out, r.renderAccountsJson(redacted));
    io.stderr(
      `Plan written to ${file} (personal values left out); apply it with: trusthub apply --plan ${options.out}\n`,
    );
  }
  return worstExit(plans.map((p) => planExitCode(p.plan, options.detailedExitcode === true)));
}

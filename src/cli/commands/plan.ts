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
      const { configureRequests } = await import("../../workflow/requests.ts");
      configureRequests(options);
      const { runPlanCommand } = await import("../../workflow/plan-command.ts");
      exit.code = await runPlanCommand({
        paths,
        env: io.env,
        cwd: io.cwd,
        format: options.format,
        ...(options.out !== undefined && { out: options.out }),
        detailedExitcode: options.detailedExitcode === true,
        targets: options.target,
        showSensitive: options.showSensitive === true,
        prune: options.prune === true,
        quiet: options.quiet === true,
        isTTY: io.isTTY,
        stdout: (t) => io.stdout(t),
        stderr: (t) => io.stderr(t),
      });
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

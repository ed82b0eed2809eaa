import { Option, type Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface ValidateOptions {
  format: "text" | "json";
  quiet?: boolean;
}

/**
 * `trusthub validate [path...]`: exit 0 when valid (warnings allowed), 1 when
 * any error. Diagnostics go to stderr (text) or stdout (json).
 */
export function registerValidate(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("validate")
    .description(
      "check configuration files or directories (default: ./trusthub.yaml, else ./trusthub/)",
    )
    .argument("[path...]", "YAML files, or directories of *.yaml / *.yml files")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
    )
    .option("--quiet", "do not print warnings (they are still counted)")
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import("../../workflow/validate.ts");
      exit.code = await runValidate({
        paths,
        env: io.env,
        cwd: io.cwd,
        format: options.format,
        color: io.isTTY,
        quiet: options.quiet === true,
        stdout: (t) => io.stdout(t),
        stderr: (t) => io.stderr(t),
      });
    });
}

import { Option, type Command } from "commander";
import { EXIT } from "../../errors.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface ValidateOptions {
  format: "text" | "json";
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
    .action(async (paths: string[], options: ValidateOptions) => {
      exit.code = await validate(paths, options, io);
    });
}

async function validate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const { loadConfig } = await import("../../config/index.ts");
  const { renderDiagnostics } = await import("../../render/diagnostics.ts");
  const result = await loadConfig(paths, { env: io.env, cwd: io.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const valid = result.config !== undefined;
  if (options.format === "json") {
    const diagnostics = result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      path: d.path ?? null,
    }));
    io.stdout(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
    return valid ? EXIT.ok : EXIT.error;
  }
  io.stderr(renderDiagnostics(result.diagnostics, result.sources, { color: io.isTTY }));
  const files = plural(result.sources.size, "file");
  const warned = plural(warnings, "warning");
  if (result.config) {
    const primaries = plural(result.config.primary ? 1 : 0, "primary", "primaries");
    const secondaries = plural(result.config.secondaries.length, "secondary", "secondaries");
    io.stdout(`valid: ${primaries}, ${secondaries} in ${files} (${warned})\n`);
    return EXIT.ok;
  }
  io.stderr(`invalid: ${plural(errors, "error")}, ${warned} in ${files}\n`);
  return EXIT.error;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

import { Option, type Command } from "commander";
import { EXIT } from "../../errors.ts";
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
      exit.code = await validate(paths, options, io);
    });
}

async function validate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const { loadAccounts } = await import("../../config/index.ts");
  const { renderDiagnostics } = await import("../../render/diagnostics.ts");
  const result = await loadAccounts(paths, { env: io.env, cwd: io.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const valid = result.accounts !== undefined;
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
  const shown =
    options.quiet === true
      ? result.diagnostics.filter((d) => d.severity === "error")
      : result.diagnostics;
  io.stderr(renderDiagnostics(shown, result.sources, { color: io.isTTY }));
  const files = plural(result.sources.size, "file");
  const warned = plural(warnings, "warning");
  if (result.accounts) {
    const configs = result.accounts.map((a) => a.config);
    const primaries = plural(configs.filter((c) => c.primary).length, "primary", "primaries");
    const n = configs.reduce((sum, c) => sum + c.secondaries.length, 0);
    const secondaries = plural(n, "secondary", "secondaries");
    const accounts = configs.length > 1 ? ` for ${plural(configs.length, "account")}` : "";
    io.stdout(`valid: ${primaries}, ${secondaries}${accounts} in ${files} (${warned})\n`);
    return EXIT.ok;
  }
  io.stderr(`invalid: ${plural(errors, "error")}, ${warned} in ${files}\n`);
  return EXIT.error;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `trusthub validate`, after flag parsing: load and check the YAML (stages
 * 1-3 of docs/lifecycle.md, no request), then report the diagnostics as text
 * or JSON and return the exit code.
 */
import { loadAccounts } from "../config/index.ts";
import { EXIT } from "../errors.ts";
import { renderDiagnostics } from "../render/diagnostics.ts";

export interface ValidateOptions {
  paths: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  format: "text" | "json";
  color: boolean;
  /** Print errors only (warnings are still counted). */
  quiet?: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runValidate(o: ValidateOptions): Promise<number> {
  const result = await loadAccounts(o.paths, { env: o.env, cwd: o.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const valid = result.accounts !== undefined;
  if (o.format === "json") {
    const diagnostics = result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      path: d.path ?? null,
    }));
    o.stdout(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
    return valid ? EXIT.ok : EXIT.error;
  }
  const shown =
    o.quiet === true
      ? result.diagnostics.filter((d) => d.severity === "error")
      : result.diagnostics;
  o.stderr(renderDiagnostics(shown, result.sources, { color: o.color }));
  const files = plural(result.sources.size, "file");
  const warned = plural(warnings, "warning");
  if (result.accounts) {
    const configs = result.accounts.map((a) => a.config);
    const primaries = plural(configs.filter((c) => c.primary).length, "primary", "primaries");
    const n = configs.reduce((sum, c) => sum + c.secondaries.length, 0);
    const secondaries = plural(n, "secondary", "secondaries");
    const accounts = configs.length > 1 ? ` for ${plural(configs.length, "account")}` : "";
    o.stdout(`valid: ${primaries}, ${secondaries}${accounts} in ${files} (${warned})\n`);
    return EXIT.ok;
  }
  o.stderr(`invalid: ${plural(errors, "error")}, ${warned} in ${files}\n`);
  return EXIT.error;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

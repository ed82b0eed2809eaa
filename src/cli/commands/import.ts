import { relative } from "node:path";
import { Option, type Command } from "commander";
import { EXIT, UserError } from "../../errors.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface ImportFlags {
  out?: string;
  envOut?: string;
  envFile?: string;
  force?: boolean;
  sandbox?: boolean;
}

/**
 * `trusthub import [--out FILE] [--env-out FILE] [--force]`: write YAML for
 * what the account holds (stdout without --out), personal values as
 * `${env:NAME}` references whose values go to the env template (mode 0600).
 * Exit codes: 0 written and valid; 1 error, or the written YAML does not
 * validate yet (its diagnostics are printed; the files are kept).
 *
 * The env file's flag is `--env-out`, not `--env-file`: Node reads
 * `--env-file` anywhere in its argument list, even after the script, and
 * exits 9 ("not found") before trusthub starts. When the file exists Node
 * lets it through, and the hidden old flag then says what to use instead.
 */
export function registerImport(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("import")
    .description(
      "write YAML for the profiles the account already holds, personal values in an env template",
    )
    .option("--out <file>", "write the YAML to this file (default: stdout)")
    .option(
      "--env-out <file>",
      "write the personal values here (default: next to --out as <name>.env, else ./trusthub.env)",
    )
    .addOption(new Option("--env-file <file>").hideHelp())
    .option("--force", "overwrite existing files")
    .option("--sandbox", "read the embedded sandbox (.trusthub/sandbox.json) instead of Twilio")
    .action(async (flags: ImportFlags) => {
      if (flags.envFile !== undefined) {
        throw new UserError(
          "import/env-file-flag",
          `--env-file is now --env-out (Node itself reads --env-file): trusthub import --env-out ${flags.envFile}`,
        );
      }
      const { runImport } = await import("../../workflow/import.ts");
      const r = await runImport({
        env: io.env,
        cwd: io.cwd,
        force: flags.force === true,
        sandbox: flags.sandbox === true,
        color: io.isTTY && !io.env["NO_COLOR"],
        ...(flags.out !== undefined && { out: flags.out }),
        ...(flags.envOut !== undefined && { envFile: flags.envOut }),
      });
      const shown = (f: string): string => relative(io.cwd, f) || f;
      if (r.yamlFile === undefined) io.stdout(r.yaml);
      for (const w of r.warnings) io.stderr(`warning: ${w}\n`);
      const primaries = r.profiles.filter((p) => p.role === "primary").length;
      const secondaries = r.profiles.length - primaries;
      io.stderr(`${r.targetLine}\n`);
      io.stderr(
        `Imported ${primaries} primar${primaries === 1 ? "y" : "ies"} and ${secondaries} secondar${secondaries === 1 ? "y" : "ies"}` +
          `${r.yamlFile ? ` into ${shown(r.yamlFile)}` : ""}.\n` +
          `${r.variables} personal value${r.variables === 1 ? "" : "s"} written to ${shown(r.envFile)} (mode 0600). ` +
          `It holds personal data: do not commit it (add it to .gitignore); keep it in a secret store.\n` +
          `Next: set -a; . ${shown(r.envFile).includes("/") ? "" : "./"}${shown(r.envFile)}; set +a; trusthub plan${r.yamlFile ? ` ${shown(r.yamlFile)}` : ""}\n`,
      );
      if (r.envIgnored === false) {
        io.stderr(
          `warning: git does not ignore ${shown(r.envFile)}: add it to .gitignore before you commit\n`,
        );
      }
      if (r.rendered !== "") io.stderr(r.rendered);
      const errors = r.diagnostics.filter((d) => d.severity === "error").length;
      if (errors > 0) {
        io.stderr(
          `The imported YAML does not validate yet (${errors} error${errors === 1 ? "" : "s"}): fix the values above (in the YAML or the env file), then run trusthub plan.\n`,
        );
        exit.code = EXIT.error;
      } else {
        exit.code = EXIT.ok;
      }
    });
}

/**
 * The commander program. Commands only parse flags into an options object and
 * call the library; each returns an exit code through `setExit`.
 */
import { Command } from "commander";
import type { Io } from "./io.ts";
import { registerValidate } from "./commands/validate.ts";
import { registerPlan } from "./commands/plan.ts";
import { registerApply } from "./commands/apply.ts";
import { registerEmulator } from "./commands/emulator.ts";
import { registerImport } from "./commands/import.ts";
import { registerStatus } from "./commands/status.ts";
import { packageVersion } from "./version.ts";
import { registerSandbox } from "./commands/sandbox.ts";
import { registerForget } from "./commands/forget.ts";

/** Collects the exit code a command decided on. */
export interface ExitSink {
  code: number;
}

export function createProgram(io: Io, exit: ExitSink): Command {
  const program = new Command("trusthub")
    .description("Twilio Trust Hub compliance profiles as code")
    .version(packageVersion(), "-V, --version", "print the version of trusthub-reconciler")
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();
  registerValidate(program, io, exit);
  registerPlan(program, io, exit);
  registerApply(program, io, exit);
  registerEmulator(program, io, exit);
  registerImport(program, io, exit);
  registerStatus(program, io, exit);
  registerSandbox(program, io, exit);
  registerForget(program, io, exit);
  return program;
}

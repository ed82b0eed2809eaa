/** Entry point: the one top-level catch that turns errors into exit codes. */
import { CommanderError } from "commander";
import { EXIT, isUserError } from "../errors.ts";
import { processIo, type Io } from "./io.ts";
import { createProgram } from "./program.ts";

export async function run(argv: string[], io: Io): Promise<number> {
  const exit = { code: EXIT.ok as number };
  try {
    await createProgram(io, exit).parseAsync(argv);
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (isUserError(e)) {
      io.stderr(`error: ${e.message}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`internal error: ${message}\n`);
    if (io.env["TRUSTHUB_DEBUG"] && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.error;
  }
}

export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

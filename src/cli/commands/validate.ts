import type { Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

/** Stub: replaced by the issue that builds `trusthub validate`. */
export function registerValidate(program: Command, io: Io, exit: ExitSink): void {
  program.command("validate").action(() => {
    io.stderr("trusthub validate: not implemented yet\n");
    exit.code = 1;
  });
}

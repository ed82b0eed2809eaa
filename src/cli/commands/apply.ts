import type { Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

/** Stub: replaced by the issue that builds `trusthub apply`. */
export function registerApply(program: Command, io: Io, exit: ExitSink): void {
  program.command("apply").action(() => {
    io.stderr("trusthub apply: not implemented yet\n");
    exit.code = 1;
  });
}

import type { Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

/** Stub: replaced by the issue that builds `trusthub emulator`. */
export function registerEmulator(program: Command, io: Io, exit: ExitSink): void {
  program.command("emulator").action(() => {
    io.stderr("trusthub emulator: not implemented yet\n");
    exit.code = 1;
  });
}

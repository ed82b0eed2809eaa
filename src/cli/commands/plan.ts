import type { Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

/** Stub: replaced by the issue that builds `trusthub plan`. */
export function registerPlan(program: Command, io: Io, exit: ExitSink): void {
  program.command("plan").action(() => {
    io.stderr("trusthub plan: not implemented yet\n");
    exit.code = 1;
  });
}

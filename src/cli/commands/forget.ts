/**
 * `trusthub forget KEY...`: stop managing profiles (Pulumi state only; Trust
 * Hub is not touched). Logic: src/workflow/forget.ts.
 */
import type { Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

export function registerForget(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("forget")
    .description(
      "stop managing profiles or trust products without touching Trust Hub (like terraform state rm)",
    )
    .argument("<key...>", "keys of profiles or trust products (<profile>/<kind>) apply manages")
    .action(async (keys: string[]) => {
      const { runForget } = await import("../../workflow/forget.ts");
      exit.code = await runForget({ keys, env: io.env, cwd: io.cwd, out: (t) => io.stdout(t) });
    });
}

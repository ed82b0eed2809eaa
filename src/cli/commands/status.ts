import { InvalidArgumentError, Option, type Command } from "commander";
import { UserError } from "../../errors.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface StatusFlags {
  format: "text" | "json";
  wait?: boolean;
  timeout?: number;
  sandbox?: boolean;
  account?: string;
}

/** `30m`, `90s`, `1h30m`, `500ms`, or a plain number of seconds -> milliseconds. */
export function parseDuration(text: string): number {
  const v = text.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let end = 0;
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]!]!;
    end = m.index + m[0].length;
  }
  if (v === "" || end !== v.length || total <= 0) {
    throw new InvalidArgumentError("expected a duration such as 30m, 90s, 1h30m or 45 (seconds)");
  }
  return total;
}

/**
 * `trusthub status [path...] [--wait [--timeout D]] [--format text|json]`:
 * each declared (or, with no path, each live) profile's status, rejection
 * codes with their meaning and the last evaluation's failures. Read only.
 * Exit codes: 0 read (without --wait), or every submitted profile approved;
 * 6 some profile twilio-rejected (with --wait); 1 error, or --wait timed out.
 */
export function registerStatus(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("status")
    .description(
      "show each profile's live status, rejection codes and last evaluation failures (read only)",
    )
    .argument("[path...]", "YAML files or directories; without: every live profile of the account")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
    )
    .option(
      "--wait",
      "poll (with backoff) until every submitted profile is twilio-approved or twilio-rejected",
    )
    .option("--timeout <duration>", "give up waiting after this long (default 30m)", parseDuration)
    .option("--sandbox", "read the embedded sandbox (.trusthub/sandbox.json) instead of Twilio")
    .option(
      "--account <name>",
      "with files of several accounts (a parent and its subaccounts): the declared account to read",
    )
    .action(async (paths: string[], flags: StatusFlags) => {
      if (flags.timeout !== undefined && flags.wait !== true) {
        throw new UserError("status/usage", "--timeout needs --wait");
      }
      const { runStatus } = await import("../../workflow/status.ts");
      const { statusOutput } = await import("../../workflow/status-output.ts");
      const color = io.isTTY && flags.format === "text" && !io.env["NO_COLOR"];
      const report = await runStatus({
        paths,
        env: io.env,
        cwd: io.cwd,
        wait: flags.wait === true,
        sandbox: flags.sandbox === true,
        ...(flags.account !== undefined && { account: flags.account }),
        ...(flags.timeout !== undefined && { timeoutMs: flags.timeout }),
        onProgress: (line) => io.stderr(`${line}\n`),
      });
      const { describeTarget } = await import("../../workflow/target.ts");
      io.stderr(`${describeTarget(report.target, io.env, io.cwd)}\n`);
      const { text, exitCode } = statusOutput(report, { format: flags.format, color });
      io.stdout(text);
      exit.code = exitCode;
    });
}

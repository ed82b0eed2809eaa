import { InvalidArgumentError, type Command } from "commander";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface ApplyFlags {
  plan?: string;
  autoApprove?: boolean;
  target?: string[];
  parallel?: number;
  parallelism?: number;
  maxRps?: number;
  prune?: boolean;
  ackChecksum?: string;
  force?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Yes/no on the controlling terminal (when the Io brings no prompt of its own). */
async function ttyConfirm(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} Only "yes" is accepted: `);
    return answer.trim() === "yes";
  } finally {
    rl.close();
  }
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

/**
 * `trusthub apply [path...] [--plan FILE] [--auto-approve] [--target KEY]...`:
 * plan, show, confirm, then write through the Pulumi engine (src/workflow/apply.ts).
 */
export function registerApply(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("apply")
    .description("carry out the plan through Pulumi: create/update profiles, evaluate, submit")
    .argument("[path...]", "YAML files, or directories of *.yaml / *.yml files")
    .option("--plan <file>", "apply this saved plan (JSON) only if it is still true")
    .option("--auto-approve", "do not ask for confirmation (required without a terminal)")
    .option(
      "--target <key>",
      "only this profile key (repeatable)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(
      "--parallelism <n>",
      "profiles written at once, and requests in flight at once (default 10)",
      positiveInt,
    )
    .option("--parallel <n>", "alias of --parallelism", positiveInt)
    .option("--max-rps <n>", "at most this many requests per second to Trust Hub", positiveInt)
    .option(
      "--prune",
      "delete draft or rejected secondaries apply manages that the YAML no longer declares",
    )
    .option(
      "--ack-checksum <sha>",
      "apply a plan over a safety threshold: the checksum of that exact plan",
    )
    .option("--force", "apply a plan over a safety threshold without acknowledging its checksum")
    .option("--quiet", "do not print configuration warnings")
    .option("--verbose", "print every profile's start and each write, not only progress")
    .action(async (paths: string[], flags: ApplyFlags) => {
      const parallel = flags.parallelism ?? flags.parallel;
      const { configureRequests } = await import("../../workflow/requests.ts");
      configureRequests({ parallelism: parallel, maxRps: flags.maxRps });
      const { applyAccounts } = await import("../../workflow/accounts.ts");
      exit.code = await applyAccounts({
        err: (t) => io.stderr(t),
        paths,
        env: io.env,
        cwd: io.cwd,
        autoApprove: flags.autoApprove === true,
        color: io.isTTY,
        out: (t) => io.stdout(t),
        ...(flags.target ? { targets: flags.target } : {}),
        ...(flags.plan ? { planFile: flags.plan } : {}),
        ...(parallel ? { parallel } : {}),
        ...(flags.prune ? { prune: true } : {}),
        ...(flags.force ? { force: true } : {}),
        ...(flags.quiet ? { quiet: true } : {}),
        ...(flags.ackChecksum ? { ackChecksum: flags.ackChecksum } : {}),
        ...(io.isTTY ? { confirm: io.confirm ?? ttyConfirm } : {}),
        progress: flags.verbose ? "verbose" : io.isTTY ? "tty" : "ci",
      });
    });
}

/**
 * `trusthub sandbox approve|reject|status|create-primary|create-numbers`: what Twilio's
 * reviewers and the Console do, for the embedded sandbox (no credentials) or a
 * running emulator (TRUSTHUB_API_URL). Logic: src/workflow/sandbox.ts.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { PROFILE_STATUSES, type ProfileStatus } from "../../workflow/profile-statuses.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

function code(v: string, prev: number[] = []): number[] {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError("a rejection code is a number, e.g. 18601");
  return [...prev, Number(v)];
}

export function registerSandbox(program: Command, io: Io, exit: ExitSink): void {
  const opts = () => ({ env: io.env, cwd: io.cwd, out: (t: string) => io.stdout(t) });
  const wf = () => import("../../workflow/sandbox.ts");
  const sandbox = program
    .command("sandbox")
    .description(
      "act as Twilio's review and Console on the embedded sandbox or an emulator (TRUSTHUB_API_URL)",
    );
  sandbox
    .command("status")
    .description(
      "list the account's profiles and trust products (key, SID, status, friendly name) and the review mode",
    )
    .action(async () => {
      await (await wf()).sandboxStatus(opts());
      exit.code = 0;
    });
  sandbox
    .command("approve")
    .description("approve a submitted profile, as Twilio's review would")
    .argument("<profile>", "profile SID (BU...), managed key, or exact friendly name")
    .action(async (ref: string) => {
      await (await wf()).sandboxApprove(ref, opts());
      exit.code = 0;
    });
  sandbox
    .command("reject")
    .description("reject a submitted profile with rejection codes, as Twilio's review would")
    .argument("<profile>", "profile SID (BU...), managed key, or exact friendly name")
    .option("--code <n>", "rejection code (repeatable; default 18601)", code)
    .action(async (ref: string, flags: { code?: number[] }) => {
      await (await wf()).sandboxReject(ref, flags.code ?? [], opts());
      exit.code = 0;
    });
  sandbox
    .command("create-primary")
    .description(
      "create the YAML's primary profile, as the Twilio Console would (submitted when the YAML says submit)",
    )
    .argument("[path...]", "YAML files, or directories of *.yaml / *.yml files")
    .addOption(
      new Option("--status <status>", "then set this status (e.g. twilio-approved)").choices([
        ...PROFILE_STATUSES,
      ]),
    )
    .action(async (paths: string[], flags: { status?: ProfileStatus }) => {
      await (await wf()).sandboxCreatePrimary(paths, flags.status, opts());
      exit.code = 0;
    });
  sandbox
    .command("create-numbers")
    .description(
      "create the phone numbers the YAML declares in the account, as if bought from Twilio (issue 14)",
    )
    .argument("[path...]", "YAML files, or directories of *.yaml / *.yml files")
    .action(async (paths: string[]) => {
      const { sandboxCreateNumbers } = await import("../../workflow/sandbox-numbers.ts");
      await sandboxCreateNumbers(paths, opts());
      exit.code = 0;
    });
}

/**
 * `trusthub emulator`: run the Trust Hub emulator until SIGINT/SIGTERM.
 * Prints the base URL and the default sandbox account's SID and auth token.
 */
import { InvalidArgumentError, type Command } from "commander";
import { UserError } from "../../errors.ts";
import type { Io } from "../io.ts";
import type { ExitSink } from "../program.ts";

interface EmulatorFlags {
  port: number;
  host: string;
  data?: string;
  account: { sid: string; token: string }[];
  reviewDelay?: number;
  deterministic?: boolean;
}

function int(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
    return Number(v);
  };
}

function account(
  v: string,
  prev: { sid: string; token: string }[],
): { sid: string; token: string }[] {
  const i = v.indexOf(":");
  const sid = i < 0 ? "" : v.slice(0, i);
  const token = i < 0 ? "" : v.slice(i + 1);
  if (!/^AC[0-9a-fA-F]{32}$/.test(sid) || token === "") {
    throw new InvalidArgumentError("expected SID:TOKEN with SID = AC + 32 hex digits");
  }
  return [...prev, { sid, token }];
}

export function registerEmulator(program: Command, io: Io, exit: ExitSink): void {
  program
    .command("emulator")
    .description("run the local Trust Hub emulator (a sandbox of the Trust Hub API)")
    .option("--port <n>", "port to listen on (0 = any free port)", int("--port"), 4010)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--data <file>", "persist state to this JSON file (memory only without it)")
    .option(
      "--account <sid:token>",
      "serve this account (repeatable; first is the default)",
      account,
      [],
    )
    .option(
      "--review-delay <ms>",
      "approve submitted profiles automatically after this delay",
      int("--review-delay"),
    )
    .option("--deterministic", "sequential SIDs (for golden tests)")
    .action(async (flags: EmulatorFlags) => {
      // Loaded only here: every other command would load the whole emulator (issue 15).
      const { startEmulator } = await import("../../emulator/index.ts");
      const em = await startEmulator({
        port: flags.port,
        host: flags.host,
        ...(flags.data !== undefined && { dataFile: flags.data }),
        ...(flags.account.length > 0 && { accounts: flags.account }),
        ...(flags.reviewDelay !== undefined && { reviewDelayMs: flags.reviewDelay }),
        ...(flags.deterministic === true && { deterministic: true }),
      }).catch((e: unknown) => {
        // Port in use, data file locked or unreadable: the message says which.
        throw new UserError("emulator/start", `cannot start the emulator: ${(e as Error).message}`);
      });
      const first = em.accounts[0]!;
      io.stdout(`Trust Hub emulator listening on ${em.url}\n`);
      io.stdout(`account sid: ${first.sid}\n`);
      io.stdout(`auth token:  ${first.token}\n`);
      if (flags.data !== undefined) io.stdout(`data file:   ${flags.data}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await em.close();
      io.stdout("emulator stopped\n");
      exit.code = 0;
    });
}

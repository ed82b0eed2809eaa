/**
 * An in-memory Io for running `run()` from src/cli/main.ts in-process: what a
 * command writes is collected in `out` and `err`. It leaves out a terminal
 * (`isTTY` is false unless asked, and there is no `confirm`).
 */
import type { Io } from "../../src/cli/io.ts";
import { run } from "../../src/cli/main.ts";

export interface MemoryIo extends Io {
  out: string;
  err: string;
}

export function memoryIo(
  cwd = process.cwd(),
  env: Record<string, string | undefined> = {},
  isTTY = false,
): MemoryIo {
  const io: MemoryIo = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env,
    cwd,
    isTTY,
  };
  return io;
}

/** `trusthub ...args` in-process: the exit code and what it wrote. */
export async function runTrusthub(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd, env);
  const code = await run(["node", "trusthub", ...args], io);
  return { code, out: io.out, err: io.err };
}

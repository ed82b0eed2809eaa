/** The process edges a command may touch, injectable so tests run commands in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** stdout is a terminal: colours and prompts allowed. */
  isTTY: boolean;
  /** Ask a yes/no question on a terminal; undefined when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>;
}

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

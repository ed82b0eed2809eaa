/**
 * A witness for "Pulumi never started": a bin directory whose `pulumi` is a
 * shell script that appends one line to a log and then execs the real CLI
 * (the other binaries, language host and plugins, are symlinks). Apply is
 * pointed at it with TRUSTHUB_PULUMI_BIN; an empty log after a no-op apply
 * means no Pulumi command ran. The same wrapper is used for the real apply,
 * so the bench also sees it log when Pulumi does run. `pulumi version` is not
 * logged: apply's pre-flight asks it before every plan (src/apply/pulumi-bin.ts),
 * and it runs no engine, reads no state.
 */
import {
  chmodSync,
  existsSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { findPulumiBinDir } from "../src/apply/pulumi-bin.ts";

export interface PulumiWitness {
  binDir: string;
  /** Pulumi invocations so far (one per `pulumi ...` command). */
  invocations(): number;
  /** The log: one line per invocation, "<epoch seconds> <arguments>". */
  log: string;
  /** Invocations after the first `skip`: seconds since `sinceEpochMs` and the subcommand. */
  commands(skip: number, sinceEpochMs: number): { at: number; command: string }[];
}

export function pulumiWitness(dir: string): PulumiWitness {
  const real = findPulumiBinDir(process.env);
  const binDir = join(dir, "bin");
  mkdirSync(binDir, { recursive: true });
  const log = join(dir, "pulumi-invocations.log");
  for (const f of readdirSync(real)) {
    if (f !== "pulumi" && !existsSync(join(binDir, f))) symlinkSync(join(real, f), join(binDir, f));
  }
  const script =
    `#!/bin/sh\n[ "$*" = version ] || echo "$(date +%s.%N) $*" >> '${log}'\n` +
    `exec '${join(real, "pulumi")}' "$@"\n`;
  writeFileSync(join(binDir, "pulumi"), script);
  chmodSync(join(binDir, "pulumi"), 0o755);
  const lines = () =>
    existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
  return {
    binDir,
    log,
    invocations: () => lines().length,
    commands: (skip, since) =>
      lines()
        .slice(skip)
        .map((l) => {
          const [ts, ...args] = l.split(" ");
          const command = args
            .filter((a) => !a.startsWith("-"))
            .slice(0, 2)
            .join(" ");
          return { at: Math.round((Number(ts) * 1000 - since) / 10) / 100, command };
        }),
  };
}

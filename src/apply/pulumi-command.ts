/**
 * The Automation API's handle on the Pulumi CLI, made from the CLI that
 * pulumi-bin.ts found and checked, with no second `pulumi version` run.
 *
 * `PulumiCommand.get({ root })` runs `pulumi version` again (about 0.2 to 0.3 s
 * of every apply) and looks for `<root>/bin/pulumi`, so a CLI in a directory
 * not named `bin` (the official tarball's `pulumi/`, TRUSTHUB_PULUMI_BIN=/opt/pulumi)
 * was not found. The constructor takes the exact binary and the version; the
 * SDK reads that version as a `semver` SemVer (its own dependency, resolved
 * from the SDK's location so an installed package finds the same copy).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import { pulumiSdkDir, type PulumiCli } from "./pulumi-bin.ts";

interface SemverModule {
  parse(v: string): object | null;
}

type Ctor = new (command: string, version: object | null) => PulumiCommand;

export function pulumiCommand(cli: PulumiCli): PulumiCommand {
  const semver = createRequire(join(pulumiSdkDir(), "package.json"))("semver") as SemverModule;
  return new (PulumiCommand as unknown as Ctor)(join(cli.dir, "pulumi"), semver.parse(cli.version));
}

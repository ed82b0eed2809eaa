/**
 * The directory of the Pulumi CLI the tests use: the one the tool itself
 * finds ($TRUSTHUB_PULUMI_BIN, PATH, ~/.pulumi/bin, the repository's build
 * cache of scripts/pulumi-cli.sh). Throws with the reason when there is none
 * (tests never download one).
 */
import { findPulumiBinDir } from "../../src/apply/pulumi-bin.ts";

export function pulumiDir(): string {
  return findPulumiBinDir(process.env);
}

/**
 * The directory of the Pulumi CLI the tests use: $TRUSTHUB_PULUMI_BIN, else
 * the repository's build cache for the pinned version (scripts/pulumi-cli.sh).
 * Throws with the reason when there is none (tests never download one).
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pinnedVersion } from "../../src/apply/pulumi-bin.ts";

export function pulumiDir(): string {
  const explicit = process.env["TRUSTHUB_PULUMI_BIN"];
  const cache = join(
    process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache"),
    "trusthub-reconciler",
    "pulumi",
    pinnedVersion(),
    "bin",
  );
  for (const dir of [explicit, cache]) if (dir && existsSync(join(dir, "pulumi"))) return dir;
  throw new Error(
    `no Pulumi CLI: set TRUSTHUB_PULUMI_BIN or run scripts/pulumi-cli.sh (looked in ${explicit ?? "-"} and ${cache})`,
  );
}

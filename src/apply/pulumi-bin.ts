/**
 * Finds the Pulumi CLI built by scripts/pulumi-cli.sh (never downloads one):
 * $TRUSTHUB_PULUMI_BIN, else the cache directory keyed by the pinned version,
 * else a `pulumi` on PATH reporting that version.
 */
import { existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { delimiter, dirname, join } from "node:path";
import { homedir } from "node:os";
import { UserError } from "../errors.ts";

type Env = Record<string, string | undefined>;

/** The repository (package) root: where node_modules and scripts/ live. */
export const PACKAGE_ROOT = join(import.meta.dirname, "..", "..");

export function pinnedVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(PACKAGE_ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8"),
  ) as { version: string };
  return `v${pkg.version}`;
}

function versionOf(bin: string): string | undefined {
  try {
    const out = execFileSync(bin, ["version"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      timeout: 20_000,
    });
    return out.trim();
  } catch {
    return undefined;
  }
}

/** Directory holding the `pulumi` binary of the pinned version. */
export function findPulumiBinDir(env: Env): string {
  const v = pinnedVersion();
  const explicit = env["TRUSTHUB_PULUMI_BIN"];
  if (explicit) {
    if (!existsSync(join(explicit, "pulumi"))) {
      throw new UserError(
        "pulumi/missing",
        `TRUSTHUB_PULUMI_BIN=${explicit} holds no pulumi binary`,
      );
    }
    return explicit;
  }
  const cacheRoot = env["XDG_CACHE_HOME"] || join(env["HOME"] || homedir(), ".cache");
  const cached = join(cacheRoot, "trusthub-reconciler", "pulumi", v, "bin");
  if (existsSync(join(cached, "pulumi"))) return cached;
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    const bin = join(dir, "pulumi");
    if (dir && existsSync(bin) && versionOf(bin) === v) return dirname(bin);
  }
  throw new UserError(
    "pulumi/missing",
    `the Pulumi CLI ${v} was not found: run \`bash scripts/pulumi-cli.sh\` (builds it from the Go module proxy ` +
      `into ${cached}), or install it with \`curl -fsSL https://get.pulumi.com | sh -s -- --version ${v.slice(1)}\``,
  );
}

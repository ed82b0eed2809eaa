/**
 * Finds the Pulumi CLI to run (never downloads one). Any `pulumi` at or above
 * MIN_PULUMI_VERSION works; SDK and CLI versions need not match. The first
 * `pulumi` found is the one used, in this order:
 *   1. $TRUSTHUB_PULUMI_BIN (a directory holding `pulumi`);
 *   2. the first `pulumi` on PATH;
 *   3. ~/.pulumi/bin (the official installer's place);
 *   4. the repository's build cache ($XDG_CACHE_HOME or ~/.cache)/trusthub-reconciler/pulumi/<v>/bin
 *      (scripts/pulumi-cli.sh), newest version first.
 * A `pulumi` below the minimum is refused (not skipped): it is the one the user's shell runs.
 */
import { existsSync, readdirSync } from "node:fs";
import { execFile, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { homedir } from "node:os";
import { UserError } from "../errors.ts";

type Env = Record<string, string | undefined>;

/**
 * The oldest Pulumi CLI accepted: v3.176.0 added the postgres:// self-managed
 * backend (pulumi/pulumi#19581) that shared state needs; everything else the tool
 * uses is older (--continue-on-error, project-scoped DIY stacks since 3.61, the
 * Automation API's own floor of 3.2). Tested: 3.274.1 and 3.276.0 (docs/decisions.md §8).
 */
export const MIN_PULUMI_VERSION = "3.176.0";

/** The package root (repository, or node_modules/trusthub-reconciler when installed). */
export const PACKAGE_ROOT = join(import.meta.dirname, "..", "..");

/** The @pulumi/pulumi directory this code runs with (hoisted or nested when installed). */
export function pulumiSdkDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@pulumi/pulumi/package.json"));
}

export interface PulumiCli {
  /** Directory holding `pulumi` (the Automation API's root is its parent). */
  dir: string;
  /** Version without the leading v, e.g. 3.276.0. */
  version: string;
  /** Where it was found: TRUSTHUB_PULUMI_BIN, PATH, ~/.pulumi/bin or the build cache. */
  source: string;
}

type Triple = [number, number, number];

/** "v3.276.0", "3.276.0-dev.0" -> [3, 276, 0]; undefined when not a version. */
export function parseVersion(text: string): Triple | undefined {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareVersions(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** How `pulumi version` runs, at once (reportedVersion) or in the background (askPulumiVersionEarly). */
const versionRun = () => ({
  encoding: "utf8" as const,
  env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  timeout: 20_000,
});

function reportedVersion(bin: string): string | undefined {
  try {
    return execFileSync(bin, ["version"], {
      ...versionRun(),
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Candidate directories in search order, each with where it came from. */
function candidates(env: Env): { dir: string; source: string }[] {
  const home = env["HOME"] || homedir();
  const out: { dir: string; source: string }[] = [];
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "pulumi"))) out.push({ dir, source: "PATH" });
  }
  out.push({ dir: join(home, ".pulumi", "bin"), source: "~/.pulumi/bin" });
  const cache = join(
    env["XDG_CACHE_HOME"] || join(home, ".cache"),
    "trusthub-reconciler",
    "pulumi",
  );
  const versions = existsSync(cache)
    ? readdirSync(cache)
        .map((name) => ({ name, v: parseVersion(name) }))
        .filter((x): x is { name: string; v: Triple } => x.v !== undefined)
        .sort((a, b) => compareVersions(b.v, a.v))
    : [];
  for (const { name } of versions) {
    out.push({ dir: join(cache, name, "bin"), source: "the trusthub build cache" });
  }
  return out;
}

const HOW =
  `Install Pulumi ${MIN_PULUMI_VERSION} or newer (https://www.pulumi.com/docs/iac/download-install/, ` +
  "or `curl -fsSL https://get.pulumi.com | sh`) and put it on PATH or set TRUSTHUB_PULUMI_BIN to its directory; " +
  "in the trusthub repository, `npm run pulumi-cli` builds one from the Go module proxy";

const seen = new Map<string, string | undefined>();

/** Checks one directory's `pulumi`: version at or above the minimum, else a UserError naming both. */
function accept(dir: string, source: string): PulumiCli {
  const bin = join(dir, "pulumi");
  if (!seen.has(bin)) seen.set(bin, reportedVersion(bin));
  const raw = seen.get(bin);
  const v = raw === undefined ? undefined : parseVersion(raw);
  if (v === undefined) {
    throw new UserError(
      "pulumi/version",
      `the Pulumi CLI ${bin} (from ${source}) did not report a version (\`pulumi version\` failed). ${HOW}`,
    );
  }
  const version = v.join(".");
  if (compareVersions(v, parseVersion(MIN_PULUMI_VERSION)!) < 0) {
    throw new UserError(
      "pulumi/version",
      `the Pulumi CLI ${bin} (from ${source}) is v${version}; trusthub needs v${MIN_PULUMI_VERSION} or newer. ${HOW}`,
    );
  }
  return { dir, version, source };
}

/** The `pulumi` findPulumiCli checks: TRUSTHUB_PULUMI_BIN's, else the first candidate found. */
function pick(env: Env): { dir: string; source: string } | undefined {
  const explicit = env["TRUSTHUB_PULUMI_BIN"]?.trim();
  if (explicit) {
    return existsSync(join(explicit, "pulumi"))
      ? { dir: explicit, source: "TRUSTHUB_PULUMI_BIN" }
      : undefined;
  }
  return candidates(env).find((c) => existsSync(join(c.dir, "pulumi")));
}

/** The Pulumi CLI to run, checked; throws a UserError naming what was found and what is needed. */
export function findPulumiCli(env: Env): PulumiCli {
  const found = pick(env);
  if (found) return accept(found.dir, found.source);
  const explicit = env["TRUSTHUB_PULUMI_BIN"]?.trim();
  throw new UserError(
    "pulumi/missing",
    explicit
      ? `TRUSTHUB_PULUMI_BIN=${explicit} holds no pulumi binary. ${HOW}`
      : `no Pulumi CLI found (looked in TRUSTHUB_PULUMI_BIN, PATH, ~/.pulumi/bin and the trusthub build cache). ${HOW}`,
  );
}

const asking = new Map<string, Promise<void>>();

/**
 * Starts, in the background, the `pulumi version` that findPulumiCli runs (a
 * Go binary's start, about 0.2 s): apply asks before it loads the YAML, so
 * its pre-flight finds the answer instead of waiting for it.
 */
export function askPulumiVersionEarly(env: Env): void {
  const found = pick(env);
  const bin = found && join(found.dir, "pulumi");
  if (!bin || seen.has(bin) || asking.has(bin)) return;
  const answer = new Promise<void>((resolve) => {
    execFile(bin, ["version"], versionRun(), (err, stdout) => {
      if (!seen.has(bin)) seen.set(bin, err ? undefined : stdout.trim());
      resolve();
    });
  });
  asking.set(bin, answer);
}

/** findPulumiCli, once the early `pulumi version` (askPulumiVersionEarly) has answered. */
export async function findPulumiCliSoon(env: Env): Promise<PulumiCli> {
  const found = pick(env);
  if (found) await asking.get(join(found.dir, "pulumi"));
  return findPulumiCli(env);
}

/** Directory holding the `pulumi` binary to run (see findPulumiCli). */
export function findPulumiBinDir(env: Env): string {
  return findPulumiCli(env).dir;
}

/**
 * The package as a user gets it: the tarball `npm pack` makes, installed into a
 * fresh project outside the repository, and a Node of a given major to run it
 * with. Everything goes through the real npm (its cache makes reruns fast).
 */
import { execFile, spawn, type ChildProcessByStdio } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join, relative, sep } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { ROOT } from "../apply/fixtures.ts";

const exec = promisify(execFile);

/** Node 22 for the test only (`node-<os>-<cpu>` is the binary package the `node` package installs). */
export const NODE22_VERSION = "22.23.3";

/** npm's own CLI scripts (npm-cli.js, npx-cli.js), found through `npm` on PATH. */
function npmScript(name: "npm-cli.js" | "npx-cli.js"): string {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    const npm = join(dir, "npm");
    if (dir && existsSync(npm)) return join(dirname(realpathSync(npm)), name);
  }
  throw new Error("npm is not on PATH");
}

/** PATH without the repository (its node_modules/.bin), `nodeDir` first. */
export function outsidePath(nodeDir: string): string {
  const rest = (process.env["PATH"] ?? "").split(delimiter).filter((d) => d && !d.startsWith(ROOT));
  return [nodeDir, ...rest].join(delimiter);
}

/** Runs npm with this process's Node (24) in `cwd`. */
async function npm(args: string[], cwd: string): Promise<string> {
  const r = await exec(process.execPath, [npmScript("npm-cli.js"), ...args], {
    cwd,
    env: { ...process.env, PATH: outsidePath(dirname(process.execPath)) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.stdout;
}

/** The directory holding `node` of the given version, installed once into the cache. */
export async function nodeBinDir(version: string): Promise<string> {
  const cache = process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache");
  const home = join(cache, "trusthub-reconciler", "node", version);
  if (existsSync(join(home, "bin", "node"))) return join(home, "bin");
  const pkg = `node-${process.platform}-${process.arch}`;
  const tmp = mkdtempSync(join(tmpdir(), "trusthub-node-"));
  await npm(
    [
      "install",
      "--prefix",
      tmp,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
    ].concat(`${pkg}@${version}`),
    tmp,
  );
  mkdirSync(dirname(home), { recursive: true });
  renameSync(join(tmp, "node_modules", pkg), home);
  return join(home, "bin");
}

export interface Packed {
  file: string;
  /** Bytes of the .tgz and of its contents. */
  size: number;
  unpackedSize: number;
  files: string[];
}

const NOT_COPIED = new Set(["node_modules", ".git", "dist", ".trusthub", "coverage"]);

/**
 * `npm pack` (its `prepare` builds dist/) in a copy of the repository: the repository's own dist/
 * is never rebuilt under other tests or a developer. node_modules is linked, not copied.
 */
export async function packTool(): Promise<Packed> {
  const stage = mkdtempSync(join(tmpdir(), "trusthub-stage-"));
  cpSync(ROOT, stage, {
    recursive: true,
    filter: (src) => src === ROOT || !NOT_COPIED.has(relative(ROOT, src).split(sep)[0]!),
  });
  symlinkSync(join(ROOT, "node_modules"), join(stage, "node_modules"));
  const dest = mkdtempSync(join(tmpdir(), "trusthub-pack-"));
  await npm(["run", "build"], stage);
  const out = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dest], stage);
  rmSync(stage, { recursive: true, force: true });
  const [info] = JSON.parse(out) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  return {
    file: join(dest, info!.filename),
    size: info!.size,
    unpackedSize: info!.unpackedSize,
    files: info!.files.map((f) => f.path),
  };
}

/** A fresh project outside the repository whose only direct dependency is the tarball. */
export async function installProject(tarball: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-user-repo-"));
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "config-repo", private: true, dependencies: { "trusthub-reconciler": `file:${tarball}` } }, null, 2)}\n`,
  );
  await npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], dir);
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx --no trusthub <args>` under the Node in `nodeDir`, from `cwd` inside the project. */
export function npxTrusthub(
  nodeDir: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<Run> {
  return collect(
    spawn(join(nodeDir, "node"), [npmScript("npx-cli.js"), "--no", "--", "trusthub", ...args], {
      cwd,
      env: { PATH: outsidePath(nodeDir), HOME: process.env["HOME"] ?? homedir(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

function collect(child: ChildProcessByStdio<null, Readable, Readable>): Promise<Run> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
}

/**
 * `pulumi preview --expect-no-changes` of the sandbox stack in `cwd` through a Pulumi.yaml whose
 * `main` is the installed package's compiled program (the project's node_modules is `cwd/..`).
 */
export interface PreviewTarget {
  stack: string;
  passphrase: string;
  /** Config paths (absolute), as TRUSTHUB_PATHS. */
  paths: string;
  /** Credentials and TRUSTHUB_API_URL for an emulator; none: the program is asked for the sandbox. */
  env?: Record<string, string | undefined>;
}

export function pulumiPreview(
  nodeDir: string,
  pulumiBin: string,
  cwd: string,
  target: PreviewTarget,
): Promise<Run> {
  writeFileSync(
    join(cwd, "Pulumi.yaml"),
    "name: trusthub\nruntime: nodejs\nmain: ../node_modules/trusthub-reconciler/dist/workflow/pulumi-program.js\n",
  );
  const args = ["preview", "--stack", target.stack, "--non-interactive", "--expect-no-changes"];
  return collect(
    spawn(join(pulumiBin, "pulumi"), args, {
      cwd,
      env: {
        PATH: `${nodeDir}${delimiter}${pulumiBin}${delimiter}/usr/bin${delimiter}/bin`,
        HOME: process.env["HOME"] ?? homedir(),
        PULUMI_BACKEND_URL: pathToFileURL(join(cwd, ".trusthub", "state")).href,
        PULUMI_HOME: join(cwd, ".trusthub", "pulumi-home"),
        PULUMI_CONFIG_PASSPHRASE: target.passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        TRUSTHUB_PATHS: target.paths,
        ...target.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** `node --version` as the installed command's `#!/usr/bin/env node` sees it. */
export async function nodeVersionOnPath(nodeDir: string): Promise<string> {
  const r = await exec("sh", ["-c", "node --version"], { env: { PATH: outsidePath(nodeDir) } });
  return r.stdout.trim();
}

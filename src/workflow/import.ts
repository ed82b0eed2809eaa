/**
 * `trusthub import`, the I/O part: resolve the target, read every profile of
 * the account with its entity assignments (one request per profile: import
 * is a one-off), hand it to the pure emitter (src/workflow/emit/emit.ts), write the
 * env template (mode 0600, personal data) and the YAML, then validate the
 * written YAML with the template's variables so problems show at once.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { loadConfig } from "../config/index.ts";
import { emitConfig, type ImportedProfile } from "./emit/emit.ts";
import { UserError } from "../errors.ts";
import { writeFileAtomic } from "../lib/atomic-write.ts";
import type { Diagnostic } from "../model/config.ts";
import type { ManagedRecord, TargetInfo } from "../model/trusthub.ts";
import { renderDiagnostics } from "../render/diagnostics.ts";
import { readAccount } from "../state/read.ts";
import { readImportExtras } from "./import-products.ts";
import { describeTarget, openTarget, readManagedRecords } from "./target.ts";

type Env = Record<string, string | undefined>;

export const SCHEMA_FILE = resolve(import.meta.dirname, "../../schemas/trusthub.schema.json");

export interface ImportOptions {
  env: Env;
  cwd: string;
  /** YAML file; absent: the YAML is returned for stdout. */
  out?: string;
  /** Env template; default: next to `out` (`<name>.env`), else ./trusthub.env. */
  envFile?: string;
  /** Overwrite existing files. */
  force?: boolean;
  color?: boolean;
  /** `--sandbox`: read the embedded sandbox (without it, no credentials is an error). */
  sandbox?: boolean;
  /** Apply's managed records (keys are reused); default: Pulumi state. */
  readManaged?: (ctx: {
    env: Env;
    cwd: string;
    target: TargetInfo;
  }) => Promise<Record<string, ManagedRecord>>;
}

export interface ImportOutcome {
  target: TargetInfo;
  /** Where import read from (describeTarget). */
  targetLine: string;
  yaml: string;
  /** Absolute paths written. */
  yamlFile?: string;
  envFile: string;
  variables: number;
  profiles: ImportedProfile[];
  warnings: string[];
  /** Diagnostics of the written YAML loaded with the template's values (only with `out`). */
  diagnostics: Diagnostic[];
  /** The diagnostics, rendered (empty when none). */
  rendered: string;
  /** Inside a git work tree: whether git ignores the env file; undefined outside one. */
  envIgnored?: boolean;
}

export async function runImport(opts: ImportOptions): Promise<ImportOutcome> {
  const yamlFile = opts.out === undefined ? undefined : resolve(opts.cwd, opts.out);
  const envFile = resolve(opts.cwd, opts.envFile ?? defaultEnvFile(opts.out));
  if (yamlFile !== undefined && yamlFile === envFile) {
    throw new UserError("import/paths", "--out and --env-out name the same file");
  }
  for (const f of [yamlFile, envFile]) {
    if (f !== undefined && existsSync(f) && opts.force !== true) {
      throw new UserError(
        "import/exists",
        `${relative(opts.cwd, f) || f} already exists; nothing was read or written (pass --force to overwrite it)`,
      );
    }
  }
  const resolved = await openTarget(opts.env, opts.cwd, {
    sandbox: "explicit",
    sandboxRequested: opts.sandbox === true,
    command: "import",
  });
  try {
    const conn = resolved.conn;
    const managed = await (opts.readManaged ?? readManagedRecords)({
      env: opts.env,
      cwd: opts.cwd,
      target: conn.target,
    });
    const account = await readAccount(conn, {
      managed,
      assignmentsFor: (a) => a.profiles.map((p) => p.sid),
    });
    const extras = await readImportExtras(conn, account); // issue 14: products and numbers
    const yamlDir = yamlFile === undefined ? opts.cwd : dirname(yamlFile);
    const emitted = emitConfig(account, {
      extras: extras.byProfile,
      schemaRef: relative(yamlDir, SCHEMA_FILE).split(sep).join("/"),
      yamlFile: opts.out ?? "trusthub.yaml",
      envFile: (relative(opts.cwd, envFile) || envFile).split(sep).join("/"),
    });
    await writeAtomic(envFile, emitted.envText, 0o600);
    const ignored = await gitIgnores(envFile);
    const outcome: ImportOutcome = {
      target: conn.target,
      targetLine: describeTarget(conn.target, opts.env, opts.cwd),
      yaml: emitted.yaml,
      envFile,
      variables: emitted.env.length,
      profiles: emitted.profiles,
      warnings: [...emitted.warnings, ...extras.warnings],
      diagnostics: [],
      rendered: "",
      ...(ignored !== undefined && { envIgnored: ignored }),
    };
    if (yamlFile !== undefined) {
      await writeAtomic(yamlFile, emitted.yaml, 0o644);
      outcome.yamlFile = yamlFile;
      const values = Object.fromEntries(emitted.env.map((e) => [e.name, e.value]));
      const loaded = await loadConfig([yamlFile], { env: values, cwd: opts.cwd });
      outcome.diagnostics = loaded.diagnostics;
      outcome.rendered = renderDiagnostics(loaded.diagnostics, loaded.sources, {
        color: opts.color ?? false,
      });
    }
    return outcome;
  } finally {
    await resolved.close();
  }
}

/** `git check-ignore`: true ignored, false not ignored, undefined no git or not a work tree. */
export function gitIgnores(file: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["check-ignore", "-q", "--", file], { cwd: dirname(file) }, (err) => {
      if (err === null) return resolve(true);
      resolve((err as { code?: unknown }).code === 1 ? false : undefined);
    });
  });
}

/** `config/acme.yaml` -> `config/acme.env`; no `out` -> `trusthub.env`. */
export function defaultEnvFile(out: string | undefined): string {
  if (out === undefined) return "trusthub.env";
  const name = basename(out, extname(out)) || "trusthub";
  return join(dirname(out), `${name}.env`);
}

/** src/lib/atomic-write.ts: never half a file, never a wider mode. */
async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  try {
    await writeFileAtomic(file, text, mode);
  } catch (e) {
    const reason = (e as { code?: string }).code ?? (e as Error).message;
    throw new UserError("import/write", `cannot write ${file}: ${reason}`);
  }
}

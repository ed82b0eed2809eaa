/**
 * Settings of the Pulumi engine for one apply: backend URL, stack name,
 * secrets passphrase, and the environment of the CLI and its plugins.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { delimiter, dirname, resolve } from "node:path";
import { UserError } from "../errors.ts";
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { pulumiSdkDir } from "./pulumi-bin.ts";
import { backendUrl, fileBackendDir } from "../state/stack.ts";
import { trusthubDir } from "../state/workdir.ts";
import { stopFilePath } from "./interrupt.ts";
import { providerEnv } from "./provider-env.ts";
import { PROVIDER_IMPL_URL } from "./provider.ts";

type Env = Record<string, string | undefined>;

// Stack name and backend are decided in one place (src/state/stack.ts).
export { backendUrl, PROJECT_NAME, stackName } from "../state/stack.ts";

const WATCHDOG_URL = new URL(
  `./provider-watchdog${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
).href;

/** The backend URL, its directory created when it is a file:// backend (UserError when it cannot be). */
export function readyBackend(env: Env, cwd: string): string {
  const url = backendUrl(env, cwd);
  const dir = fileBackendDir(url);
  if (dir !== undefined) {
    try {
      // The default backend lives in .trusthub/, created with its .gitignore.
      if (dir.startsWith(resolve(cwd, ".trusthub"))) trusthubDir(cwd);
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const why = (e as { code?: string }).code ?? (e as Error).message;
      throw new UserError(
        "pulumi/backend",
        `the Pulumi state directory ${dir} cannot be created (${why}): check PULUMI_BACKEND_URL or the permissions of ${cwd}`,
      );
    }
  }
  return url;
}

/**
 * The secrets passphrase: PULUMI_CONFIG_PASSPHRASE(_FILE) from the environment;
 * for the embedded sandbox only, a generated one kept in .trusthub/.
 */
export function passphraseEnv(env: Env, cwd: string, target: TargetInfo): Record<string, string> {
  const pass = env["PULUMI_CONFIG_PASSPHRASE"];
  if (pass !== undefined) return { PULUMI_CONFIG_PASSPHRASE: pass };
  const file = env["PULUMI_CONFIG_PASSPHRASE_FILE"];
  if (file) return { PULUMI_CONFIG_PASSPHRASE_FILE: file };
  if (target.kind === "sandbox") {
    const path = resolve(trusthubDir(cwd), "sandbox-passphrase");
    if (!existsSync(path)) {
      writeFileSync(path, `${randomBytes(24).toString("hex")}\n`, { mode: 0o600 });
    }
    return { PULUMI_CONFIG_PASSPHRASE: readFileSync(path, "utf8").trim() };
  }
  throw new UserError(
    "pulumi/passphrase",
    "PULUMI_CONFIG_PASSPHRASE is not set: Pulumi encrypts the personal data in its state with it. " +
      "Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the team's passphrase for this stack",
  );
}

/** Everything the Pulumi CLI, the dynamic-provider plugin and the provider need. */
export function engineEnv(
  env: Env,
  cwd: string,
  conn: Connection,
  binDir: string,
): Record<string, string> {
  const backend = readyBackend(env, cwd);
  const out: Record<string, string> = {
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_BACKEND_URL: backend,
    ...passphraseEnv(env, cwd, conn.target),
    // This very Node first (the plugin runs `node`), then the engine, then the plugin script.
    PATH: [dirname(process.execPath), binDir, pulumiSdkDir(), env["PATH"] ?? ""].join(delimiter),
    // The plugin script resolves @pulumi/pulumi from its cwd; make it resolvable from anywhere.
    NODE_PATH: [dirname(dirname(pulumiSdkDir())), env["NODE_PATH"] ?? ""]
      .filter(Boolean)
      .join(delimiter),
    ...providerEnv(conn),
    // State written from another checkout names that checkout's provider; load this one's.
    TRUSTHUB_PROVIDER_IMPL: PROVIDER_IMPL_URL,
    // The provider exits when its engine or this apply is gone (provider-watchdog.ts).
    TRUSTHUB_APPLY_PID: String(process.pid),
    // Created by a first SIGINT/SIGTERM: the provider starts no new profile (interrupt.ts).
    TRUSTHUB_STOP_FILE: stopFilePath(cwd),
    NODE_OPTIONS: [env["NODE_OPTIONS"], `--import=${JSON.stringify(WATCHDOG_URL)}`]
      .filter(Boolean)
      .join(" "),
  };
  if (env["PULUMI_HOME"]) out["PULUMI_HOME"] = env["PULUMI_HOME"];
  else if (backend.startsWith("file://"))
    out["PULUMI_HOME"] = resolve(cwd, ".trusthub", "pulumi-home");
  return out;
}

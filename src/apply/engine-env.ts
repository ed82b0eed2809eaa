/**
 * Settings of the Pulumi engine for one apply: backend URL, stack name,
 * secrets passphrase, and the environment of the CLI and its plugins.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../errors.ts";
import type { Connection, TargetInfo } from "../model/trusthub.ts";
import { PACKAGE_ROOT } from "./pulumi-bin.ts";
import { stopFilePath } from "./interrupt.ts";
import { providerEnv } from "./provider-env.ts";
import { PROVIDER_IMPL_URL } from "./provider.ts";

type Env = Record<string, string | undefined>;

export const PROJECT_NAME = "trusthub";

const WATCHDOG_URL = new URL("./provider-watchdog.ts", import.meta.url).href;

/** PULUMI_BACKEND_URL, else file://<cwd>/.trusthub/state. */
export function backendUrl(env: Env, cwd: string): string {
  const url = env["PULUMI_BACKEND_URL"]?.trim();
  if (url) return url;
  const dir = resolve(cwd, ".trusthub", "state");
  mkdirSync(dir, { recursive: true });
  return pathToFileURL(dir).href;
}

/** One stack per Trust Hub account: `sandbox`, or the account SID; TRUSTHUB_STACK overrides. */
export function stackName(env: Env, target: TargetInfo): string {
  const explicit = env["TRUSTHUB_STACK"]?.trim();
  if (explicit) return explicit;
  return target.kind === "sandbox" ? "sandbox" : target.accountSid;
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
    const path = resolve(cwd, ".trusthub", "sandbox-passphrase");
    if (!existsSync(path)) {
      mkdirSync(resolve(cwd, ".trusthub"), { recursive: true });
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
  const backend = backendUrl(env, cwd);
  const out: Record<string, string> = {
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_BACKEND_URL: backend,
    ...passphraseEnv(env, cwd, conn.target),
    // Node 24 first (the plugin runs `node`), then the engine, then the plugin script.
    PATH: [
      join(PACKAGE_ROOT, "node_modules", ".bin"),
      binDir,
      join(PACKAGE_ROOT, "node_modules", "@pulumi", "pulumi"),
      env["PATH"] ?? "",
    ].join(delimiter),
    // The plugin script resolves @pulumi/pulumi from its cwd; make it resolvable from anywhere.
    NODE_PATH: [join(PACKAGE_ROOT, "node_modules"), env["NODE_PATH"] ?? ""]
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

/**
 * Which Pulumi stack and backend hold one account's managed records: the one
 * place that decides it, for reading (src/state/pulumi-state.ts), for apply's
 * engine (src/apply/engine-env.ts) and for the `Pulumi.yaml` program. Pure.
 * - stack: TRUSTHUB_STACK, else `sandbox` for the embedded sandbox, else the
 *   account SID (one stack per Trust Hub account);
 * - backend: PULUMI_BACKEND_URL, else file://<cwd>/.trusthub/state.
 */
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TargetInfo } from "../model/trusthub.ts";

type Env = Record<string, string | undefined>;

export const PROJECT_NAME = "trusthub";

export function stackName(env: Env, target: TargetInfo): string {
  const explicit = env["TRUSTHUB_STACK"]?.trim();
  if (explicit) return explicit;
  return target.kind === "sandbox" ? "sandbox" : target.accountSid;
}

export function backendUrl(env: Env, cwd: string): string {
  const url = env["PULUMI_BACKEND_URL"]?.trim();
  if (url) return url;
  return pathToFileURL(resolve(cwd, ".trusthub", "state")).href;
}

/** The directory of a file:// backend; undefined for any other backend. */
export function fileBackendDir(url: string): string | undefined {
  return url.startsWith("file://") ? fileURLToPath(url) : undefined;
}

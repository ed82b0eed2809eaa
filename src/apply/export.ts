/**
 * `pulumi stack export` for backends other than file:// (s3://, postgres://,
 * Pulumi Cloud, ...): the resources of the stack's latest deployment, or
 * undefined when the stack does not exist yet.
 *
 * One CLI start, nothing else: the fully-qualified stack name needs no
 * project directory and no `stack ls` first (a missing stack is Pulumi's
 * "no stack named" error), and the Automation API is not loaded (its
 * PulumiCommand runs `pulumi version` first). Each CLI start costs about
 * 0.5 s, which is most of what a non-file backend adds to a no-change plan
 * (bench/postgres.ts).
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import { redactBackendUrl } from "../state/backend-url.ts";
import { findPulumiBinDir } from "./pulumi-bin.ts";

type Env = Record<string, string | undefined>;

const PROJECT = "trusthub";

export async function exportStack(
  env: Env,
  cwd: string,
  backend: string,
  stack: string,
): Promise<unknown[] | undefined> {
  const bin = join(findPulumiBinDir(env), "pulumi");
  const name = stack.includes("/") ? stack : `organization/${PROJECT}/${stack}`;
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  Object.assign(childEnv, {
    PULUMI_BACKEND_URL: backend,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  });
  const { code, stdout, stderr } = await new Promise<{
    code: number;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    execFile(
      bin,
      ["stack", "export", "--stack", name, "--non-interactive"],
      { cwd, env: childEnv, maxBuffer: 2 ** 31 - 1, encoding: "utf8" },
      (err, out, errOut) => {
        const c = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code: c, stdout: out, stderr: errOut });
      },
    );
  });
  if (code !== 0) {
    if (/no stack named/.test(stderr)) return undefined;
    let why = (/error: .*/.exec(stderr)?.[0] ?? stderr.trim()).slice(0, 1000);
    const password = passwordOf(backend);
    if (password) why = why.split(password).join("****");
    throw new UserError(
      "state/export",
      `reading stack ${name} from ${redactBackendUrl(backend)} failed (pulumi stack export, exit ${code}): ${why}`,
    );
  }
  const data = JSON.parse(stdout) as { deployment?: { resources?: unknown[] } };
  return data.deployment?.resources ?? [];
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}

/**
 * `pulumi stack export` for backends other than file:// (s3://, postgres://,
 * Pulumi Cloud, ...): the resources of the stack's latest deployment, or
 * undefined when the stack does not exist yet.
 */
import { dirname } from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import { findPulumiBinDir } from "./pulumi-bin.ts";
import { trusthubDir } from "../state/workdir.ts";

type Env = Record<string, string | undefined>;

export async function exportStack(env: Env, cwd: string, backend: string, stack: string) {
  const binDir = findPulumiBinDir(env);
  const cmd = await PulumiCommand.get({ root: dirname(binDir) });
  const workDir = trusthubDir(cwd, "pulumi");
  const envVars: Record<string, string> = {
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_BACKEND_URL: backend,
  };
  const ws = await LocalWorkspace.create({
    workDir,
    pulumiCommand: cmd,
    envVars,
    projectSettings: { name: "trusthub", runtime: "nodejs", backend: { url: backend } },
  });
  const stacks = await ws.listStacks();
  if (!stacks.some((s) => s.name === stack || s.name.endsWith(`/${stack}`))) return undefined;
  const dep = await ws.exportStack(stack);
  return (dep.deployment as { resources?: unknown[] } | undefined)?.resources ?? [];
}

/**
 * `trusthub forget`'s Pulumi side: drop profile resources from the stack's
 * state (`pulumi state delete URN`, which runs under the stack lock) without
 * calling the provider, so Trust Hub is not touched. Like `terraform state rm`.
 */
import type { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { UserError } from "../errors.ts";
import type { Connection } from "../model/trusthub.ts";
import { PRODUCT_TYPE, PROFILE_TYPE } from "../state/pulumi-state.ts";
import { plain } from "./collector.ts";
import { lockedError, openStack } from "./engine.ts";
import { parseLock } from "./lock.ts";

type Env = Record<string, string | undefined>;

/** PulumiCommand.run (public in the SDK's JavaScript, left out of its typings). */
interface PulumiRun {
  run(args: string[], cwd: string, env: Record<string, string>): Promise<unknown>;
}

export interface ForgetRequest {
  conn: Connection;
  cwd: string;
  env: Env;
  keys: string[];
}

/** Removes each key's resource from the stack state; returns the stack name. */
export async function forgetResources(req: ForgetRequest): Promise<string> {
  const stack = await openStack({ conn: req.conn, cwd: req.cwd, env: req.env, specs: [] });
  const ws = stack.workspace as LocalWorkspace;
  const exported = (await stack.exportStack()) as {
    deployment?: { resources?: { urn: string; type: string }[] };
  };
  const resources = exported.deployment?.resources ?? [];
  for (const key of req.keys) {
    // A profile's key, or a trust product's (`<profile>/<kind>`, issue 14).
    const ours = (t: string) => t === PROFILE_TYPE || t === PRODUCT_TYPE;
    const urn = resources.find((r) => ours(r.type) && r.urn.endsWith(`::${key}`))?.urn;
    if (!urn)
      throw new UserError("forget/unknown", `${key}: stack ${stack.name} holds no such profile`);
    try {
      await (ws.pulumiCommand as unknown as PulumiRun).run(
        ["state", "delete", urn, "--yes", "--non-interactive", "--stack", stack.name],
        ws.workDir,
        ws.envVars,
      );
    } catch (e) {
      const msg = plain(e instanceof Error ? e.message : String(e));
      if (/locked/.test(msg)) {
        throw lockedError(stack.name, { ...req, specs: [] }, parseLock(msg));
      }
      const first = /error: .*?(?= err\?:|$)/.exec(msg)?.[0] ?? msg;
      throw new UserError("forget/pulumi", `pulumi state delete failed: ${first.slice(0, 2000)}`);
    }
  }
  return stack.name;
}

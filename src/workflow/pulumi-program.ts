/**
 * The Pulumi program behind `Pulumi.yaml`, for teams who drive Pulumi
 * directly (`pulumi preview`, `pulumi up`): the plan workflow `trusthub plan`
 * and `trusthub apply` run, and the resources that plan decided (the same
 * provider inputs `trusthub apply` hands to Pulumi). Config files come from the
 * stack config `trusthub:paths` (a list) or TRUSTHUB_PATHS (separated by the
 * path delimiter), else the tool's default (./trusthub.yaml or ./trusthub/).
 * Evaluation and submission after the writes are `trusthub apply`'s job. The bundles reach the
 * provider through a hand-off file in the project's .trusthub/handoff/ (src/apply/handoff.ts), removed when this
 * program's process exits (the engine keeps it running until the last resource is done).
 */
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { writeHandoff } from "../apply/handoff.ts";
import { handoffContent, profilesProgram } from "../apply/resource.ts";
import { resourceSpecs } from "../apply/specs.ts";
import { preparePlan } from "./plan.ts";

const cfg = new pulumi.Config("trusthub");
const paths =
  cfg.getObject<string[]>("paths") ??
  (process.env["TRUSTHUB_PATHS"] ? process.env["TRUSTHUB_PATHS"].split(delimiter) : []);
/**
 * The project's directory: the nearest one up from the program's holding Pulumi.yaml. Pulumi runs
 * this program in the directory of `main` (e.g. inside node_modules); relative config paths and the
 * hand-off file belong to the project. (pulumi.runtime.getRootDirectory() is not used: with CLI
 * v3.274.1 and SDK 3.276.0 it returned the literal "rootDirectory".)
 */
function projectRoot(start: string): string {
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, "Pulumi.yaml")) || existsSync(join(d, "Pulumi.yml"))) return d;
    if (dirname(d) === d) return start;
  }
}
const root = projectRoot(process.cwd());
// Managed records are read from this very stack.
const env = { ...process.env, TRUSTHUB_STACK: pulumi.getStack() };

// The same target resolution as every command and as the provider process (src/state/target.ts);
// the embedded sandbox lives only inside `trusthub apply`, so without credentials this refuses.
const prepared = await preparePlan({
  paths,
  env,
  cwd: root,
  target: { sandbox: "never", command: "the Pulumi.yaml program" },
});
try {
  if (prepared.warnings) void pulumi.log.warn(prepared.warnings);
  const specs = resourceSpecs(prepared.plan);
  const handoff = writeHandoff(root, handoffContent(specs));
  process.on("exit", handoff.remove);
  await profilesProgram(specs, handoff.path)();
} finally {
  await prepared.close();
}

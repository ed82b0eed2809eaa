/**
 * The Pulumi program behind `Pulumi.yaml`, for teams who drive Pulumi
 * directly (`pulumi preview`, `pulumi up`): the plan workflow `trusthub plan`
 * and `trusthub apply` run, and the resources that plan decided (the same
 * provider inputs `trusthub apply` hands to Pulumi). Config files come from the
 * stack config `trusthub:paths` (a list) or TRUSTHUB_PATHS (separated by the
 * path delimiter), else the tool's default (./trusthub.yaml or ./trusthub/).
 * Evaluation and submission after the writes are `trusthub apply`'s job. The bundles reach the
 * provider through a hand-off file in .trusthub/handoff/ (src/apply/handoff.ts), removed when this
 * program's process exits (the engine keeps it running until the last resource is done).
 */
import { delimiter } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { writeHandoff } from "../apply/handoff.ts";
import { handoffContent, profilesProgram } from "../apply/resource.ts";
import { resourceSpecs } from "../apply/specs.ts";
import { preparePlan } from "./plan.ts";

const cfg = new pulumi.Config("trusthub");
const paths =
  cfg.getObject<string[]>("paths") ??
  (process.env["TRUSTHUB_PATHS"] ? process.env["TRUSTHUB_PATHS"].split(delimiter) : []);
// Managed records are read from this very stack.
const env = { ...process.env, TRUSTHUB_STACK: pulumi.getStack() };

// The same target resolution as every command and as the provider process (src/state/target.ts);
// the embedded sandbox lives only inside `trusthub apply`, so without credentials this refuses.
const prepared = await preparePlan({
  paths,
  env,
  cwd: process.cwd(),
  target: { sandbox: "never", command: "the Pulumi.yaml program" },
});
try {
  if (prepared.warnings) void pulumi.log.warn(prepared.warnings);
  const specs = resourceSpecs(prepared.plan);
  const handoff = writeHandoff(process.cwd(), handoffContent(specs));
  process.on("exit", handoff.remove);
  await profilesProgram(specs, handoff.path)();
} finally {
  await prepared.close();
}

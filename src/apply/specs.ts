/**
 * Plan -> the resources of the Pulumi program: exactly the provider inputs
 * buildPlan decided (src/plan/resources.ts), in registration order (primary
 * first, trust products after their profiles). Nothing is recomputed here: the
 * desired and observed bundles are the ones the plan diffed, so the provider's
 * diff equals the plan's.
 */
import type { Plan } from "../model/plan.ts";
import { allPlanResources } from "../plan/resources.ts";
import type { ResourceSpec } from "./resource.ts";

export { writes } from "../plan/resources.ts";

export function resourceSpecs(plan: Plan): ResourceSpec[] {
  return allPlanResources(plan);
}

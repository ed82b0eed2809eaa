/**
 * Plan -> the resources of the Pulumi program: exactly the provider inputs
 * buildPlan decided (src/plan/resources.ts), in registration order (primary
 * first). Nothing is recomputed here: the desired and observed bundles are the
 * ones the plan diffed, so the provider's diff equals the plan's.
 */
import type { Plan } from "../model/plan.ts";
import { planResources } from "../plan/resources.ts";
import type { ProfileInputs } from "./inputs.ts";

export { writes } from "../plan/resources.ts";

export function resourceSpecs(plan: Plan): ProfileInputs[] {
  return planResources(plan);
}

/**
 * The Pulumi resource for one Trust Hub profile bundle (type
 * pulumi-nodejs:dynamic/trusthub:Profile), and the program that registers one
 * per profile. The desired and observed bundles hold personal data: they are
 * passed as secrets, so Pulumi encrypts them in state. Outputs carry SIDs and
 * status only.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProfileInputs } from "./inputs.ts";
import { makeProvider } from "./provider.ts";

/** One serialized provider for every resource (Pulumi caches it per object). */
const provider = makeProvider();

export class TrustHubProfile extends pulumi.dynamic.Resource {
  declare readonly profileSid: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(spec: ProfileInputs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = {
      key: spec.key,
      kind: spec.kind,
      mode: spec.mode,
      profileSid: undefined,
      status: undefined,
    };
    if (spec.desired) props["desired"] = pulumi.secret(spec.desired);
    if (spec.observed !== undefined) props["observed"] = pulumi.secret(spec.observed);
    if (spec.adoptSid) props["adoptSid"] = spec.adoptSid;
    if (spec.recordOnly) props["recordOnly"] = true;
    super(provider, spec.key, props, opts, "trusthub", "Profile");
  }
}

/** The Pulumi program: one resource per profile, in the plan's registration order (primary first). */
export function profilesProgram(specs: ProfileInputs[]): () => Promise<Record<string, unknown>> {
  return () => {
    const sids: Record<string, pulumi.Output<string>> = {};
    // The SDK keeps `new Error().stack` on each of its promises for leak reports: a quarter of
    // the CPU of registering 1,000 resources (about 1.2 s, bench/RESULTS.md). No stack is taken
    // while registering, unless PULUMI_DEBUG_PROMISE_LEAKS asks for those reports.
    const limit = Error.stackTraceLimit;
    if (!process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) Error.stackTraceLimit = 0;
    try {
      for (const spec of specs) sids[spec.key] = new TrustHubProfile(spec).profileSid;
    } finally {
      Error.stackTraceLimit = limit;
    }
    return Promise.resolve({ profiles: sids });
  };
}

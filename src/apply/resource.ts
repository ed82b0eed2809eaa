/**
 * The Pulumi resource for one Trust Hub profile bundle (type
 * pulumi-nodejs:dynamic/trusthub:Profile), and the program that registers one
 * per profile. The desired and observed bundles hold personal data: they are
 * passed as secrets, so Pulumi encrypts them in state. Outputs carry SIDs and
 * status only.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProductResourceInputs } from "../model/plan.ts";
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
    if (spec.phoneNumberSids) props["phoneNumberSids"] = spec.phoneNumberSids;
    super(provider, spec.key, props, opts, "trusthub", "Profile");
  }
}

/**
 * One trust product (issue 14; type pulumi-nodejs:dynamic/trusthub:TrustProduct), served by the
 * same provider (it tells the two apart by the `product` field). `profileSid` is its profile
 * resource's output when that profile is registered too: Pulumi then writes the profile first.
 */
export class TrustHubProduct extends pulumi.dynamic.Resource {
  declare readonly productSid: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(
    spec: ProductResourceInputs,
    profileSid: pulumi.Output<string> | undefined,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const props: Record<string, unknown> = {
      key: spec.key,
      profileKey: spec.profileKey,
      product: spec.product,
      mode: spec.mode,
      productSid: undefined,
      status: undefined,
    };
    if (spec.desired) props["desired"] = pulumi.secret(spec.desired);
    if (spec.observed !== undefined) props["observed"] = pulumi.secret(spec.observed);
    if (spec.adoptSid) props["adoptSid"] = spec.adoptSid;
    if (spec.recordOnly) props["recordOnly"] = true;
    if (profileSid) props["profileSid"] = profileSid;
    super(provider, spec.key, props, opts, "trusthub", "TrustProduct");
  }
}

export type ResourceSpec = ProfileInputs | ProductResourceInputs;

export const isProductSpec = (s: ResourceSpec): s is ProductResourceInputs => "product" in s;

/** The Pulumi program: one resource per profile, in the plan's registration order (primary first). */
export function profilesProgram(specs: ResourceSpec[]): () => Promise<Record<string, unknown>> {
  return () => {
    const sids: Record<string, pulumi.Output<string>> = {};
    const products: Record<string, pulumi.Output<string>> = {};
    // The SDK keeps `new Error().stack` on each of its promises for leak reports: a quarter of
    // the CPU of registering 1,000 resources (about 1.2 s, bench/RESULTS.md). No stack is taken
    // while registering, unless PULUMI_DEBUG_PROMISE_LEAKS asks for those reports.
    const limit = Error.stackTraceLimit;
    if (!process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) Error.stackTraceLimit = 0;
    try {
      for (const spec of specs) {
        if (!isProductSpec(spec)) sids[spec.key] = new TrustHubProfile(spec).profileSid;
      }
      // Products after every profile (a product's profile is registered before it).
      for (const spec of specs) {
        if (isProductSpec(spec)) {
          products[spec.key] = new TrustHubProduct(spec, sids[spec.profileKey]).productSid;
        }
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
    return Promise.resolve(
      Object.keys(products).length > 0 ? { profiles: sids, products } : { profiles: sids },
    );
  };
}

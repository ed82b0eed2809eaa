/**
 * The Pulumi resources for one Trust Hub profile bundle (type pulumi-nodejs:dynamic/trusthub:Profile)
 * and one trust product (...:TrustProduct), and the program that registers them. Since issue 15
 * they are plain CustomResources of the dynamic provider's types (same types and names, so the
 * URNs stay) whose `__provider` is one line naming the provider shim (provider.ts), and whose
 * inputs hold no bundle: the desired and observed bundles (personal data) reach the provider
 * through the run's hand-off file (handoff.ts), next to a `digest` of the desired bundle; the file
 * is named by TRUSTHUB_HANDOFF in the provider's environment (`trusthub apply`) or, for the
 * Pulumi.yaml program, by a `handoff` input. Nothing personal is stored, so nothing needs to be a
 * secret.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProductResourceInputs } from "../model/plan.ts";
import { NO_DESIRED } from "./bundles.ts";
import { bundleDigest, type HandoffContent } from "./handoff.ts";
import type { ProfileInputs } from "./inputs.ts";
import { providerSource } from "./provider.ts";

const PROVIDER = providerSource();
const TYPE = "pulumi-nodejs:dynamic/trusthub";

/** The small inputs every resource shares: `handoff` only when it has bundles there. */
function common(spec: ResourceSpec, handoff: string | undefined): Record<string, unknown> {
  const props: Record<string, unknown> = {
    __provider: PROVIDER,
    key: spec.key,
    mode: spec.mode,
    digest: spec.desired ? bundleDigest(spec.desired) : NO_DESIRED,
  };
  if (handoff && (spec.desired || spec.observed !== undefined)) props["handoff"] = handoff;
  if (spec.adoptSid) props["adoptSid"] = spec.adoptSid;
  if (spec.recordOnly) props["recordOnly"] = true;
  return props;
}

export class TrustHubProfile extends pulumi.CustomResource {
  declare readonly profileSid: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(
    spec: ProfileInputs,
    handoff: string | undefined,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const props: Record<string, unknown> = {
      ...common(spec, handoff),
      kind: spec.kind,
      profileSid: undefined,
      status: undefined,
    };
    if (spec.phoneNumberSids) props["phoneNumberSids"] = spec.phoneNumberSids;
    super(`${TYPE}:Profile`, spec.key, props, opts);
  }
}

/**
 * One trust product (issue 14), served by the same provider (it tells the two apart by the
 * `product` field). `profileSid` is its profile resource's output when that profile is registered
 * too: Pulumi then writes the profile first.
 */
export class TrustHubProduct extends pulumi.CustomResource {
  declare readonly productSid: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(
    spec: ProductResourceInputs,
    profileSid: pulumi.Output<string> | undefined,
    handoff: string | undefined,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const props: Record<string, unknown> = {
      ...common(spec, handoff),
      profileKey: spec.profileKey,
      product: spec.product,
      productSid: undefined,
      status: undefined,
    };
    if (profileSid) props["profileSid"] = profileSid;
    super(`${TYPE}:TrustProduct`, spec.key, props, opts);
  }
}

export type ResourceSpec = ProfileInputs | ProductResourceInputs;

export const isProductSpec = (s: ResourceSpec): s is ProductResourceInputs => "product" in s;

/** The hand-off file's content for these resources (handoff.ts writeHandoff). */
export function handoffContent(specs: ResourceSpec[]): HandoffContent {
  const out: HandoffContent = { profiles: {}, products: {} };
  for (const s of specs) {
    if (!s.desired && s.observed === undefined) continue;
    const entry = { desired: s.desired, observed: s.observed };
    if (isProductSpec(s)) out.products[s.key] = entry;
    else out.profiles[s.key] = entry;
  }
  return out;
}

/**
 * The Pulumi program: one resource per profile, in the plan's registration order (primary
 * first), then the products. `handoff`: the run's hand-off file holding the bundles.
 */
export function profilesProgram(
  specs: ResourceSpec[],
  handoff: string | undefined,
): () => Promise<Record<string, unknown>> {
  return async () => {
    const sids: Record<string, pulumi.Output<string>> = {};
    const products: Record<string, pulumi.Output<string>> = {};
    // The SDK keeps `new Error().stack` on each of its promises for leak reports: a quarter of
    // the CPU of registering 1,000 resources (about 1.2 s, bench/RESULTS.md). No stack is taken
    // while registering, unless PULUMI_DEBUG_PROMISE_LEAKS asks for those reports. Nor does each
    // resource record its registration's stack trace and source position in state (about 460
    // bytes a resource): Resource.stackTrace parses `new Error().stack`, empty here.
    const limit = Error.stackTraceLimit;
    const prepare = Object.getOwnPropertyDescriptor(Error, "prepareStackTrace");
    if (!process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) {
      Error.stackTraceLimit = 0;
      Error.prepareStackTrace = () => "";
    }
    // Registered REGISTER_CHUNK at a time, the event loop turning in between: the engine gets
    // the first registrations and starts their steps while the rest are made (issue 15: in one
    // synchronous loop, the first step waited for all of them, about 2.4 ms a resource, 24.6 s
    // at 10,000).
    let made = 0;
    const chunked = async (): Promise<void> => {
      if (++made % REGISTER_CHUNK === 0) await new Promise((r) => setImmediate(r));
    };
    try {
      for (const spec of specs) {
        if (isProductSpec(spec)) continue;
        sids[spec.key] = new TrustHubProfile(spec, handoff).profileSid;
        await chunked();
      }
      // Products after every profile (a product's profile is registered before it).
      for (const spec of specs) {
        if (!isProductSpec(spec)) continue;
        const profileSid = sids[spec.profileKey];
        products[spec.key] = new TrustHubProduct(spec, profileSid, handoff).productSid;
        await chunked();
      }
    } finally {
      Error.stackTraceLimit = limit;
      if (prepare) Object.defineProperty(Error, "prepareStackTrace", prepare);
      else Reflect.deleteProperty(Error, "prepareStackTrace");
    }
    return Object.keys(products).length > 0 ? { profiles: sids, products } : { profiles: sids };
  };
}

/** Resources registered between two turns of the event loop. */
const REGISTER_CHUNK = 25;

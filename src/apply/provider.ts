/**
 * The Pulumi dynamic provider as Pulumi serializes it: a tiny shell whose
 * methods load the real implementation (provider-impl.ts, or .js when built) by absolute file URL
 * inside each call. It captures one string and nothing else: no client, no
 * credentials, no config (pulumi.md §5.1). The provider process reads the
 * target and credentials from its environment (set by the engine).
 *
 * `TRUSTHUB_PROVIDER_IMPL` (a file URL) overrides the captured location, so a
 * state written from another checkout still loads this machine's code.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";

/** provider-impl.ts next to this file when run from the sources, provider-impl.js in the built package. */
export const PROVIDER_IMPL_URL = new URL(
  `./provider-impl${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
).href;

/** One resource per profile bundle: the type token is pulumi-nodejs:dynamic:trusthub:Profile. */
export function makeProvider(implUrl: string = PROVIDER_IMPL_URL): dynamic.ResourceProvider {
  const load = async () => {
    const url = process.env["TRUSTHUB_PROVIDER_IMPL"] || implUrl;
    // eslint-disable-next-line no-restricted-syntax -- the serialized shell loads provider-impl.ts (same layer) by a URL captured at run time
    return (await import(url)) as dynamic.ResourceProvider & {
      check: NonNullable<dynamic.ResourceProvider["check"]>;
      diff: NonNullable<dynamic.ResourceProvider["diff"]>;
      read: NonNullable<dynamic.ResourceProvider["read"]>;
      update: NonNullable<dynamic.ResourceProvider["update"]>;
      delete: NonNullable<dynamic.ResourceProvider["delete"]>;
    };
  };
  return {
    async check(olds, news) {
      return (await load()).check(olds, news);
    },
    async diff(id, olds, news) {
      return (await load()).diff(id, olds, news);
    },
    async create(inputs) {
      return (await load()).create(inputs);
    },
    async read(id, props) {
      return (await load()).read(id, props);
    },
    async update(id, olds, news) {
      return (await load()).update(id, olds, news);
    },
    async delete(id, props) {
      return (await load()).delete(id, props);
    },
  };
}

/**
 * The Pulumi dynamic provider as each resource names it in its `__provider` property: since
 * issue 15 not a serialized closure (3 KB in inputs and outputs of every resource) but one line,
 * `exports.handler=()=>require(<provider-shim.cjs>)`, which the dynamic-provider host evaluates
 * (@pulumi/pulumi cmd/dynamic-provider getProvider). The shim loads the real implementation
 * (provider-impl.ts, or .js when built). It names one file and nothing else: no client, no
 * credentials, no config (pulumi.md §5.1); the provider process reads the target and
 * credentials from its environment (set by the engine).
 *
 * TRUSTHUB_PROVIDER_SHIM (a path) overrides the shim named in state, and TRUSTHUB_PROVIDER_IMPL
 * (a file URL) the implementation, so a state written from another checkout loads this one's code.
 */
import { fileURLToPath } from "node:url";

/** provider-impl.ts next to this file when run from the sources, provider-impl.js in the built package. */
export const PROVIDER_IMPL_URL = new URL(
  `./provider-impl${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
).href;

/** The CommonJS shim next to this file (the build copies it into dist/apply). */
export const PROVIDER_SHIM_PATH = fileURLToPath(new URL("./provider-shim.cjs", import.meta.url));

/** The `__provider` property of every trusthub resource. */
export function providerSource(shim: string = PROVIDER_SHIM_PATH): string {
  return `exports.handler=()=>require(process.env.TRUSTHUB_PROVIDER_SHIM||${JSON.stringify(shim)})`;
}

/**
 * Prints the provider as Pulumi serializes it (pulumi.dynamic.Resource does
 * the same call). Run in a plain Node process: vitest's module transform would
 * otherwise rewrite the provider's `import()` into a helper that cannot be
 * serialized, which the real engine never sees.
 */
import * as pulumi from "@pulumi/pulumi";
import { makeProvider } from "../../src/apply/provider.ts";

const provider = makeProvider();
const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
process.stdout.write(sf.text);

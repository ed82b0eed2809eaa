/**
 * Prints the provider as Pulumi serializes it (pulumi.dynamic.Resource does
 * the same call). Run in a plain Node process: vitest's module transform would
 * otherwise rewrite the provider's `import()` into a helper that cannot be
 * serialized, which the real engine never sees.
 *
 * `--leaky-control` serializes a closure that does capture a credential read
 * from the environment, so the test can show its check finds one.
 */
import * as pulumi from "@pulumi/pulumi";
import { makeProvider } from "../../src/apply/provider.ts";

const provider = makeProvider();
const token = process.env["TWILIO_AUTH_TOKEN"];
const closure = process.argv.includes("--leaky-control")
  ? () => ({ provider, token })
  : () => provider;
const sf = await pulumi.runtime.serializeFunction(closure, { allowSecrets: true });
process.stdout.write(sf.text);

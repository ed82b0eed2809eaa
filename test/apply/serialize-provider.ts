/**
 * Prints the `__provider` property every trusthub resource carries (src/apply/provider.ts), as
 * the program computes it, in a plain Node process whose environment the test controls.
 */
import { providerSource } from "../../src/apply/provider.ts";

process.stdout.write(providerSource());

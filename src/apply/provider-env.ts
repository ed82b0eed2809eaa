/**
 * The contract between the engine and the provider process: the target and
 * credentials travel in the provider's environment (never in inputs, outputs,
 * state or the serialized provider). Encoding and decoding both live in the
 * one target module (src/state/target.ts), so the provider writes where the
 * plan read; `pulumi up` through `Pulumi.yaml` resolves the usual variables
 * there too (TRUSTHUB_API_URL included).
 */
import type { Connection } from "../model/trusthub.ts";
import { loadEnv } from "../state/http.ts";
import { handOff, providerConnection } from "../state/target.ts";

export { PROVIDER_ENV } from "../state/target.ts";

/** Environment variables that hand a connection to the provider process. */
export function providerEnv(conn: Connection): Record<string, string> {
  return {
    ...handOff(conn),
    // --parallelism / --max-rps: the provider process bounds its own requests the same way.
    ...loadEnv(),
  };
}

/** The provider's connection (see providerConnection in src/state/target.ts). */
export function connectionFromEnv(env: Record<string, string | undefined>): Connection {
  return providerConnection(env);
}

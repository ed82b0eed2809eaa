/** Process-wide request limits of the Trust Hub client, set once from the CLI flags. */
import { configureLoad } from "../state/http.ts";

export function configureRequests(o: {
  parallelism?: number | undefined;
  maxRps?: number | undefined;
}): void {
  configureLoad({
    ...(o.parallelism !== undefined && { parallelism: o.parallelism }),
    ...(o.maxRps !== undefined && { maxRps: o.maxRps }),
  });
}

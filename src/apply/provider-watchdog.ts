/**
 * Loaded into the dynamic-provider process before Pulumi's provider host
 * (`node --import`, through NODE_OPTIONS set by engine-env.ts): the provider
 * exits as soon as its engine (its parent) or the `trusthub apply` that
 * started the engine (TRUSTHUB_APPLY_PID) is gone. Pulumi's Node provider host
 * has no such check, and the engine starts it in a process group of its own,
 * so killing the apply's process group would otherwise leave a provider
 * running, reparented to init, still able to write.
 *
 * Inert in any other process (e.g. the plugin script's `node -e`).
 */
import { alive } from "./lock.ts";

/** How often the provider looks for its engine and its apply. */
export const WATCH_EVERY_MS = 200;

export function startWatchdog(
  applyPid: number | undefined,
  exit: (code: number) => void = (code) => process.exit(code),
): NodeJS.Timeout {
  const parent = process.ppid;
  const timer = setInterval(() => {
    const orphaned = process.ppid !== parent || !alive(parent);
    if (orphaned || (applyPid !== undefined && !alive(applyPid))) {
      clearInterval(timer);
      exit(1);
    }
  }, WATCH_EVERY_MS);
  timer.unref();
  return timer;
}

const isProviderHost = process.argv.some((a) =>
  /cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(a),
);
if (isProviderHost) {
  const pid = Number(process.env["TRUSTHUB_APPLY_PID"]);
  startWatchdog(Number.isInteger(pid) && pid > 0 ? pid : undefined);
}

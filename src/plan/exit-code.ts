/**
 * The exit code of `trusthub plan`. Without --detailed-exitcode a plan that
 * was computed exits 0 whatever it holds (errors exit 1 elsewhere). With it:
 *   3 (EXIT.blocked) when any action is blocked: a human must act (Console
 *     step, duplicate, missing prerequisite); it wins over 2 because it is
 *     the one CI cannot resolve by applying;
 *   2 (EXIT.changes) when apply has work (create, update, adopt, delete,
 *     submit);
 *   8 (EXIT.immutableDrift) when the only difference is YAML drifted from
 *     profiles Twilio made immutable (skip): apply has nothing to do, the YAML
 *     must be reverted or Twilio asked to make the profile editable;
 *   0 when Trust Hub matches the configuration.
 */
import { EXIT, type ExitCode } from "../errors.ts";
import type { Plan } from "../model/plan.ts";

export function planExitCode(plan: Plan, detailed: boolean): ExitCode {
  if (!detailed) return EXIT.ok;
  const s = plan.summary;
  if (s.blocked > 0) return EXIT.blocked;
  if (s.create + s.update + s.adopt + s.delete + s.submit > 0) return EXIT.changes;
  if (s.skip > 0) return EXIT.immutableDrift;
  return EXIT.ok;
}

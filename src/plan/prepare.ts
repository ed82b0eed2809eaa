/**
 * The config-only part of planning (issue 15): each declared profile's
 * desired bundle (without the primary's SID, which may come from the account),
 * its local policy evaluation and the plan checksum's config text. None of it depends on what Trust Hub holds,
 * so src/workflow/plan.ts computes it while the account's lists are still in
 * flight and hands it to buildPlan (`prepared`). Pure: a generator that stops
 * every `chunk` profiles, so its caller can give the event loop a turn (and the
 * list requests their replies) between chunks; it does no I/O itself.
 */
import type { Config } from "../model/config.ts";
import type { PlanNote } from "../model/plan.ts";
import type { DesiredBundle } from "../model/trusthub.ts";
import { checksumConfigText, checksumProfile } from "./checksum.ts";
import { stableStringify, type StableText } from "./stable-json.ts";
import { desiredBundle } from "./desired.ts";
import { evaluateBundle } from "./evaluate.ts";
import { declaredProfiles } from "./match.ts";

export interface PreparedProfile {
  /** desiredBundle(profile, {}): buildPlan adds a secondary's `primarySid`. */
  desired: DesiredBundle;
  /** evaluateBundle(desired): used only when the live profile is not yet submitted. */
  notes: PlanNote[];
}

export interface PreparedDesired {
  /** The config these were prepared from: buildPlan ignores them for any other. */
  config: Config;
  /** By profile key. */
  profiles: Map<string, PreparedProfile>;
  /** The plan checksum's config part, rendered (checksumConfigText). */
  configText: StableText;
}

/** Profiles prepared between two yields. */
export const PREPARE_CHUNK = 200;

/** Prepares every declared profile, yielding after each `chunk` of them. */
export function* prepareDesiredSteps(
  config: Config,
  chunk = PREPARE_CHUNK,
): Generator<void, PreparedDesired, void> {
  const profiles = new Map<string, PreparedProfile>();
  const texts: string[] = [];
  for (const profile of declaredProfiles(config)) {
    const desired = desiredBundle(profile, {});
    profiles.set(profile.key, { desired, notes: evaluateBundle(desired) });
    texts.push(stableStringify(checksumProfile(profile)));
    if (texts.length % chunk === 0) yield;
  }
  return { config, profiles, configText: checksumConfigText(config, texts) };
}

/** The same, at once (tests, and callers with nothing to overlap it with). */
export function prepareDesired(config: Config): PreparedDesired {
  const steps = prepareDesiredSteps(config);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/**
 * The desired bundle and evaluation of one profile: the prepared ones when
 * there are, else computed now. The result is what desiredBundle(profile, {
 * primarySid }) and evaluateBundle would give, key order included.
 */
export function desiredOf(
  prepared: PreparedDesired | undefined,
  profile: { key: string },
  compute: () => DesiredBundle,
  primarySid: string | undefined,
): { desired: DesiredBundle; notes: () => PlanNote[] } {
  const ready = prepared?.profiles.get(profile.key);
  if (ready === undefined) {
    const desired = compute();
    return { desired, notes: () => evaluateBundle(desired) };
  }
  // desiredBundle sets primarySid last, on secondaries only (the caller passes it for those).
  const desired = primarySid === undefined ? ready.desired : { ...ready.desired, primarySid };
  return { desired, notes: () => ready.notes };
}

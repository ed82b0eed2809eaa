/**
 * The config-only part of planning (issue 15): the local policy evaluation of
 * each declared profile's desired bundle (evaluateBundle does not look at the
 * primary's SID, the one part of a bundle that may come from the account) and
 * the plan checksum's config text. None of it depends on what Trust Hub holds,
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

export interface PreparedDesired {
  /** The config these were prepared from: buildPlan ignores them for any other. */
  config: Config;
  /**
   * evaluateBundle(desiredBundle(profile, {})) of the profiles it has warnings for (by key);
   * the others have none. The bundles themselves are not kept (cheap to make again, and
   * held during the read they would raise the peak heap).
   */
  notes: Map<string, PlanNote[]>;
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
  const notes = new Map<string, PlanNote[]>();
  const texts: string[] = [];
  for (const profile of declaredProfiles(config)) {
    const warnings = evaluateBundle(desiredBundle(profile, {}));
    if (warnings.length > 0) notes.set(profile.key, warnings);
    texts.push(stableStringify(checksumProfile(profile)));
    if (texts.length % chunk === 0) yield;
  }
  return { config, notes, configText: checksumConfigText(config, texts) };
}

/** The same, at once (tests, and callers with nothing to overlap it with). */
export function prepareDesired(config: Config): PreparedDesired {
  const steps = prepareDesiredSteps(config);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** The policy notes of a profile's desired bundle: the prepared ones when there are. */
export function notesOf(
  prepared: PreparedDesired | undefined,
  key: string,
  desired: DesiredBundle,
): PlanNote[] {
  if (prepared === undefined) return evaluateBundle(desired);
  return prepared.notes.get(key) ?? [];
}

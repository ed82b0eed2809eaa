/**
 * The profile provider's properties (issue 15): its compact outputs, the error that keeps a
 * partial create's state, its bundles resolved from the run's hand-off file, and whether they
 * drifted. Used by provider-impl.ts.
 */
import { diffBundle } from "../plan/diff.ts";
import type { ObservedBundle } from "../model/trusthub.ts";
import { checkFailed, digestOf, withBundles, writesLog } from "./bundles.ts";
import { numbersDiffer } from "./channels.ts";
import { noteWrites } from "./handoff.ts";
import { checkInputs, type ProfileInputs, type ProfileOutputs } from "./inputs.ts";
import type { PartialApplyError, ReconcileResult } from "./reconcile.ts";

const PROVIDER_KEY = "__provider";

/** Compact outputs; the writes go to the hand-off's log (or, with inline bundles, into outputs). */
export function outputs(
  inputs: ProfileInputs & Record<string, unknown>,
  r: ReconcileResult,
): ProfileOutputs {
  const outs: ProfileOutputs = {
    key: inputs.key,
    kind: inputs.kind,
    profileSid: r.record.profileSid,
    status: r.status,
    record: r.record,
    digest: digestOf(inputs),
  };
  const log = writesLog(inputs);
  if (log) noteWrites(log, inputs.key, r.wrote);
  else outs.writes = r.wrote;
  return JSON.parse(JSON.stringify(outs)) as ProfileOutputs;
}

/** The bundles of `props` resolved (hand-off file or inline) and checked, end users in order. */
export function resolved<T extends Record<string, unknown>>(props: T): T {
  const { inputs, failures } = checkInputs(withBundles(props, "profiles"));
  if (failures.length > 0) throw checkFailed(props["key"], failures);
  return inputs as T;
}

/** What differs from the plan's observed bundle and from the last apply's record. */
export function drifted(olds: ProfileOutputs, news: ProfileInputs): boolean {
  // Phone numbers (issue 14) are reconciled in both modes: against the live assignments the plan
  // read, and against the record of the last apply.
  const want = news.phoneNumberSids;
  const seen = news.observed?.channelEndpoints?.map((a) => a.channelEndpointSid);
  const numbers =
    numbersDiffer(want, Object.keys(olds.record?.channelEndpoints ?? {})) ||
    (seen !== undefined && numbersDiffer(want, seen));
  if (news.mode === "hold" || !news.desired) return numbers;
  const observed: ObservedBundle | undefined = news.observed ?? undefined;
  return numbers || diffBundle(news.desired, observed).length > 0;
}

/** An error the dynamic-provider host turns into ErrorResourceInitFailed (partial state kept). */
export function partial(e: PartialApplyError, inputs: Record<string, unknown>): Error {
  const outs: ProfileOutputs = {
    key: inputs["key"] as string,
    kind: inputs["kind"] as ProfileOutputs["kind"],
    profileSid: e.record.profileSid,
    status: e.status,
    record: e.record,
    digest: digestOf(inputs),
  };
  const err = new Error(e.message) as Error & {
    id: string;
    properties: unknown;
    reasons: string[];
  };
  err.id = e.record.profileSid;
  err.properties = { ...JSON.parse(JSON.stringify(outs)), [PROVIDER_KEY]: inputs[PROVIDER_KEY] };
  err.reasons = [e.message];
  return err;
}

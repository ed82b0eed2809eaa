/** The goals of issues 4, 5 and 7, judged from the results (pure). */
import type { Goal, Results, SizeResult } from "./types.ts";

const at = (r: Results, n: number): SizeResult | undefined => r.sizes.find((s) => s.n === n);
const fmt = (x: number, digits = 2) => x.toFixed(digits);

/**
 * Profiles per second the concurrency cap allows: at most `cap` requests in
 * flight, each taking at least the added latency, over the requests one
 * profile needs (the direct floor's count).
 */
export function capProfilesPerSecond(s: SizeResult, r: Results): number | undefined {
  if (!s.direct) return undefined;
  const perProfile = (s.direct.requests - s.direct.throttled429) / s.n;
  return r.settings.maxConcurrent / (r.settings.latencyMs / 1000) / perProfile;
}

export function judge(r: Results): Goal[] {
  const goals: Goal[] = [];
  const add = (id: string, goal: string, measured: string | undefined, met: boolean | undefined) =>
    goals.push({ id, goal, measured: measured ?? "not measured", met: met ?? null });
  // Four account-wide lists are the floor of any plan, so the per-profile goal is judged at scale.
  const large = r.sizes.filter((s) => s.n >= 1000);
  const perProfile = large.map((s) => s.noChangePlan.requests / (s.n + 1));
  const worst = perProfile.length ? Math.max(...perProfile) : undefined;
  add(
    "plan-requests",
    "No-change plan: ≤ 0.02 requests per declared profile (N ≥ 1,000)",
    worst === undefined ? undefined : `max ${fmt(worst, 4)} per profile`,
    worst === undefined
      ? undefined
      : worst <= 0.02 && large.every((s) => s.noChangePlan.allNoChange),
  );
  const p1k = at(r, 1000)?.noChangePlan;
  add(
    "plan-1k",
    "No-change plan < 2 s at 1,000",
    p1k && `${fmt(p1k.seconds)} s`,
    p1k && p1k.seconds < 2,
  );
  const p10k = at(r, 10000)?.noChangePlan;
  add(
    "plan-10k",
    "No-change plan < 15 s at 10,000",
    p10k && `${fmt(p10k.seconds)} s`,
    p10k && p10k.seconds < 15,
  );
  add(
    "plan-rss-10k",
    "No-change plan peak RSS < 300 MB at 10,000",
    p10k && `${p10k.peakRssMb} MB`,
    p10k && p10k.peakRssMb < 300,
  );
  const a1k = at(r, 1000);
  const ratio = a1k?.apply && a1k.direct ? a1k.apply.seconds / a1k.direct.seconds : undefined;
  add(
    "apply-ratio-1k",
    "Apply through Pulumi ≤ 1.5 × the direct-write floor at 1,000",
    ratio === undefined
      ? undefined
      : `${fmt(ratio)} × (${fmt(a1k!.apply!.seconds, 1)} s vs ${fmt(a1k!.direct!.seconds, 1)} s)`,
    ratio === undefined ? undefined : ratio <= 1.5,
  );
  const cap = a1k ? capProfilesPerSecond(a1k, r) : undefined;
  const share = cap && a1k?.apply ? 1000 / a1k.apply.seconds / cap : undefined;
  add(
    "apply-throughput-1k",
    "Apply at 1,000: ≥ 70 % of the throughput the concurrency cap allows",
    share === undefined
      ? undefined
      : `${fmt(share * 100, 0)} % (${fmt(1000 / a1k!.apply!.seconds, 1)} of ${fmt(cap!, 1)} profiles/s)`,
    share === undefined ? undefined : share >= 0.7,
  );
  const applied = r.sizes.filter((s) => s.apply);
  const failed = applied.reduce((t, s) => t + s.apply!.failed + (s.n - s.apply!.created), 0);
  add(
    "apply-failures",
    "Apply: zero failed profiles (every applied N)",
    applied.length ? `${failed} failed of ${applied.reduce((t, s) => t + s.n, 0)}` : undefined,
    applied.length ? failed === 0 : undefined,
  );
  const noop = at(r, 1000)?.noopApply;
  add(
    "noop-1k",
    "No-op apply < 2 s at 1,000",
    noop && `${fmt(noop.seconds)} s`,
    noop && noop.seconds < 2,
  );
  const started = r.sizes.reduce((t, s) => t + s.noopApply.pulumiInvocations, 0);
  add(
    "noop-no-pulumi",
    "No-op apply never starts Pulumi (every N)",
    r.sizes.length ? `${started} Pulumi invocations` : undefined,
    r.sizes.length ? started === 0 && r.sizes.every((s) => s.noopApply.nothingToChange) : undefined,
  );
  return goals;
}

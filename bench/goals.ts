/** The goals of issue 15 (and issue 7's that still hold), judged from the results (pure). */
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

/** Bytes of Pulumi state per managed resource (the primary and N secondaries). */
export const stateBytesPerProfile = (s: SizeResult): number | undefined =>
  s.files.checkpointBytes === undefined ? undefined : s.files.checkpointBytes / (s.n + 1);

/** The goals of issue 15 (and those of issue 7 it keeps), judged from the results. */
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
  const p10k = at(r, 10000)?.noChangePlan;
  add(
    "plan-rss-10k",
    "No-change plan, 10,000 profiles: peak RSS of the CLI ≤ 250 MB",
    p10k && `${p10k.peakRssMb} MB`,
    p10k && p10k.peakRssMb <= 250,
  );
  const p1k = at(r, 1000)?.noChangePlan;
  add(
    "plan-time",
    "No-change plan ≤ 3.0 s at 10,000 and ≤ 1.0 s at 1,000",
    p10k && p1k && `${fmt(p10k.seconds)} s / ${fmt(p1k.seconds)} s`,
    p10k && p1k && p10k.seconds <= 3.0 && p1k.seconds <= 1.0,
  );
  const noop = at(r, 1000)?.noopApply;
  add(
    "noop-1k",
    "No-op apply ≤ 1.0 s at 1,000",
    noop && `${fmt(noop.seconds)} s`,
    noop && noop.seconds <= 1.0,
  );
  const a1k = at(r, 1000);
  const cap = a1k ? capProfilesPerSecond(a1k, r) : undefined;
  const share = cap && a1k?.apply ? 1000 / a1k.apply.seconds / cap : undefined;
  add(
    "apply-throughput-1k",
    "Apply of 1,000 new profiles: ≥ 85 % of the throughput the concurrency cap allows",
    share === undefined
      ? undefined
      : `${fmt(share * 100, 0)} % (${fmt(1000 / a1k!.apply!.seconds, 1)} of ${fmt(cap!, 1)} profiles/s)`,
    share === undefined ? undefined : share >= 0.85,
  );
  const ratios = [1000, 10000].map((n) => {
    const s = at(r, n);
    return s?.apply && s.direct ? { n, ratio: s.apply.seconds / s.direct.seconds, s } : undefined;
  });
  const applied = r.sizes.filter((s) => s.apply);
  const failed = applied.reduce((t, s) => t + s.apply!.failed + (s.n - s.apply!.created), 0);
  add(
    "apply-ratio",
    "Apply through Pulumi ≤ 1.25 × direct writes at 1,000 and at 10,000, zero failures",
    ratios.some(Boolean)
      ? ratios
          .map((x, i) =>
            x
              ? `${fmt(x.ratio)} × at ${x.n.toLocaleString("en-US")} (${fmt(x.s.apply!.seconds, 1)} s vs ${fmt(x.s.direct!.seconds, 1)} s)`
              : `not run at ${i ? "10,000" : "1,000"}`,
          )
          .join("; ") + `; ${failed} failed`
      : undefined,
    ratios.every(Boolean) ? ratios.every((x) => x!.ratio <= 1.25) && failed === 0 : undefined,
  );
  const stateAt = applied.at(-1);
  const perProfileBytes = stateAt && stateBytesPerProfile(stateAt);
  add(
    "state-size",
    "Pulumi state per managed profile ≤ 2 KB",
    perProfileBytes === undefined
      ? undefined
      : `${Math.round(perProfileBytes).toLocaleString("en-US")} B at ${stateAt!.n.toLocaleString("en-US")} (${stateAt!.files.checkpointMb} MB checkpoint)`,
    perProfileBytes === undefined ? undefined : perProfileBytes <= 2048,
  );
  const cps = r.checkpoints ?? [];
  const worstCp = cps.length ? cps.reduce((a, b) => (b.n > a.n ? b : a)) : undefined;
  add(
    "checkpoints",
    "Checkpoint on every step: on by default, ≤ 10 % slower than final-only",
    worstCp &&
      cps
        .map(
          (c) =>
            `${c.n.toLocaleString("en-US")}: +${fmt(c.overhead * 100, 0)} %, default ${c.defaultMode}`,
        )
        .join("; "),
    worstCp && cps.every((c) => c.defaultMode === "every-step" && c.overhead <= 0.1),
  );
  add(
    "apply-failures",
    "Apply: zero failed profiles (every applied N)",
    applied.length ? `${failed} failed of ${applied.reduce((t, s) => t + s.n, 0)}` : undefined,
    applied.length ? failed === 0 : undefined,
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

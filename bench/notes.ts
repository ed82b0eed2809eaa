/**
 * The prose of bench/RESULTS.md: why a goal is missed and what would meet it,
 * and how the numbers are made. Functions of the results, so every number
 * quoted comes from the JSON.
 */
import { capProfilesPerSecond } from "./goals.ts";
import type { Results, SizeResult } from "./types.ts";

type Note = (r: Results) => string;

const at = (r: Results, n: number): SizeResult | undefined => r.sizes.find((s) => s.n === n);
const f = (x: number, d = 1) => x.toFixed(d);
const phase = (s: SizeResult | undefined, name: string) =>
  s?.planProfile?.phases.find((p) => p.phase === name);
const areaShare = (s: SizeResult | undefined, area: string) =>
  f((s?.planProfile?.cpuProfile.byArea.find((a) => a.area === area)?.share ?? 0) * 100, 0);

/** Self time of the hottest function whose name starts with `name` in the plan's CPU profile. */
const fnMs = (s: SizeResult, name: string) =>
  s.planProfile?.cpuProfile.topFunctions.find((t) => t.fn.startsWith(name))?.ms ??
  "(not in the top 8)";

/** Apply's evaluation stretch and its projection with evaluations in a pool of --parallel. */
export function applyBreakdown(r: Results, s: SizeResult) {
  const a = s.apply!;
  const evalSeconds = a.phases.evaluationDoneAt! - (a.phases.evaluationStartAt ?? 0);
  const pooledEval = (s.n * s.rttMs) / 1000 / r.settings.parallel;
  const projected = a.seconds - evalSeconds + pooledEval;
  const up = a.pulumiCommands.find((c) => c.command.startsWith("up"))?.at ?? 0;
  const startup = (a.steps?.firstStartAt ?? up) - up;
  const stepsSpan = a.steps ? a.steps.lastDoneAt - a.steps.firstStartAt : 0;
  return { evalSeconds, pooledEval, projected, startup, stepsSpan };
}

export const GOAL_NOTES: Record<string, Note> = {
  "plan-requests": (r) => {
    const small = r.sizes[0];
    const big = r.sizes.at(-1);
    if (!small || !big) return "";
    return (
      `Four account-wide lists (profiles, end users, documents, addresses) in pages of 1,000 and no per-profile reads: ` +
      `${big.noChangePlan.requests} requests at N = ${big.n.toLocaleString("en-US")}, against ${big.naive.requests.toLocaleString("en-US")} for the naive reader. ` +
      `The four lists are a floor of 4 requests, more than 0.02 per profile below 200 profiles ` +
      `(${small.noChangePlan.requests} at N = ${small.n}), hence judged at scale.`
    );
  },
  "plan-1k": (r) => {
    const s = at(r, 1000);
    const base = r.sizes[0];
    if (!s || !base) return "";
    const inProcess = phase(s, "plan");
    return (
      `The same preparePlan in one process takes ${f(inProcess?.seconds ?? 0, 2)} s (phase table below), the CLI ${f(s.noChangePlan.seconds, 2)} s, and the CLI at N = ${base.n} already ${f(base.noChangePlan.seconds, 2)} s: most of the gap is the CLI's fixed cost. ` +
      `It grew: \`trusthub plan\` now loads Pulumi's Automation API (@pulumi/pulumi, @grpc/grpc-js, @npmcli/arborist, …) because src/workflow/accounts.ts imports src/workflow/apply.ts, which imports src/apply/engine.ts, statically; module compilation (\`wrapSafe\`) is the hottest function of the CPU profile at 1,000 (${fnMs(s, "wrapSafe")} ms). ` +
      `The run also shared 2 cores with other test runs (load average in the header). ` +
      `What would meet it: import ./apply.ts lazily in src/workflow/accounts.ts (and ../apply/engine.ts lazily in src/workflow/apply.ts), then the YAML and checksum work below.`
    );
  },
  "plan-10k": (r) => {
    const s = at(r, 10000);
    const load = phase(s, "load");
    if (!s || !load) return "";
    return (
      `CPU profile: YAML parsing ${areaShare(s, "yaml")} %, garbage collection ${areaShare(s, "(garbage collector)")} %, src/plan ${areaShare(s, "src/plan")} % (the plan checksum: \`stableStringify\` of the whole config and actions ${fnMs(s, "stableStringify")} ms, then a pure-JS \`sha256Hex\` ${fnMs(s, "sha256Hex")} ms), libphonenumber ${areaShare(s, "libphonenumber-js")} % (each phone number is parsed three times: two rules and normalise). ` +
      `loadConfig alone takes ${f(load.seconds, 2)} s, reading Trust Hub ${f(phase(s, "read")?.seconds ?? 0, 2)} s for ${s.noChangePlan.requests} requests, the whole preparePlan in one process ${f(phase(s, "plan")?.seconds ?? 0, 2)} s. ` +
      `What would meet it: the loader fixes under peak RSS (less YAML garbage), hashing with node:crypto at the edge (src/workflow passes a digest function to buildPlan, or src/plan hashes per profile), a memo in src/config/phone.ts, and the lazy Pulumi import above.`
    );
  },
  "plan-rss-10k": (r) => {
    const s = at(r, 10000);
    const p = s?.planProfile;
    if (!s || !p) return "";
    const ph = (n: string) => phase(s, n)?.maxRssMb ?? 0;
    return (
      `Three phases are each over budget on their own (baseline ${ph("baseline")} MB): ` +
      `**loadConfig** of one ${s.files.yamlMb} MB YAML file peaks at ${ph("load")} MB (the \`yaml\` Document kept with positions, plus its parse garbage); ` +
      `**readManaged** at ${ph("state")} MB (the ${s.files.checkpointMb} MB Pulumi checkpoint is read whole and JSON.parse'd: every dynamic resource stores the serialized provider twice and the encrypted inputs, about ${f((s.files.checkpointMb * 1024) / s.n)} KB per profile, to extract a few SIDs); ` +
      `**readAccount** at ${ph("read")} MB (the SDK's \`list()\` holds every page's instances). ` +
      `Splitting the YAML into files of ${p.splitPlan.filesOf} changes loadConfig to ${ph("load-split")} MB and the whole CLI plan to ${p.splitPlan.peakRssMb ?? "?"} MB. ` +
      `What would meet it: src/config keeps only plain values and re-parses a file for positions when it reports a diagnostic (frees each Document after its file); ` +
      `src/state/pulumi-state.ts scans the checkpoint as a stream for the \`record\` outputs instead of JSON.parse of the whole file; ` +
      `src/state/read.ts converts page by page (SDK \`page()\`/\`each()\`) to the compact observed objects instead of \`list()\`.`
    );
  },
  "apply-ratio-1k": (r) => {
    const s = at(r, 1000);
    if (!s?.apply || !s.direct) return "";
    const b = applyBreakdown(r, s);
    return (
      `Evaluations of the ${s.n} written profiles run one after another in src/apply/submit.ts: ${f(b.evalSeconds)} s. ` +
      `In a pool of --parallel they would take about ${f(b.pooledEval)} s, giving about ${f(b.projected)} s (${f(b.projected / s.direct.seconds, 2)} ×). ` +
      `The rest is Pulumi's fixed start (${f(b.startup)} s from \`pulumi up\` to the first step), ${f(b.stepsSpan)} s of resource steps against ${f(s.direct.seconds)} s for the whole floor (per-step engine overhead: median step ${f(s.apply.steps?.medianStepSeconds ?? 0, 2)} s for ${f((s.direct.requests - s.direct.throttled429) / s.n - 1)} requests of ${s.rttMs} ms), and the CLI's own start and plan (table below).`
    );
  },
  "apply-throughput-1k": (r) => {
    const s = at(r, 1000);
    const st = s?.apply?.steps;
    if (!s || !st) return "";
    const cap = capProfilesPerSecond(s, r) ?? 0;
    const b = applyBreakdown(r, s);
    const stepRate = st.count / b.stepsSpan;
    return (
      `The cap allows ${f(cap)} profiles/s (${r.settings.maxConcurrent} requests in flight / ${r.settings.latencyMs} ms latency / ${f((s.direct!.requests - s.direct!.throttled429) / s.n)} requests per profile). ` +
      `While the resource steps run, apply makes ${f(stepRate)} profiles/s (${f((stepRate / cap) * 100, 0)} %, ${st.meanInFlight} of ${r.settings.parallel} steps in flight on average); the whole command is diluted by the sequential evaluations and Pulumi's start. ` +
      `The direct floor reaches ${f((s.n / s.direct!.seconds / cap) * 100, 0)} %. ` +
      `Parallel evaluation (above) would bring apply to about ${f(((s.n / b.projected) * 100) / cap, 0)} %. ` +
      `--parallel above the cap does not help: the extra requests are answered 429 and the SDK backs off.`
    );
  },
  "apply-failures": () =>
    "Failures counted from apply's summary line (`N failed`) and created = N; the emulator logged no 5xx.",
  "noop-1k": (r) => {
    const s = at(r, 1000);
    if (!s) return "";
    return (
      `The no-change plan (${f(s.noChangePlan.seconds, 2)} s at 1,000) plus the text rendering; no Pulumi command ran, but src/workflow/apply.ts loads the Pulumi SDK before it knows there is nothing to do (peak RSS ${s.noopApply.peakRssMb} MB against the plan's ${s.noChangePlan.peakRssMb} MB). ` +
      `What would meet it: the plan fixes above and importing src/apply/engine.ts only when there is work.`
    );
  },
  "noop-no-pulumi": (r) =>
    `Apply runs with TRUSTHUB_PULUMI_BIN pointing at a wrapper that logs every \`pulumi\` command: ` +
    `${r.sizes.reduce((t, s) => t + (s.apply?.pulumiInvocations ?? 0), 0)} logged during the real applies, none during the no-op applies.`,
};

export const ANALYSIS: Note = (r) => {
  const big = r.sizes.at(-1);
  const applied = r.sizes.filter((s) => s.apply).at(-1);
  const preload = r.sizes.find((s) => s.preloadSeconds !== undefined);
  const extrapolation =
    applied?.apply && applied.direct && big && big.n > applied.n
      ? `Apply of ${big.n.toLocaleString("en-US")} new profiles through Pulumi was not run. At the ${applied.n.toLocaleString("en-US")} rate (${f(applied.n / applied.apply.seconds)} profiles/s through Pulumi, ${f(applied.n / applied.direct.seconds)} direct) it would take about ${f(((big.n / applied.n) * applied.apply.seconds) / 60)} min through Pulumi plus ${f(((big.n / applied.n) * applied.direct.seconds) / 60)} min for the floor, more than this whole run (${Math.round(r.durationSeconds / 60)} min) on a shared 2-core machine; \`--max-apply-n ${big.n}\` runs it. The extrapolation assumes linear growth: steps and evaluations are per profile, and the DIY backend saves only the final checkpoint from 100 writes on, so state writes do not grow quadratically.`
      : "";
  return `
## How it is measured

- \`bench/generate.ts\` writes N fictional secondaries (\`.example\` domains, 555-01xx phone numbers) under one ISV primary in the language of docs/config.md; a test loads them with \`loadConfig\`. The "1 % changed" config changes the website URL of every hundredth profile, and the plan must show exactly that many updates (\`exact\` in the JSON).
- The emulator runs in its own process (\`bench/emulator-proc.ts\`), in memory, with the fault controls set after setup: ${r.settings.latencyMs} ms added latency and a cap of ${r.settings.maxConcurrent} requests in flight. Requests are counted from its request log, per account.
- The primary is made as the Console would (sandbox controls), with exactly the YAML's data, and approved. For N ≤ ${r.settings.maxApplyN.toLocaleString("en-US")} the state comes from the measured \`trusthub apply\` itself. Above that it is preloaded: every Trust Hub object is created through the official SDK (${r.settings.preloadConcurrency} at a time, no faults${preload ? `, ${f(preload.preloadSeconds!)} s at N = ${preload.n.toLocaleString("en-US")}` : ""}), and the Pulumi checkpoint is synthesized from the real checkpoint of the largest applied N, with each resource copied and its key, URN and SIDs replaced, so the planner reads a file of the real shape and size. The no-change plans then must come back empty (\`--detailed-exitcode\` exit 0, every action \`no-op\`; \`allNoChange\` in the JSON). Writing the emulator's data file directly would be faster but ties the bench to its internal format; going through the API is the honest route and takes under a minute.
- The direct floor (\`bench/direct-child.ts\`, second account on the same emulator) sends the same writes as apply with the provider's own \`reconcile()\` and one evaluation per profile, ${r.settings.parallel} profiles at a time, with no plan, engine or state. Apply is the \`trusthub apply --auto-approve --parallel ${r.settings.parallel}\` CLI.
- The naive reader (\`bench/naive-child.ts\`) is the Terraform Twilio provider's refresh pattern: per profile in state, fetch the profile, list its assignments, fetch each end user, the document and the address, one request per object, ${r.settings.naiveParallel} resources at a time.
- Every timed process is a child under node_modules/.bin/node (Node 24); peak RSS is the child's own \`getrusage\` maximum (\`bench/rss-hook.ts\`).
${extrapolation ? `\n## Apply at ${big!.n.toLocaleString("en-US")}\n\n${extrapolation}\n` : ""}
## Reproduce

\`npm run bench\` (the full run, about ${Math.round(r.durationSeconds / 60)} min here). \`--quick\` (N = 10 and 100), \`--max-n N\`, \`--max-apply-n N\`, \`--plan-runs K\`, \`--render-only\` (re-judge the goals, RESULTS.md and the SVG from the JSON). Bounded runs write to \`$TMPDIR/trusthub-bench/\`, never over these results. \`test/bench\` re-renders this file from the committed JSON and compares.
`;
};

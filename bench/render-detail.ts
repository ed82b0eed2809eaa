/** The detail sections of RESULTS.md: where plan time/memory and apply time go (from the JSON). */
import type { Results, SizeResult } from "./types.ts";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const f = (x: number, d = 2) => x.toFixed(d);

const PHASES: Record<string, string> = {
  baseline: "modules loaded, nothing done",
  load: "loadConfig: YAML (one file) + schema + rules + normalise",
  "load-split": "loadConfig with the secondaries in files of 500",
  state: "readManaged: the Pulumi checkpoint",
  read: "readAccount: four account-wide lists, pages of 1,000",
  plan: "the whole preparePlan in one process",
};

export function planDetail(s: SizeResult): string[] {
  const p = s.planProfile;
  if (!p) return [];
  const cpu = p.cpuProfile;
  return [
    `### Where the no-change plan goes at N = ${s.n.toLocaleString("en-US")}`,
    "",
    "Each phase ran alone in its own child process, so each peak RSS is that phase's own.",
    "",
    row(["Phase", "Seconds", "Peak RSS MB", "Requests"]),
    row(["---", "---", "---", "---"]),
    ...p.phases.map((x) => row([PHASES[x.phase] ?? x.phase, f(x.seconds), x.maxRssMb, x.requests])),
    row([
      `\`trusthub plan\` CLI, secondaries in files of ${p.splitPlan.filesOf}`,
      f(p.splitPlan.seconds),
      p.splitPlan.peakRssMb ?? "–",
      p.splitPlan.requests,
    ]),
    "",
    `CPU profile of the \`trusthub plan\` CLI (\`node --cpu-prof\`, ${f(cpu.planSeconds)} s wall, ${(cpu.totalMs / 1000).toFixed(1)} s sampled), self time by area:`,
    "",
    row(["Area", "ms", "share"]),
    row(["---", "---", "---"]),
    ...cpu.byArea.slice(0, 8).map((a) => row([a.area, a.ms, `${f(a.share * 100, 1)} %`])),
    "",
    `Hottest functions: ${cpu.topFunctions
      .filter((t) => !t.fn.startsWith("("))
      .map((t) => `\`${t.fn}\` ${t.ms} ms`)
      .join(", ")}.`,
    "",
  ];
}

export function applyDetail(s: SizeResult, parallel: number): string[] {
  const a = s.apply;
  if (!a?.steps || !a.phases.planShownAt || !a.phases.evaluationDoneAt) return [];
  const up = a.pulumiCommands.find((c) => c.command.startsWith("up"));
  const after = a.pulumiCommands.filter((c) => up && c.at > up.at);
  const st = a.steps;
  const lines: [string, number, string][] = [
    ["CLI start, config, read, plan shown", a.phases.planShownAt, ""],
    [
      "Pulumi commands before `up` (version, stack select/init)",
      (up?.at ?? a.phases.planShownAt) - a.phases.planShownAt,
      a.pulumiCommands
        .filter((c) => !up || c.at < up.at)
        .map((c) => c.command)
        .join(", "),
    ],
    [
      "`pulumi up` start to the first resource step (engine, language host, provider, program registration)",
      st.firstStartAt - (up?.at ?? a.phases.planShownAt),
      "",
    ],
    [
      "resource steps, first start to last done",
      st.lastDoneAt - st.firstStartAt,
      `${st.count} steps, median ${f(st.medianStepSeconds)} s, p90 ${f(st.p90StepSeconds)} s, ${st.meanInFlight} in flight on average`,
    ],
    [
      "after the last step until evaluations start (`up` returns; " +
        after.map((c) => c.command).join(", ") +
        ")",
      a.phases.evaluationDoneAt - st.lastDoneAt - evaluationSeconds(s),
      "",
    ],
    ["evaluation of each written profile (src/apply/submit.ts)", evaluationSeconds(s), ""],
  ];
  return [
    `### Where apply goes at N = ${s.n.toLocaleString("en-US")}`,
    "",
    `\`trusthub apply --parallel ${parallel}\`: ${f(a.seconds)} s in all; the direct floor: ${f(s.direct?.seconds ?? 0)} s. From apply's own progress lines and the Pulumi CLI invocations:`,
    "",
    row(["Stretch", "Seconds", "Detail"]),
    row(["---", "---", "---"]),
    ...lines.map(([what, sec, detail]) => row([what, f(sec), detail])),
    "",
  ];
}

/** Evaluations: from the first evaluation request the emulator saw to apply's summary line. */
function evaluationSeconds(s: SizeResult): number {
  const a = s.apply!;
  return a.phases.evaluationDoneAt! - (a.phases.evaluationStartAt ?? a.phases.evaluationDoneAt!);
}

export function details(r: Results): string[] {
  const big = [...r.sizes].reverse();
  const plan = big.find((s) => s.planProfile);
  const apply = big.find((s) => s.apply?.steps);
  return [
    ...(plan ? planDetail(plan) : []),
    ...(apply ? applyDetail(apply, r.settings.parallel) : []),
  ];
}

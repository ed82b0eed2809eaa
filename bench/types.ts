/** The shape of bench/results/scale.json (what run.ts writes and render.ts reads). */
import type { RequestCount } from "./account.ts";
import type { CpuSummary } from "./cpu-profile.ts";
import type { ApplyRun, PlanRun } from "./scenarios.ts";
import type { Settings } from "./size.ts";

export interface ChildScript extends RequestCount {
  seconds: number;
  profiles: number;
  failures: number;
}

export interface SizeResult {
  n: number;
  rttMs: number;
  preloadSeconds?: number;
  /** Sizes of the YAML with the secondaries and of the Pulumi checkpoint the plan reads. */
  files: { yamlMb: number; checkpointMb: number; checkpointBytes?: number };
  direct?: ChildScript & { notCompliant: number };
  apply?: ApplyRun;
  noChangePlan: {
    runs: PlanRun[];
    seconds: number;
    peakRssMb: number;
    requests: number;
    allNoChange: boolean;
  };
  changedPlan: PlanRun & { changedProfiles: number; exact: boolean };
  noopApply: ApplyRun;
  naive: ChildScript & { missing: number };
  planProfile?: {
    phases: (RequestCount & { phase: string; seconds: number; maxRssMb: number })[];
    splitPlan: PlanRun & { filesOf: number };
    cpuProfile: CpuSummary & { planSeconds: number };
  };
}

export interface Goal {
  id: string;
  goal: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

export interface Results {
  benchmark: "scale";
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    pulumi: string;
    platform: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  date: string;
  gitCommit: string;
  command: string;
  durationSeconds: number;
  settings: Settings & { sizes: number[] };
  sizes: SizeResult[];
  goals: Goal[];
  /** Apply of N new profiles with final-only and per-step checkpoints (bench/state-size.ts). */
  checkpoints?: CheckpointCost[];
  /** The no-change plan with the stack in PostgreSQL (bench/postgres.ts --commit; its own run). */
  postgres?: PostgresResult;
}

/** One run of bench/postgres.ts. */
export interface PostgresResult {
  date: string;
  commit: string;
  dirty: boolean;
  n: number;
  runs: number;
  postgresVersion: string;
  conditions: { latencyMs: number; maxConcurrent: number };
  loadAverage: { start: number[]; end: number[] };
  /** The two applies that made the state (not timed under the plan's conditions). */
  apply: {
    file: { seconds: number; created: number; exitCode: number };
    postgres: { seconds: number; exitCode: number };
  };
  noChangePlan: {
    file: { seconds: number; peakRssMb: number; requests: number; allNoChange: boolean };
    postgres: { seconds: number; peakRssMb: number; requests: number; allNoChange: boolean };
    ratio: number;
  };
  pulumiInvocationsPerPostgresPlan: number[];
  /** `pulumi stack export` of the postgres stack alone (median of the runs), and its output size. */
  stackExport?: { seconds: number; runs: number[]; outputMb: number };
  runsSeconds: { file: number[]; postgres: number[] };
}

/** Per-step checkpoints against final-only at one N (two runs of bench/state-size.ts). */
export interface CheckpointCost {
  n: number;
  /** What apply does at this N without TRUSTHUB_PULUMI_CHECKPOINTS. */
  defaultMode: "every-step" | "final";
  /** Apply's threshold: final-only checkpoints from this many profiles to write. */
  finalOnlyFrom: number;
  finalSeconds: number;
  everyStepSeconds: number;
  /** everyStep / final - 1. */
  overhead: number;
  checkpointBytes: number;
  failures: number;
}

// The shapes of a sweep plan: what goes in, and the k6 options that come out.
import type { SweepSchedule } from '@rota-perf/core';

/** Scenario name prefix (the registry's schedule): `probe_<rate>`, `progress_<rate>`. */
export type ScenarioPrefix = SweepSchedule['scenarioPrefix'];

/** Seconds as a number, or k6 duration text such as `30s` or `1m30s`. */
export type DurationInput = number | string;

/** The inputs of planSweep (rates in requests per second). */
export interface SweepPlanInput {
  min: number;
  max: number;
  step: number;
  warmup: DurationInput;
  stepDuration: DurationInput;
  pause: DurationInput;
  /** Highest acceptable failure rate of a level, 0..1. */
  tolerance: number;
  preAllocatedVUs: number;
  maxVUs: number;
  scenarioPrefix: ScenarioPrefix;
  /** The exported function every scenario runs. */
  exec: string;
  gracefulStop: DurationInput;
  /** Arrival rate of the warm-up scenario; default max(1, min). */
  warmupRps?: number;
  /** A level also fails when its p95 latency exceeds this (ms); null or absent = no SLO. */
  p95SloMs?: number | null;
  /** Stop the k6 run once a level clearly fails (per-level abortOnFail thresholds). */
  abortOnFail?: boolean;
  /**
   * Name node-runner's generator metrics per level in the thresholds, so each level's CPU,
   * event-loop lag and start lag reach the summary. The real k6 rejects a threshold on a
   * metric it does not know: a script that sets this must declare them (GENERATOR_METRICS).
   */
  generatorMetrics?: boolean;
  /** Variable names to use in error messages (e.g. `{ step: 'PROBE_STEP_RPS' }`). */
  names?: Partial<Record<PlanField, string>>;
}

/** A field of SweepPlanInput that error messages can name. */
export type PlanField = Exclude<keyof SweepPlanInput, 'names'>;

/** One level of the sweep: when it starts and for how long it runs. */
export interface PlannedLevel {
  scenario: string;
  targetRps: number;
  /** Offset from the start of the test, seconds (the scenario's startTime). */
  startSeconds: number;
  durationSeconds: number;
}

/** A k6 constant-arrival-rate scenario as it goes into options.scenarios. */
export interface ArrivalRateScenario {
  executor: 'constant-arrival-rate';
  rate: number;
  timeUnit: '1s';
  duration: string;
  startTime: string;
  preAllocatedVUs: number;
  maxVUs: number;
  exec: string;
  gracefulStop: string;
  tags: { stage: 'warmup' | 'probe'; target_rps: string };
}

/** One entry of a k6 threshold list: an expression, or an expression with abort settings. */
export type ThresholdRule =
  | string
  | { threshold: string; abortOnFail: boolean; delayAbortEval?: string };

/** A validated sweep: the levels, and the k6 options (scenarios, thresholds) that run them. */
export interface SweepPlan {
  scenarioPrefix: ScenarioPrefix;
  minRps: number;
  maxRps: number;
  stepRps: number;
  tolerance: number;
  p95SloMs: number | null;
  abortOnFail: boolean;
  warmupSeconds: number;
  stepSeconds: number;
  pauseSeconds: number;
  gracefulStopSeconds: number;
  levels: PlannedLevel[];
  /** Every level's VU settings (the scenarios share them). */
  preAllocatedVUs: number;
  maxVUs: number;
  /** What advice calls the VU settings: the env variables when the plan came from them. */
  vuNames: { preAllocatedVUs: string; maxVUs: string };
  /** The thresholds name the generator metrics (SweepPlanInput.generatorMetrics). */
  generatorMetrics: boolean;
  scenarios: Record<string, ArrivalRateScenario>;
  thresholds: Record<string, ThresholdRule[]>;
  /** When the last level ends, seconds after the start (not counting the graceful stop). */
  totalSeconds: number;
}

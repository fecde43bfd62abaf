// A step sweep as k6 options: one constant-arrival-rate scenario per level, and thresholds
// that name every level's sub-metrics. Without those thresholds k6 leaves the tagged
// sub-metrics out of handleSummary data and every level reads as empty (docs/rota-api.md §7 item 2,
// k6-golden/02).
import {
  ConfigError,
  checkNumber,
  formatK6Duration,
  parseK6Duration,
  quote,
  SUBMETRIC_ONLY_THRESHOLDS,
} from '@rota-perf/core';
import { levelScenarioName } from './level-names.js';
import type {
  ArrivalRateScenario,
  DurationInput,
  PlanField,
  PlannedLevel,
  SweepPlan,
  SweepPlanInput,
  ThresholdRule,
} from './plan-types.js';

/** More levels than this is a typo (a step of 1 over 1..100000), not a sweep. */
export const MAX_LEVELS = 500;

/** k6 rejects arrival-rate scenarios shorter than one second. */
const MIN_SCENARIO_SECONDS = 1;

/** summaryTrendStats that make p(99) available to the analysis (k6's default stops at p(95)). */
export const SWEEP_SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

/**
 * node-runner's generator-health metrics (Trends; `isTime` as k6's `new Trend(name, isTime)`).
 * The real k6 has none: a k6 script whose plan names them declares them in its init code, and
 * k6 then leaves them out of the summary (no samples), so the levels read them as unmeasured.
 */
export const GENERATOR_METRICS = [
  { name: 'generator_cpu_percent', isTime: false },
  { name: 'generator_event_loop_lag_ms', isTime: true },
  { name: 'iteration_start_lag_ms', isTime: true },
] as const;

/** The sub-metrics each level needs in the summary data, keyed by the threshold that names them. */
export function levelMetricNames(scenario: string): {
  requests: string;
  failed: string;
  duration: string;
  dropped: string;
  iterations: string;
  iterationDuration: string;
  generatorCpu: string;
  eventLoopLag: string;
  startLag: string;
} {
  const tag = `{scenario:${scenario}}`;
  return {
    requests: `http_reqs${tag}`,
    failed: `http_req_failed${tag}`,
    duration: `http_req_duration${tag}`,
    dropped: `dropped_iterations${tag}`,
    iterations: `iterations${tag}`,
    iterationDuration: `iteration_duration${tag}`,
    generatorCpu: `generator_cpu_percent${tag}`,
    eventLoopLag: `generator_event_loop_lag_ms${tag}`,
    startLag: `iteration_start_lag_ms${tag}`,
  };
}

/** Validates the inputs and lays out the sweep; bad input throws a one-line ConfigError. */
export function planSweep(input: SweepPlanInput): SweepPlan {
  const name = (field: PlanField): string => input.names?.[field] ?? field;
  const positiveInt = { min: 1, integer: true };
  /** An upper bound may not be below its lower bound (`max` and `min`, `maxVUs` and the pool). */
  const checkNotBelow = (upper: 'max' | 'maxVUs', lower: 'min' | 'preAllocatedVUs') => {
    if (input[upper] < input[lower]) {
      throw new ConfigError(
        name(upper),
        `${name(upper)} must be >= ${name(lower)} (${input[lower]}), got ${input[upper]}`,
      );
    }
  };
  checkNumber(name('min'), input.min, positiveInt);
  checkNumber(name('max'), input.max, positiveInt);
  checkNumber(name('step'), input.step, positiveInt);
  checkNotBelow('max', 'min');
  const levelCount = Math.floor((input.max - input.min) / input.step) + 1;
  if (levelCount > MAX_LEVELS) {
    throw new ConfigError(
      name('step'),
      `${name('step')} gives ${levelCount} levels from ${input.min} to ${input.max}; at most ${MAX_LEVELS} are allowed, got ${input.step}`,
    );
  }
  checkNumber(name('tolerance'), input.tolerance, { min: 0, max: 1 });
  checkNumber(name('preAllocatedVUs'), input.preAllocatedVUs, positiveInt);
  checkNumber(name('maxVUs'), input.maxVUs, positiveInt);
  checkNotBelow('maxVUs', 'preAllocatedVUs');
  const warmupRps = input.warmupRps ?? Math.max(1, input.min);
  checkNumber(name('warmupRps'), warmupRps, positiveInt);
  const p95SloMs = input.p95SloMs ?? null;
  if (p95SloMs !== null) checkNumber(name('p95SloMs'), p95SloMs, { above: 0 });
  if (!/^[A-Za-z_$][\w$]*$/.test(String(input.exec))) {
    throw new ConfigError(
      name('exec'),
      `${name('exec')} must be the name of an exported function, got ${quote(input.exec)}`,
    );
  }
  if (input.scenarioPrefix !== 'probe' && input.scenarioPrefix !== 'progress') {
    throw new ConfigError(
      name('scenarioPrefix'),
      `${name('scenarioPrefix')} must be "probe" or "progress", got ${quote(input.scenarioPrefix)}`,
    );
  }
  const warmupSeconds = toSeconds(input.warmup, name('warmup'), 0);
  const stepSeconds = toSeconds(input.stepDuration, name('stepDuration'), MIN_SCENARIO_SECONDS);
  const pauseSeconds = toSeconds(input.pause, name('pause'), 0);
  const gracefulStopSeconds = toSeconds(input.gracefulStop, name('gracefulStop'), 0);
  if (warmupSeconds > 0 && warmupSeconds < MIN_SCENARIO_SECONDS) {
    throw new ConfigError(
      name('warmup'),
      `${name('warmup')} must be 0 (no warm-up) or at least 1s, got ${quote(input.warmup)}`,
    );
  }

  const abortOnFail = input.abortOnFail === true;
  const generatorMetrics = input.generatorMetrics === true;
  const base = {
    executor: 'constant-arrival-rate' as const,
    timeUnit: '1s' as const,
    preAllocatedVUs: input.preAllocatedVUs,
    maxVUs: input.maxVUs,
    exec: input.exec,
    gracefulStop: formatK6Duration(gracefulStopSeconds),
  };
  const scenarios: Record<string, ArrivalRateScenario> = {};
  if (warmupSeconds > 0) {
    scenarios.warmup = {
      ...base,
      rate: warmupRps,
      duration: formatK6Duration(warmupSeconds),
      startTime: '0s',
      tags: { stage: 'warmup', target_rps: String(warmupRps) },
    };
  }
  const levels: PlannedLevel[] = [];
  const thresholds: Record<string, ThresholdRule[]> = {};
  for (let k = 0; k < levelCount; k++) {
    const rate = input.min + k * input.step;
    // Pauses sit between levels only: the first level follows the warm-up directly (§5.3).
    const level: PlannedLevel = {
      scenario: levelScenarioName(input.scenarioPrefix, rate),
      targetRps: rate,
      startSeconds: warmupSeconds + k * (stepSeconds + pauseSeconds),
      durationSeconds: stepSeconds,
    };
    levels.push(level);
    scenarios[level.scenario] = {
      ...base,
      rate,
      duration: formatK6Duration(stepSeconds),
      startTime: formatK6Duration(level.startSeconds),
      tags: { stage: 'probe', target_rps: String(rate) },
    };
    Object.assign(
      thresholds,
      levelThresholds(level, input.tolerance, p95SloMs, abortOnFail, generatorMetrics),
    );
  }
  const last = levels[levels.length - 1] as PlannedLevel;
  return {
    scenarioPrefix: input.scenarioPrefix,
    minRps: input.min,
    maxRps: input.max,
    stepRps: input.step,
    tolerance: input.tolerance,
    p95SloMs,
    abortOnFail,
    warmupSeconds,
    stepSeconds,
    pauseSeconds,
    gracefulStopSeconds,
    levels,
    preAllocatedVUs: input.preAllocatedVUs,
    maxVUs: input.maxVUs,
    vuNames: { preAllocatedVUs: name('preAllocatedVUs'), maxVUs: name('maxVUs') },
    generatorMetrics,
    scenarios,
    thresholds,
    totalSeconds: last.startSeconds + last.durationSeconds,
  };
}

// Never-failing expressions make k6 materialise the sub-metrics; the optional abort rules
// judge one level on its own (the original's abort threshold was cumulative over all levels).
function levelThresholds(
  level: PlannedLevel,
  tolerance: number,
  p95SloMs: number | null,
  abortOnFail: boolean,
  generatorMetrics: boolean,
): Record<string, ThresholdRule[]> {
  const names = levelMetricNames(level.scenario);
  const failed: ThresholdRule[] = [SUBMETRIC_ONLY_THRESHOLDS.rate];
  const duration: ThresholdRule[] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
  if (abortOnFail) {
    // Thresholds are evaluated from the start of the test, and an empty rate reads as 0, so
    // the delay is counted from the test start: wait until half the level has run, so a few
    // early errors cannot stop the sweep.
    const delayAbortEval = formatK6Duration(level.startSeconds + level.durationSeconds / 2);
    failed.push({ threshold: `rate<=${tolerance}`, abortOnFail: true, delayAbortEval });
    if (p95SloMs !== null) {
      duration.push({ threshold: `p(95)<=${p95SloMs}`, abortOnFail: true, delayAbortEval });
    }
  }
  const rules: Record<string, ThresholdRule[]> = {
    [names.requests]: [SUBMETRIC_ONLY_THRESHOLDS.counter],
    [names.failed]: failed,
    [names.duration]: duration,
    [names.dropped]: [SUBMETRIC_ONLY_THRESHOLDS.counter],
    [names.iterations]: [SUBMETRIC_ONLY_THRESHOLDS.counter],
    // Its mean is the time a VU is busy per iteration (Little's law in the verdict).
    [names.iterationDuration]: [SUBMETRIC_ONLY_THRESHOLDS.trend],
  };
  if (generatorMetrics) {
    rules[names.generatorCpu] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
    rules[names.eventLoopLag] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
    rules[names.startLag] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
  }
  return rules;
}

function toSeconds(value: DurationInput, variable: string, minimum: number): number {
  const seconds = typeof value === 'number' ? value : parseK6Duration(value, variable);
  if (!Number.isFinite(seconds) || seconds < minimum) {
    const least = minimum > 0 ? `of at least ${formatK6Duration(minimum)}` : '>= 0s';
    throw new ConfigError(
      variable,
      `${variable} must be a k6 duration ${least} (e.g. 30s, 1m30s), got ${quote(value)}`,
    );
  }
  return seconds;
}

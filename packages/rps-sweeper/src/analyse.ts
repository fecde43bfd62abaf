// k6 summary data of a planned sweep -> per-level verdicts and the ceiling.
import {
  type K6SummaryData,
  type LevelCause,
  readStat,
  type SweepLevel,
  type SweepResult,
} from '@rota-perf/core';
import { isGeneratorSaturated, judgeLevel } from './judge.js';
import { levelMetricNames } from './plan.js';
import type { PlannedLevel, SweepPlan } from './plan-types.js';

/** Options of analyseSweep; tolerance and SLO default to the plan's. */
export interface AnalyseOptions {
  kind: SweepResult['kind'];
  tolerance?: number;
  p95SloMs?: number | null;
  /** Wall-clock start of the run (ISO 8601), passed through to place levels on a timeline. */
  startedAt?: string | null;
}

/** What the level verdicts say about the ceiling. */
export interface SweepConclusion {
  /** Highest passing level before the first failing one; null when the lowest level failed. */
  highestPassingTarget: number | null;
  /** A level passed after an earlier (lower) level had failed. */
  unstable: boolean;
  /** The generator, not the system, explains the first failure: the ceiling is a lower bound. */
  generatorSaturated: boolean;
  /** What held back the first failing level; null when none failed. */
  limitedBy: LevelCause | null;
}

/** Reads every planned level from handleSummary data and concludes the sweep. */
export function analyseSweep(
  data: K6SummaryData,
  plan: SweepPlan,
  options: AnalyseOptions,
): SweepResult {
  const tolerance = options.tolerance ?? plan.tolerance;
  const p95SloMs = options.p95SloMs === undefined ? plan.p95SloMs : options.p95SloMs;
  const levels = plan.levels.map((level) => ({
    ...judgeLevel(measureLevel(data, level, plan), { tolerance, p95SloMs, names: plan.vuNames }),
    startSeconds: level.startSeconds,
  }));
  const runMs = data.state?.testRunDurationMs;
  return {
    kind: options.kind,
    minTargetRps: plan.minRps,
    maxTargetRps: plan.maxRps,
    stepRps: plan.stepRps,
    failureTolerance: tolerance,
    p95SloMs,
    levels,
    ...concludeSweep(levels),
    totalDurationSeconds: typeof runMs === 'number' && Number.isFinite(runMs) ? runMs / 1000 : null,
    ...(options.startedAt === undefined ? {} : { startedAt: options.startedAt }),
  };
}

/**
 * The ceiling of a step sweep: levels are taken in ascending target order; the ceiling is
 * the last pass before the first failure. The original took the last pass anywhere, which
 * hid a collapse followed by a lucky level; that case is flagged as unstable instead.
 */
export function concludeSweep(levels: readonly SweepLevel[]): SweepConclusion {
  const ordered = [...levels].sort((a, b) => a.targetRps - b.targetRps);
  const firstFail = ordered.findIndex((l) => !l.passed);
  const before = firstFail < 0 ? ordered : ordered.slice(0, firstFail);
  const highest = before.length > 0 ? (before[before.length - 1] as SweepLevel).targetRps : null;
  const unstable = firstFail >= 0 && ordered.slice(firstFail + 1).some((l) => l.passed);
  // Only the first failing level decides whether the ceiling is a lower bound: it is when
  // the generator, not the system, held that level back. Dropped iterations alone say
  // nothing: a slowing system exhausts the VU pool too (its cause says which). With no
  // failure at all, a generator at its limit anywhere means the system was not.
  const failing = firstFail < 0 ? undefined : (ordered[firstFail] as SweepLevel);
  const saturated =
    failing === undefined
      ? ordered.some((l) => isGeneratorSaturated(l))
      : failing.cause === 'generator_saturated';
  return {
    highestPassingTarget: highest,
    unstable,
    generatorSaturated: saturated,
    limitedBy: failing?.cause ?? null,
  };
}

function measureLevel(data: K6SummaryData, level: PlannedLevel, plan: SweepPlan) {
  const names = levelMetricNames(level.scenario);
  const requests = readStat(data, names.requests, 'count');
  let failures = readStat(data, names.failed, 'passes');
  if (failures === null && requests !== null) {
    // A rate metric always carries `passes`; fall back to rate × requests for hand-made data.
    const rate = readStat(data, names.failed, 'rate');
    failures = rate === null ? null : Math.round(rate * requests);
  }
  return {
    scenario: level.scenario,
    targetRps: level.targetRps,
    durationSeconds: level.durationSeconds,
    requests,
    failures,
    p95Ms: readStat(data, names.duration, 'p(95)'),
    p99Ms: readStat(data, names.duration, 'p(99)'),
    // k6 only emits dropped_iterations when an iteration was dropped: absent means none.
    droppedIterations: readStat(data, names.dropped, 'count') ?? 0,
    iterations: readStat(data, names.iterations, 'count'),
    meanIterationMs: readStat(data, names.iterationDuration, 'avg'),
    meanRequestMs: readStat(data, names.duration, 'avg'),
    maxVUs: plan.maxVUs,
    preAllocatedVUs: plan.preAllocatedVUs,
    // node-runner's own metrics; absent with the real k6 (read as unmeasured, not as 0).
    generatorCpuPercent: readStat(data, names.generatorCpu, 'avg'),
    eventLoopLagMs: readStat(data, names.eventLoopLag, 'p(95)'),
    startLagMs: readStat(data, names.startLag, 'p(95)'),
  };
}

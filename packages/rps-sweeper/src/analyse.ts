// k6 summary data of a planned sweep -> per-level verdicts and the ceiling.
import { type K6SummaryData, readStat, type SweepLevel, type SweepResult } from '@rota-perf/core';
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
    ...judgeLevel(measureLevel(data, level), { tolerance, p95SloMs }),
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
    ...concludeSweep(levels, tolerance, p95SloMs),
    totalDurationSeconds: typeof runMs === 'number' && Number.isFinite(runMs) ? runMs / 1000 : null,
    ...(options.startedAt === undefined ? {} : { startedAt: options.startedAt }),
  };
}

/**
 * The ceiling of a step sweep: levels are taken in ascending target order; the ceiling is
 * the last pass before the first failure. The original took the last pass anywhere, which
 * hid a collapse followed by a lucky level; that case is flagged as unstable instead.
 */
export function concludeSweep(
  levels: readonly SweepLevel[],
  tolerance: number,
  p95SloMs: number | null = null,
): SweepConclusion {
  const ordered = [...levels].sort((a, b) => a.targetRps - b.targetRps);
  const firstFail = ordered.findIndex((l) => !l.passed);
  const before = firstFail < 0 ? ordered : ordered.slice(0, firstFail);
  const highest = before.length > 0 ? (before[before.length - 1] as SweepLevel).targetRps : null;
  const unstable = firstFail >= 0 && ordered.slice(firstFail + 1).some((l) => l.passed);
  // Only the first failing level decides whether the ceiling is a lower bound: it is when
  // the generator, not the system, explains that failure. A failure rate over tolerance (or
  // p95 over the SLO) measured at a reduced load is still the system failing, and slow
  // responses tie up VUs, so a failing system often drops iterations by itself. A passing
  // level that dropped a few iterations still held. With no failure at all, any saturation
  // means the generator, not the system, was at its limit.
  const failing = firstFail < 0 ? undefined : (ordered[firstFail] as SweepLevel);
  const saturated =
    failing === undefined
      ? ordered.some((l) => isGeneratorSaturated(l, tolerance))
      : isGeneratorSaturated(failing, tolerance) && !failedOnSystem(failing, tolerance, p95SloMs);
  return { highestPassingTarget: highest, unstable, generatorSaturated: saturated };
}

// The level broke a rule that only the system under test can break.
function failedOnSystem(level: SweepLevel, tolerance: number, p95SloMs: number | null): boolean {
  if (level.failureRate !== null && level.failureRate > tolerance) return true;
  return p95SloMs !== null && level.p95Ms !== null && level.p95Ms > p95SloMs;
}

function measureLevel(data: K6SummaryData, level: PlannedLevel) {
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
  };
}

import { describe, expect, it } from 'vitest';
import { analyseSweep } from './analyse.js';
import { planSweep } from './plan.js';
import type { SweepPlan } from './plan-types.js';
import { buildSweepResultsJson } from './results-json.js';
import {
  buildSummaryData,
  type LevelFigures,
  spreadDurations,
} from './test-support/summary-data.js';

const STEP_SECONDS = 10;
const TOL = 0.01;

function plan(rates: number[], extra: { p95SloMs?: number } = {}): SweepPlan {
  const step = (rates[1] ?? rates[0] ?? 1) - (rates[0] ?? 0) || 1;
  return planSweep({
    min: rates[0] as number,
    max: rates[rates.length - 1] as number,
    step,
    warmup: '5s',
    stepDuration: STEP_SECONDS,
    pause: '2s',
    tolerance: TOL,
    preAllocatedVUs: 5,
    maxVUs: 20,
    scenarioPrefix: 'probe',
    exec: 'probe_iteration',
    gracefulStop: '10s',
    ...extra,
  });
}

/** A level that sent `share` of its target with the given failure rate and latency band. */
function level(
  rate: number,
  opts: { share?: number; failRate?: number; latency?: [number, number]; dropped?: number } = {},
): LevelFigures {
  const requests = Math.round(rate * STEP_SECONDS * (opts.share ?? 1));
  const [low, high] = opts.latency ?? [5, 40];
  return {
    scenario: `probe_${rate}`,
    requests,
    failures: Math.round(requests * (opts.failRate ?? 0)),
    durationsMs: spreadDurations(requests, low, high),
    dropped: opts.dropped,
    seconds: STEP_SECONDS,
  };
}

describe('analyseSweep', () => {
  it('monotonic: the ceiling is the last pass before the first failure', () => {
    const figures = [
      level(10),
      level(20),
      level(30),
      level(40, { failRate: 0.05 }),
      level(50, { failRate: 0.2 }),
    ];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30, 40, 50]), {
      kind: 'rps_probe',
    });
    expect(result.levels.map((l) => l.passed)).toEqual([true, true, true, false, false]);
    expect(result.highestPassingTarget).toBe(30);
    expect(result.unstable).toBe(false);
    expect(result.generatorSaturated).toBe(false);
    const l40 = result.levels[3];
    const f40 = figures[3] as LevelFigures;
    expect(l40).toMatchObject({
      scenario: 'probe_40',
      targetRps: 40,
      requests: f40.requests,
      failures: f40.failures,
      achievedRps: f40.requests / STEP_SECONDS,
      droppedIterations: 0,
    });
    expect(l40?.failureRate).toBeCloseTo(f40.failures / f40.requests, 12);
    expect(l40?.reason).toBe('failure rate 5.00% above tolerance 1.00%');
    expect(result.levels[0]?.reason).toBeNull();
  });

  it('reads p95 from the level sub-metric, and p99 only when the trend stats include it', () => {
    const figures = [level(10, { latency: [10, 110] })];
    const without = analyseSweep(buildSummaryData(figures), plan([10]), { kind: 'rps_probe' });
    // Durations are spread evenly over 10..110 ms, so the interpolated p(N) is 10 + N.
    expect(without.levels[0]?.p95Ms).toBeCloseTo(10 + 0.95 * 100, 9);
    expect(without.levels[0]?.p99Ms).toBeNull();
    const stats = ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)'];
    const withP99 = analyseSweep(buildSummaryData(figures, { trendStats: stats }), plan([10]), {
      kind: 'rps_probe',
    });
    expect(withP99.levels[0]?.p99Ms).toBeCloseTo(10 + 0.99 * 100, 9);
  });

  it('fail at the first level: no ceiling', () => {
    const figures = [level(10, { failRate: 0.5 }), level(20, { failRate: 0.6 })];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20]), { kind: 'rps_probe' });
    expect(result.highestPassingTarget).toBeNull();
    expect(result.unstable).toBe(false);
    expect(result.levels.every((l) => !l.passed)).toBe(true);
  });

  it('non-monotonic: a pass after a failure is flagged unstable and does not raise the ceiling', () => {
    const figures = [
      level(10),
      level(20, { failRate: 0.03 }),
      level(30),
      level(40, { failRate: 0.1 }),
    ];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30, 40]), {
      kind: 'rps_probe',
    });
    expect(result.levels.map((l) => l.passed)).toEqual([true, false, true, false]);
    expect(result.highestPassingTarget).toBe(10);
    expect(result.unstable).toBe(true);
  });

  it('saturation by dropped iterations: the level says so and the ceiling is a lower bound', () => {
    const figures = [level(10), level(20), level(30, { share: 0.8, dropped: 60 })];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30]), {
      kind: 'rps_probe',
    });
    expect(result.highestPassingTarget).toBe(20);
    expect(result.generatorSaturated).toBe(true);
    expect(result.levels[2]?.droppedIterations).toBe(60);
    expect(result.levels[2]?.reason).toContain('below 95% of target 30');
    expect(result.levels[2]?.reason).toContain('load generator saturated (60 dropped iterations)');
  });

  it('saturation by a short achieved rate with few failures, and none when failures explain it', () => {
    const short = analyseSweep(
      buildSummaryData([level(10), level(20, { share: 0.7 })]),
      plan([10, 20]),
      { kind: 'rps_probe' },
    );
    expect(short.generatorSaturated).toBe(true);
    expect(short.levels[1]?.reason).toContain('load generator saturated');
    const failing = analyseSweep(
      buildSummaryData([level(10), level(20, { share: 0.7, failRate: 0.3 })]),
      plan([10, 20]),
      { kind: 'rps_probe' },
    );
    expect(failing.generatorSaturated).toBe(false);
    expect(failing.levels[1]?.reason).not.toContain('saturated');
  });

  it('a first failure on the failure rate is the system failing, even with dropped iterations', () => {
    const figures = [level(10), level(20), level(30, { share: 0.9, dropped: 30, failRate: 0.2 })];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30]), {
      kind: 'rps_probe',
    });
    expect(result.highestPassingTarget).toBe(20);
    // The level still reports the drops; the ceiling is not a mere lower bound.
    expect(result.levels[2]?.reason).toContain('load generator saturated (30 dropped iterations)');
    expect(result.generatorSaturated).toBe(false);
  });

  it('a few dropped iterations at a level that still passed do not make the ceiling a floor', () => {
    const figures = [
      level(10),
      level(20, { share: 0.99, dropped: 2 }),
      level(30, { failRate: 0.2 }),
    ];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30]), {
      kind: 'rps_probe',
    });
    expect(result.levels[1]).toMatchObject({ passed: true, droppedIterations: 2, reason: null });
    expect(result.generatorSaturated).toBe(false);
  });

  it('with no failing level, any dropped iterations flag saturation', () => {
    const figures = [level(10), level(20, { share: 0.99, dropped: 2 })];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20]), { kind: 'rps_probe' });
    expect(result.highestPassingTarget).toBe(20);
    expect(result.generatorSaturated).toBe(true);
  });

  it('ignores saturation above the first failure: it says nothing about the ceiling', () => {
    const figures = [
      level(10),
      level(20, { failRate: 0.5 }),
      level(30, { share: 0.5, dropped: 100, failRate: 0.5 }),
    ];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20, 30]), {
      kind: 'rps_probe',
    });
    expect(result.highestPassingTarget).toBe(10);
    expect(result.generatorSaturated).toBe(false);
  });

  it('zero requests: the level fails as having no requests, not as missing', () => {
    const figures = [level(10), { ...level(20), requests: 0, failures: 0, durationsMs: [] }];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20]), { kind: 'rps_probe' });
    expect(result.levels[1]).toMatchObject({
      requests: 0,
      achievedRps: 0,
      passed: false,
      reason: 'no requests completed',
    });
    expect(result.levels[1]?.failureRate).toBeNull();
    expect(result.highestPassingTarget).toBe(10);
  });

  it('missing sub-metrics: requests null and "no data", not a silent 0', () => {
    const result = analyseSweep(buildSummaryData([level(10)]), plan([10, 20]), {
      kind: 'rps_probe',
    });
    expect(result.levels[1]).toMatchObject({
      scenario: 'probe_20',
      requests: null,
      achievedRps: null,
      failures: null,
      failureRate: null,
      passed: false,
      reason: 'no data (sub-metric missing)',
    });
  });

  it('reproduces the original defect when no threshold names the sub-metrics (docs/rota-api.md §7.2)', () => {
    const data = buildSummaryData([level(10), level(20)], { named: false });
    const result = analyseSweep(data, plan([10, 20]), { kind: 'rps_probe' });
    expect(result.levels.every((l) => l.requests === null && !l.passed)).toBe(true);
    expect(result.highestPassingTarget).toBeNull();
  });

  it('applies the p95 SLO when set', () => {
    const figures = [level(10, { latency: [5, 50] }), level(20, { latency: [100, 400] })];
    const result = analyseSweep(buildSummaryData(figures), plan([10, 20], { p95SloMs: 200 }), {
      kind: 'rps_probe',
    });
    expect(result.p95SloMs).toBe(200);
    expect(result.levels[0]?.passed).toBe(true);
    expect(result.levels[1]?.passed).toBe(false);
    expect(result.levels[1]?.reason).toMatch(/^p95 \d+(\.\d+)? ms above SLO 200 ms$/);
    // The option overrides the plan: without an SLO the same data passes.
    const noSlo = analyseSweep(buildSummaryData(figures), plan([10, 20], { p95SloMs: 200 }), {
      kind: 'rps_probe',
      p95SloMs: null,
    });
    expect(noSlo.levels[1]?.passed).toBe(true);
  });

  it('carries the plan range and run duration into the results file', () => {
    const figures = [level(10), level(20), level(30, { failRate: 0.5 })];
    const data = buildSummaryData(figures, { testRunDurationMs: 45_500 });
    const result = analyseSweep(data, plan([10, 20, 30]), {
      kind: 'progress_probe',
      tolerance: 0.02,
    });
    expect(result).toMatchObject({
      kind: 'progress_probe',
      minTargetRps: 10,
      maxTargetRps: 30,
      stepRps: 10,
      failureTolerance: 0.02,
      totalDurationSeconds: 45.5,
    });
    expect(result.levels.map((l) => l.startSeconds)).toEqual(
      [0, 1, 2].map((k) => 5 + k * (STEP_SECONDS + 2)),
    );
    expect(result.startedAt).toBeUndefined();
    const dated = analyseSweep(data, plan([10, 20, 30]), {
      kind: 'rps_probe',
      startedAt: '2026-11-27T00:00:00.000Z',
    });
    expect(dated.startedAt).toBe('2026-11-27T00:00:00.000Z');
    expect(result.highestPassingTarget).toBe(20);
    const json = buildSweepResultsJson(result);
    expect(json.highest_passing_target).toBe(20);
    expect(json.scenarios.map((s) => s.requests)).toEqual(figures.map((f) => f.requests));
  });
});

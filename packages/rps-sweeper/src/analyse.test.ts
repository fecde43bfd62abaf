import { describe, expect, it } from 'vitest';
import { analyseSweep } from './analyse.js';
import { readSweepConfig } from './config.js';
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
  opts: {
    share?: number;
    failRate?: number;
    latency?: [number, number];
    dropped?: number;
    generator?: LevelFigures['generator'];
  } = {},
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
    ...(opts.generator ? { generator: opts.generator } : {}),
  };
}

// A generator with CPU to spare that starts every iteration on time.
const HEALTHY_GENERATOR = { cpuPercent: [20, 25], eventLoopLagMs: [5, 8], startLagMs: [1, 2, 3] };

/** The rps_probe analysis of `figures`, one level each, swept over `rates`. */
function analyseProbe(figures: LevelFigures[], rates: number[], extra: { p95SloMs?: number } = {}) {
  return analyseSweep(buildSummaryData(figures), plan(rates, extra), { kind: 'rps_probe' });
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
    const result = analyseProbe(figures, [10, 20, 30, 40, 50]);
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
    expect(l40?.reason).toBe('system failing: failure rate 5.00% above tolerance 1.00%');
    expect(l40?.cause).toBe('system_failing');
    expect(result.limitedBy).toBe('system_failing');
    expect(result.levels[0]?.reason).toBeNull();
  });

  it('reads p95 from the level sub-metric, and p99 only when the trend stats include it', () => {
    const figures = [level(10, { latency: [10, 110] })];
    const without = analyseProbe(figures, [10]);
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
    const result = analyseProbe(figures, [10, 20]);
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
    const result = analyseProbe(figures, [10, 20, 30, 40]);
    expect(result.levels.map((l) => l.passed)).toEqual([true, false, true, false]);
    expect(result.highestPassingTarget).toBe(10);
    expect(result.unstable).toBe(true);
  });

  it('a slowing system that exhausts the VU pool: the system is the cause, with the numbers and advice', () => {
    // 30 RPS at ~900 ms needs ~27 VUs; the pool has 20: iterations were dropped.
    const figures = [
      level(10),
      level(20),
      level(30, { share: 0.75, dropped: 75, latency: [800, 1000] }),
    ];
    const result = analyseProbe(figures, [10, 20, 30]);
    const l30 = result.levels[2];
    expect(result.highestPassingTarget).toBe(20);
    expect(l30?.cause).toBe('vu_pool_exhausted');
    expect(l30?.maxVUs).toBe(20);
    expect(l30?.meanLatencyMs).toBeCloseTo(900, 6);
    expect(l30?.requiredConcurrency).toBeCloseTo(27, 6);
    expect(l30?.concurrency).toBeCloseTo(22.5 * 0.9, 6);
    expect(l30?.reason).toBe(
      'system slowed until the VU pool ran out: achieved 22.50 RPS, below 95% of target 30; required concurrency 27 > maxVUs 20 (30 RPS × 900 ms mean latency), 75 dropped iterations; raise maxVUs to find the real failure point',
    );
    // The system, not the generator: the ceiling is the answer, not a floor.
    expect(result.generatorSaturated).toBe(false);
    expect(result.limitedBy).toBe('vu_pool_exhausted');
  });

  it('advice names the env variable when the plan came from the probe variables', () => {
    const named = planSweep({
      ...readSweepConfig(
        { MIN_PROBE_RPS: '30', MAX_PROBE_RPS: '30', MAX_VUS: '20', PRE_ALLOCATED_VUS: '5' },
        'rps_probe',
      ),
      warmup: 0,
      stepDuration: STEP_SECONDS,
    });
    const figures = [level(30, { share: 0.75, dropped: 75, latency: [800, 1000] })];
    const result = analyseSweep(buildSummaryData(figures), named, { kind: 'rps_probe' });
    expect(result.levels[0]?.reason).toContain('raise MAX_VUS to find the real failure point');
  });

  it('a generator at a full core: the generator is the cause and the ceiling a lower bound', () => {
    const busy = {
      cpuPercent: [96, 99, 98],
      eventLoopLagMs: [40, 60, 50],
      startLagMs: [30, 60, 250],
    };
    const figures = [level(10), level(20, { share: 0.8, generator: busy })];
    const result = analyseProbe(figures, [10, 20]);
    const l20 = result.levels[1];
    expect(l20?.cause).toBe('generator_saturated');
    expect(l20?.generatorCpuPercent).toBeCloseTo(97.67, 2);
    expect(l20?.reason).toMatch(
      /^load generator saturated: achieved 16 RPS, below 95% of target 20; generator CPU 98% of a core, iteration start lag p95 \d+ ms, event-loop lag p95 \d+(\.\d)? ms with 0 of 20 VUs busy on average; the ceiling is a lower bound$/,
    );
    expect(result.generatorSaturated).toBe(true);
    expect(result.limitedBy).toBe('generator_saturated');
  });

  it('a generator starved of CPU (half a core) that starts iterations late while VUs are free', () => {
    const starved = {
      cpuPercent: [50, 52, 49],
      eventLoopLagMs: [300, 500, 400],
      startLagMs: spreadDurations(100, 50, 900),
    };
    const figures = [level(10), level(20, { share: 0.7, generator: starved })];
    const result = analyseProbe(figures, [10, 20]);
    expect(result.levels[1]?.cause).toBe('generator_saturated');
    expect(result.levels[1]?.startLagMs).toBeGreaterThan(800);
    expect(result.generatorSaturated).toBe(true);
  });

  it('start lag with the VU pool full is not the generator: a slow system drops, it does not delay', () => {
    const lagging = { cpuPercent: [40, 45], eventLoopLagMs: [20, 30], startLagMs: [150, 200, 300] };
    const figures = [
      level(30, { share: 0.75, dropped: 75, latency: [800, 1000], generator: lagging }),
    ];
    const result = analyseProbe(figures, [30]);
    expect(result.levels[0]?.cause).toBe('vu_pool_exhausted');
    expect(result.generatorSaturated).toBe(false);
  });

  it('the real k6 (no generator metrics): drops with VUs free are another reason, not a lower bound', () => {
    // 20 RPS at ~22 ms needs under one VU; 5 are pre-allocated, 20 allowed.
    const figures = [level(10), level(20, { share: 0.8, dropped: 40 })];
    const result = analyseProbe(figures, [10, 20]);
    const l20 = result.levels[1];
    expect(l20?.generatorCpuPercent).toBeNull();
    expect(l20?.startLagMs).toBeNull();
    expect(l20?.cause).toBe('rate_not_reached');
    expect(l20?.reason).toContain('40 dropped iterations with 0 of 20 VUs busy on average');
    expect(l20?.reason).toContain('the generator cannot be ruled out');
    expect(result.generatorSaturated).toBe(false);
    expect(result.limitedBy).toBe('rate_not_reached');
  });

  it('drops while VUs beyond the pre-allocated ones were being initialised: says so and what to raise', () => {
    // 20 RPS at ~400 ms needs 8 VUs; 5 are pre-allocated, 20 allowed.
    const figures = [
      level(20, { share: 0.9, dropped: 20, latency: [300, 500], generator: HEALTHY_GENERATOR }),
    ];
    const result = analyseProbe(figures, [20]);
    expect(result.levels[0]?.cause).toBe('rate_not_reached');
    expect(result.levels[0]?.reason).toContain(
      'more than the 5 pre-allocated VUs were needed and the rest were still being initialised; raise preAllocatedVUs',
    );
    expect(result.levels[0]?.reason).toContain(
      'the generator kept up (generator CPU 23% of a core',
    );
  });

  it('a short rate without drops, with a healthy generator: iterations that never completed', () => {
    const figures = [level(20, { share: 0.7, generator: HEALTHY_GENERATOR })];
    const result = analyseProbe(figures, [20]);
    expect(result.levels[0]?.cause).toBe('rate_not_reached');
    expect(result.levels[0]?.reason).toContain(
      '60 scheduled iterations did not complete within the level, none dropped',
    );
  });

  it('a first failure on the failure rate is the system failing, even with dropped iterations and a busy generator', () => {
    const busy = { cpuPercent: [99, 99], eventLoopLagMs: [200, 300], startLagMs: [500, 900] };
    const figures = [
      level(10),
      level(20),
      level(30, { share: 0.9, dropped: 30, failRate: 0.2, generator: busy }),
    ];
    const result = analyseProbe(figures, [10, 20, 30]);
    expect(result.highestPassingTarget).toBe(20);
    expect(result.levels[2]?.cause).toBe('system_failing');
    expect(result.levels[2]?.reason).toMatch(
      /^system failing: failure rate 20\.00% above tolerance 1\.00%; achieved/,
    );
    expect(result.generatorSaturated).toBe(false);
  });

  it('a p95 over the SLO measured by a saturated generator is laid to the generator', () => {
    const busy = { cpuPercent: [97, 99], eventLoopLagMs: [200, 300], startLagMs: [500, 900] };
    const figures = [
      level(10, { latency: [5, 50] }),
      level(20, { latency: [100, 400], generator: busy }),
    ];
    const result = analyseProbe(figures, [10, 20], { p95SloMs: 200 });
    expect(result.levels[1]?.cause).toBe('generator_saturated');
    expect(result.levels[1]?.reason).toMatch(
      /^load generator saturated: p95 \d+(\.\d+)? ms above SLO 200 ms; generator CPU/,
    );
  });

  it('a few dropped iterations at a level that still passed do not make the ceiling a floor', () => {
    const figures = [
      level(10),
      level(20, { share: 0.99, dropped: 2 }),
      level(30, { failRate: 0.2 }),
    ];
    const result = analyseProbe(figures, [10, 20, 30]);
    expect(result.levels[1]).toMatchObject({
      passed: true,
      droppedIterations: 2,
      reason: null,
      cause: null,
    });
    expect(result.generatorSaturated).toBe(false);
  });

  it('with no failing level, a generator at its limit anywhere makes the top a floor; drops alone do not', () => {
    const busy = { cpuPercent: [95, 96], eventLoopLagMs: [20, 30], startLagMs: [10, 20] };
    const saturated = analyseProbe([level(10), level(20, { generator: busy })], [10, 20]);
    expect(saturated.highestPassingTarget).toBe(20);
    expect(saturated.generatorSaturated).toBe(true);
    expect(saturated.limitedBy).toBeNull();
    const dropsOnly = analyseProbe([level(10), level(20, { share: 0.99, dropped: 2 })], [10, 20]);
    expect(dropsOnly.generatorSaturated).toBe(false);
  });

  it('ignores saturation above the first failure: it says nothing about the ceiling', () => {
    const figures = [
      level(10),
      level(20, { failRate: 0.5 }),
      level(30, { share: 0.5, dropped: 100, failRate: 0.5 }),
    ];
    const result = analyseProbe(figures, [10, 20, 30]);
    expect(result.highestPassingTarget).toBe(10);
    expect(result.generatorSaturated).toBe(false);
  });

  it('zero requests: the level fails as having no requests, not as missing', () => {
    const figures = [level(10), { ...level(20), requests: 0, failures: 0, durationsMs: [] }];
    const result = analyseProbe(figures, [10, 20]);
    expect(result.levels[1]).toMatchObject({
      requests: 0,
      achievedRps: 0,
      passed: false,
      reason: 'system failing: no requests completed; no answer within the level',
      cause: 'system_failing',
    });
    expect(result.levels[1]?.failureRate).toBeNull();
    expect(result.highestPassingTarget).toBe(10);
  });

  it('missing sub-metrics: requests null and "no data", not a silent 0', () => {
    const result = analyseProbe([level(10)], [10, 20]);
    expect(result.levels[1]).toMatchObject({
      scenario: 'probe_20',
      requests: null,
      achievedRps: null,
      failures: null,
      failureRate: null,
      passed: false,
      reason: 'no data (sub-metric missing)',
      cause: 'no_data',
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
    const result = analyseProbe(figures, [10, 20], { p95SloMs: 200 });
    expect(result.p95SloMs).toBe(200);
    expect(result.levels[0]?.passed).toBe(true);
    expect(result.levels[1]?.passed).toBe(false);
    expect(result.levels[1]?.reason).toMatch(
      /^system failing: p95 \d+(\.\d+)? ms above SLO 200 ms$/,
    );
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

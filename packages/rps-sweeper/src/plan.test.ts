import { ConfigError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { readSweepConfig } from './config.js';
import { GENERATOR_METRICS, planSweep } from './plan.js';
import type { SweepPlanInput } from './plan-types.js';

const small: SweepPlanInput = {
  min: 10,
  max: 30,
  step: 10,
  warmup: '30s',
  stepDuration: '30s',
  pause: '5s',
  tolerance: 0.01,
  preAllocatedVUs: 50,
  maxVUs: 200,
  scenarioPrefix: 'probe',
  exec: 'probe_iteration',
  gracefulStop: '10s',
};

const shared = {
  executor: 'constant-arrival-rate',
  timeUnit: '1s',
  preAllocatedVUs: 50,
  maxVUs: 200,
  exec: 'probe_iteration',
  gracefulStop: '10s',
};

describe('planSweep', () => {
  it('lays out warm-up and one scenario per level, offset by step + pause', () => {
    const plan = planSweep(small);
    expect(plan.scenarios).toEqual({
      warmup: {
        ...shared,
        rate: 10,
        duration: '30s',
        startTime: '0s',
        tags: { stage: 'warmup', target_rps: '10' },
      },
      probe_10: {
        ...shared,
        rate: 10,
        duration: '30s',
        startTime: '30s',
        tags: { stage: 'probe', target_rps: '10' },
      },
      probe_20: {
        ...shared,
        rate: 20,
        duration: '30s',
        startTime: '1m5s',
        tags: { stage: 'probe', target_rps: '20' },
      },
      probe_30: {
        ...shared,
        rate: 30,
        duration: '30s',
        startTime: '1m40s',
        tags: { stage: 'probe', target_rps: '30' },
      },
    });
    expect(plan.levels).toEqual([
      { scenario: 'probe_10', targetRps: 10, startSeconds: 30, durationSeconds: 30 },
      { scenario: 'probe_20', targetRps: 20, startSeconds: 30 + 35, durationSeconds: 30 },
      { scenario: 'probe_30', targetRps: 30, startSeconds: 30 + 2 * 35, durationSeconds: 30 },
    ]);
    expect(plan.totalSeconds).toBe(30 + 2 * 35 + 30);
  });

  it('names every level sub-metric with a never-failing threshold, and nothing else', () => {
    const plan = planSweep(small);
    const expected: Record<string, string[]> = {};
    for (const rate of [10, 20, 30]) {
      const tag = `{scenario:probe_${rate}}`;
      expected[`http_reqs${tag}`] = ['count>=0'];
      expected[`http_req_failed${tag}`] = ['rate>=0'];
      expected[`http_req_duration${tag}`] = ['max>=0'];
      expected[`dropped_iterations${tag}`] = ['count>=0'];
      expected[`iterations${tag}`] = ['count>=0'];
      expected[`iteration_duration${tag}`] = ['max>=0'];
    }
    expect(plan.thresholds).toEqual(expected);
    expect(plan.generatorMetrics).toBe(false);
    expect(plan).toMatchObject({
      preAllocatedVUs: small.preAllocatedVUs,
      maxVUs: small.maxVUs,
      vuNames: { preAllocatedVUs: 'preAllocatedVUs', maxVUs: 'maxVUs' },
    });
  });

  it('names the generator metrics per level only when asked (the real k6 rejects unknown metrics)', () => {
    const plan = planSweep({ ...small, generatorMetrics: true });
    expect(plan.generatorMetrics).toBe(true);
    for (const rate of [10, 20, 30]) {
      const tag = `{scenario:probe_${rate}}`;
      for (const { name } of GENERATOR_METRICS) {
        expect(plan.thresholds[`${name}${tag}`]).toEqual(['max>=0']);
      }
    }
    expect(Object.keys(plan.thresholds)).toHaveLength(3 * 9);
    expect(GENERATOR_METRICS.map((m) => m.name)).toEqual([
      'generator_cpu_percent',
      'generator_event_loop_lag_ms',
      'iteration_start_lag_ms',
    ]);
  });

  it('adds per-level abort thresholds, delayed to the middle of each level, when asked', () => {
    const plan = planSweep({ ...small, abortOnFail: true, p95SloMs: 250, tolerance: 0.02 });
    expect(plan.thresholds['http_req_failed{scenario:probe_20}']).toEqual([
      'rate>=0',
      { threshold: 'rate<=0.02', abortOnFail: true, delayAbortEval: '1m20s' },
    ]);
    expect(plan.thresholds['http_req_duration{scenario:probe_10}']).toEqual([
      'max>=0',
      { threshold: 'p(95)<=250', abortOnFail: true, delayAbortEval: '45s' },
    ]);
    // Without the flag the SLO is judged afterwards only: no abort rule.
    const calm = planSweep({ ...small, p95SloMs: 250 });
    expect(calm.thresholds['http_req_duration{scenario:probe_10}']).toEqual(['max>=0']);
  });

  it('omits the warm-up scenario for a zero warm-up and starts the first level at 0s', () => {
    const plan = planSweep({ ...small, warmup: 0, pause: '0s' });
    expect(Object.keys(plan.scenarios)).toEqual(['probe_10', 'probe_20', 'probe_30']);
    expect(plan.levels.map((l) => l.startSeconds)).toEqual([0, 30, 60]);
    expect(plan.scenarios.probe_20?.startTime).toBe('30s');
  });

  it('accepts compound and fractional durations (the original read 1m30s as 0)', () => {
    const plan = planSweep({ ...small, warmup: '1m30s', stepDuration: '2.5s', pause: 1.5 });
    expect(plan.levels.map((l) => l.startSeconds)).toEqual([90, 94, 98]);
    expect(plan.scenarios.probe_30?.startTime).toBe('1m38s');
    expect(plan.scenarios.probe_30?.duration).toBe('2s500ms');
  });

  it('stops at the last rate not above max when the step does not divide the range', () => {
    const plan = planSweep({ ...small, min: 5, max: 27, step: 10 });
    expect(plan.levels.map((l) => l.targetRps)).toEqual([5, 15, 25]);
  });

  it.each<[Partial<SweepPlanInput>, string]>([
    [{ min: 40 }, 'max must be >= min (40), got 30'],
    [{ step: 0 }, 'step must be a positive integer, got 0'],
    [{ min: 2.5 }, 'min must be a positive integer, got 2.5'],
    [{ tolerance: 1.5 }, 'tolerance must be a number between 0 and 1, got 1.5'],
    [{ maxVUs: 10 }, 'maxVUs must be >= preAllocatedVUs (50), got 10'],
    [
      { stepDuration: '500ms' },
      'stepDuration must be a k6 duration of at least 1s (e.g. 30s, 1m30s), got "500ms"',
    ],
    [{ pause: 'soon' }, 'pause must be a k6 duration such as 30s, 1m30s or 500ms, got "soon"'],
    [{ warmup: '200ms' }, 'warmup must be 0 (no warm-up) or at least 1s, got "200ms"'],
    [{ p95SloMs: 0 }, 'p95SloMs must be a positive number, got 0'],
    [{ exec: 'not a name' }, 'exec must be the name of an exported function, got "not a name"'],
    [
      { min: 1, max: 100_000, step: 1 },
      'step gives 100000 levels from 1 to 100000; at most 500 are allowed, got 1',
    ],
  ])('rejects %j', (override, message) => {
    const attempt = () => planSweep({ ...small, ...override });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});

describe('readSweepConfig', () => {
  it('uses the documented rps probe defaults: 20 levels of 10..200 after a 30 s warm-up', () => {
    const plan = planSweep(readSweepConfig({}, 'rps_probe'));
    expect(plan.levels.map((l) => l.targetRps)).toEqual(
      Array.from({ length: 20 }, (_, k) => 10 * (k + 1)),
    );
    // warm-up 30 s, then 20 levels of 30 s with 5 s pauses between them
    expect(plan.totalSeconds).toBe(30 + 20 * 30 + 19 * 5);
    expect(plan.scenarios.warmup).toMatchObject({ rate: 10, preAllocatedVUs: 50, maxVUs: 200 });
    expect(plan.scenarios.probe_200).toMatchObject({
      exec: 'probe_iteration',
      gracefulStop: '10s',
    });
    expect(plan.abortOnFail).toBe(false);
  });

  it('uses the documented progress probe defaults: 10..80 step 10, 45 s steps, warm-up at half', () => {
    const plan = planSweep(readSweepConfig({}, 'progress_probe'));
    expect(plan.levels.map((l) => l.scenario)).toEqual(
      Array.from({ length: 8 }, (_, k) => `progress_${10 * (k + 1)}`),
    );
    expect(plan.scenarios.warmup).toMatchObject({
      rate: 5,
      maxVUs: 320,
      tags: { stage: 'warmup', target_rps: '5' },
    });
    expect(plan.levels[1]?.startSeconds).toBe(30 + 45 + 10);
  });

  it('reads overrides, the SLO and the abort flag', () => {
    const input = readSweepConfig(
      {
        MIN_PROBE_RPS: '5',
        MAX_PROBE_RPS: '15',
        PROBE_STEP_RPS: '5',
        PROBE_P95_MS: '300',
        PROBE_ABORT_ON_FAIL: 'true',
        PRE_ALLOCATED_VUS: '4',
      },
      'rps_probe',
    );
    expect(input).toMatchObject({
      min: 5,
      max: 15,
      step: 5,
      p95SloMs: 300,
      abortOnFail: true,
      preAllocatedVUs: 4,
      maxVUs: 24,
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ PROBE_STEP_RPS: 'abc' }, 'PROBE_STEP_RPS must be a positive integer, got "abc"'],
    [
      { PROBE_STEP_DURATION: '1 minute' },
      'PROBE_STEP_DURATION must be a k6 duration such as 30s, 1m30s or 500ms, got "1 minute"',
    ],
    [
      { MIN_PROBE_RPS: '50', MAX_PROBE_RPS: '20' },
      'MAX_PROBE_RPS must be >= MIN_PROBE_RPS (50), got 20',
    ],
    [
      { PROBE_FAILURE_TOLERANCE: '2' },
      'PROBE_FAILURE_TOLERANCE must be a number between 0 and 1, got "2"',
    ],
    [{ MAX_VUS: '10' }, 'MAX_VUS must be >= PRE_ALLOCATED_VUS (50), got 10'],
    [{ PROBE_STEP_DURATION: '0s' }, 'PROBE_STEP_DURATION must be a k6 duration of at least 1s'],
  ])('names the env variable in errors: %j', (env, message) => {
    expect(() => planSweep(readSweepConfig(env, 'rps_probe'))).toThrow(message);
  });

  it('raises an unset MAX to MIN, as the original did', () => {
    const plan = planSweep(readSweepConfig({ MIN_PROBE_RPS: '250' }, 'rps_probe'));
    expect(plan.levels.map((l) => l.targetRps)).toEqual([250]);
  });

  it('names the progress probe variables', () => {
    expect(() => readSweepConfig({ PROGRESS_STEP_RPS: '0' }, 'progress_probe')).toThrow(
      'PROGRESS_STEP_RPS must be a positive integer, got "0"',
    );
  });
});

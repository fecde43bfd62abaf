import { describe, expect, it } from 'vitest';
import {
  concurrencyOf,
  diagnoseLevel,
  GENERATOR_CPU_SATURATED_PERCENT,
  isGeneratorLimited,
  isPoolExhausted,
  type LevelLoad,
  POOL_EXHAUSTED_SHARE,
  START_LAG_HIGH_MS,
} from './diagnose.js';

const NAMES = { maxVUs: 'MAX_VUS', preAllocatedVUs: 'PRE_ALLOCATED_VUS' };
const SHORT = { errors: false, latency: false, short: true, nothing: false };

function load(over: Partial<LevelLoad> = {}): LevelLoad {
  return {
    targetRps: 200,
    durationSeconds: 10,
    requests: 1800,
    iterations: 1800,
    meanIterationMs: 50,
    meanRequestMs: 48,
    maxVUs: 100,
    preAllocatedVUs: 50,
    droppedIterations: 0,
    ...over,
  };
}

describe("Little's law", () => {
  it('counts VUs by completed iterations × mean iteration duration', () => {
    expect(concurrencyOf(load())).toEqual({
      meanLatencyMs: 50,
      concurrency: 180 * 0.05,
      requiredConcurrency: 200 * 0.05,
    });
  });

  it('falls back to requests × mean request duration without iteration figures', () => {
    const c = concurrencyOf(load({ iterations: null, meanIterationMs: null }));
    expect(c.meanLatencyMs).toBe(48);
    expect(c.concurrency).toBeCloseTo(180 * 0.048, 12);
    expect(c.requiredConcurrency).toBeCloseTo(200 * 0.048, 12);
  });

  it('is unknown, not 0, when nothing completed or the latency is missing', () => {
    const none = { meanLatencyMs: null, concurrency: null, requiredConcurrency: null };
    expect(concurrencyOf(load({ iterations: 0, requests: 0 }))).toEqual(none);
    expect(concurrencyOf(load({ meanIterationMs: null, meanRequestMs: null }))).toEqual(none);
    expect(concurrencyOf(load({ durationSeconds: 0 }))).toEqual(none);
  });
});

describe('the VU pool', () => {
  const at = (latencyMs: number, dropped: number) => {
    const l = load({ meanIterationMs: latencyMs, droppedIterations: dropped });
    return isPoolExhausted(l, concurrencyOf(l));
  };

  it(`is exhausted when iterations were dropped and the target needs ${POOL_EXHAUSTED_SHARE * 100}% of maxVUs or more`, () => {
    // 200 RPS × 450 ms = 90 VUs of 100: at the share.
    expect(at(450, 5)).toBe(true);
    expect(at(600, 5)).toBe(true);
    expect(at(449, 5)).toBe(false);
  });

  it('is exhausted when the target needs the pool at the p95 latency (a queue built up during the level)', () => {
    // Mean 300 ms needs 60 VUs of 100; the p95 of 480 ms needs 96.
    const l = load({ meanIterationMs: 300, p95Ms: 480, droppedIterations: 40 });
    expect(isPoolExhausted(l, concurrencyOf(l))).toBe(true);
    expect(isPoolExhausted({ ...l, p95Ms: 440 }, concurrencyOf(l))).toBe(false);
    const d = diagnoseLevel(l, SHORT, concurrencyOf(l), NAMES);
    expect(d.cause).toBe('vu_pool_exhausted');
    expect(d.evidence).toBe(
      'required concurrency 60 at the mean latency of 300 ms, 96 ≈ maxVUs 100 at the p95 latency of 480 ms (200 RPS), 40 dropped iterations; raise MAX_VUS to find the real failure point',
    );
  });

  it('is not exhausted without dropped iterations, however slow the system', () => {
    expect(at(2000, 0)).toBe(false);
  });
});

describe('the generator', () => {
  const limited = (over: Partial<LevelLoad>) => {
    const l = load(over);
    return isGeneratorLimited(l, concurrencyOf(l));
  };

  it(`is saturated at a mean CPU of ${GENERATOR_CPU_SATURATED_PERCENT}% of a core`, () => {
    expect(limited({ generatorCpuPercent: GENERATOR_CPU_SATURATED_PERCENT })).toBe(true);
    expect(limited({ generatorCpuPercent: GENERATOR_CPU_SATURATED_PERCENT - 1 })).toBe(false);
  });

  it(`is saturated when iterations start ${START_LAG_HIGH_MS} ms late (p95) while VUs are free`, () => {
    expect(limited({ generatorCpuPercent: 50, startLagMs: START_LAG_HIGH_MS })).toBe(true);
    expect(limited({ generatorCpuPercent: 50, startLagMs: START_LAG_HIGH_MS - 1 })).toBe(false);
    // With the pool busy, a late start alone does not blame the generator …
    const busyPool = { startLagMs: 500, meanIterationMs: 600, droppedIterations: 10 };
    expect(limited({ ...busyPool, eventLoopLagMs: 20 })).toBe(false);
    // … unless its event loop lagged as much: then its own slowness kept the VUs busy.
    expect(limited({ ...busyPool, eventLoopLagMs: START_LAG_HIGH_MS })).toBe(true);
  });

  it('is never blamed without its own figures (the real k6)', () => {
    expect(limited({ droppedIterations: 500 })).toBe(false);
  });
});

describe('diagnoseLevel', () => {
  const diagnose = (l: LevelLoad, broken = SHORT) =>
    diagnoseLevel(l, broken, concurrencyOf(l), NAMES);

  it('errors are the system failing, even with a saturated generator', () => {
    const d = diagnose(load({ generatorCpuPercent: 99 }), { ...SHORT, errors: true });
    expect(d).toEqual({ cause: 'system_failing', evidence: '' });
  });

  it.each([
    {
      title: 'a slowing system that exhausted the pool: the numbers and the variable to raise',
      figures: { meanIterationMs: 530, iterations: 1887, droppedIterations: 113 },
      cause: 'vu_pool_exhausted',
      evidence:
        'required concurrency 106 > maxVUs 100 (200 RPS × 530 ms mean latency), 113 dropped iterations; raise MAX_VUS to find the real failure point',
    },
    {
      title: 'the generator: its figures, and that the ceiling is a lower bound',
      figures: { generatorCpuPercent: 55, startLagMs: 420, eventLoopLagMs: 380 },
      cause: 'generator_saturated',
      evidence:
        'generator CPU 55% of a core, iteration start lag p95 420 ms, event-loop lag p95 380 ms with 9 of 100 VUs busy on average; the ceiling is a lower bound',
    },
  ])('$title', ({ figures, cause, evidence }) => {
    expect(diagnose(load(figures))).toEqual({ cause, evidence });
  });

  it('a pool within 10% of full reads as "≈", not as ">"', () => {
    const d = diagnose(load({ meanIterationMs: 470, droppedIterations: 3 }));
    expect(d.cause).toBe('vu_pool_exhausted');
    expect(d.evidence).toMatch(/^required concurrency 94 ≈ maxVUs 100 /);
  });

  it('nothing completed: the system did not answer', () => {
    const d = diagnose(load({ requests: 0, iterations: 0, droppedIterations: 40 }), {
      ...SHORT,
      short: false,
      nothing: true,
    });
    expect(d).toMatchObject({
      cause: 'system_failing',
      evidence: 'no answer within the level, 40 dropped iterations',
    });
  });
});

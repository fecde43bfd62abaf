import { ConfigError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { searchCeiling } from './search.js';
import type { SearchCeilingOptions } from './search-types.js';
import { simulateSystem } from './test-support/simulated-system.js';

const TOL = 0.01;

function options(
  capacity: number,
  extra: Partial<SearchCeilingOptions> = {},
): SearchCeilingOptions {
  return {
    runLevel: simulateSystem({ capacity, tolerance: TOL }),
    min: 10,
    max: 500,
    step: 50,
    strategy: 'linear',
    precision: 5,
    duration: '10s',
    tolerance: TOL,
    ...extra,
  };
}

describe('searchCeiling', () => {
  it.each([11, 37, 60, 237, 311, 499])(
    'linear: finds a capacity of %d within the precision',
    async (capacity) => {
      const result = await searchCeiling(options(capacity));
      expect(result.ceiling).not.toBeNull();
      expect(result.ceiling as number).toBeLessThanOrEqual(capacity);
      expect(capacity - (result.ceiling as number)).toBeLessThanOrEqual(5);
      expect(result.firstFailure as number).toBeGreaterThan(capacity);
      expect((result.firstFailure as number) - (result.ceiling as number)).toBeLessThanOrEqual(5);
      expect(result.confirmed).toBe(true);
      expect(result.steppedDown).toBe(false);
      // Bounded: the steps to the first failure, log2 of the bracket, one confirmation.
      const steps = Math.ceil((capacity + 1 - 10) / 50) + 1;
      expect(result.runs.length).toBeLessThanOrEqual(steps + Math.ceil(Math.log2(50 / 5)) + 1);
      expect(result.runs.at(-1)).toMatchObject({ phase: 'confirm', rate: result.ceiling });
      expect(result.sweep).toMatchObject({
        kind: 'adaptive',
        highestPassingTarget: result.ceiling,
        unstable: false,
        generatorSaturated: false,
      });
    },
  );

  it('exponential: doubles up to the first failure, then bisects', async () => {
    const result = await searchCeiling(options(237, { strategy: 'exponential', precision: 2 }));
    const stepRates = result.runs.filter((r) => r.phase === 'step').map((r) => r.rate);
    expect(stepRates).toEqual([10, 20, 40, 80, 160, 320]);
    expect(237 - (result.ceiling as number)).toBeLessThanOrEqual(2);
    expect(result.ceiling as number).toBeLessThanOrEqual(237);
    expect(result.runs.length).toBeLessThanOrEqual(6 + Math.ceil(Math.log2(160 / 2)) + 1);
  });

  it('passes the level duration in seconds to runLevel', async () => {
    const runLevel = simulateSystem({ capacity: 100, tolerance: TOL });
    await searchCeiling(options(100, { runLevel, duration: '1m30s' }));
    expect(runLevel.calls.length).toBeGreaterThan(0);
    expect(runLevel.calls.every(([, seconds]) => seconds === 90)).toBe(true);
  });

  it('capacity above max: the ceiling is max and reported as reached, not as the true ceiling', async () => {
    const result = await searchCeiling(options(10_000, { max: 200 }));
    expect(result.ceiling).toBe(200);
    expect(result.reachedMax).toBe(true);
    expect(result.firstFailure).toBeNull();
    expect(result.notes.join(' ')).toContain('every level up to 200 RPS passed');
  });

  it('capacity below min: no ceiling, no bisecting, no confirmation', async () => {
    const result = await searchCeiling(options(5));
    expect(result.ceiling).toBeNull();
    expect(result.runs).toHaveLength(1);
    expect(result.confirmed).toBeNull();
    expect(result.notes.join(' ')).toContain('the lowest rate, 10 RPS, already failed');
  });

  it('a failed confirmation steps down by the precision and says so', async () => {
    // The system holds 237 RPS for the search, then degrades to 230 before the confirmation.
    const probe = await searchCeiling(options(237));
    const runsBeforeConfirm = probe.runs.length - 1;
    const runLevel = simulateSystem({
      capacity: 237,
      tolerance: TOL,
      degradeAfter: { calls: runsBeforeConfirm, capacity: 230 },
    });
    const result = await searchCeiling(options(237, { runLevel }));
    expect(result.confirmed).toBe(true);
    expect(result.steppedDown).toBe(true);
    expect(result.ceiling as number).toBeLessThanOrEqual(230);
    expect(result.ceiling as number).toBeGreaterThan(230 - 5);
    expect(result.sweep.unstable).toBe(true);
    expect(result.runs.filter((r) => r.phase === 'step-down').length).toBeGreaterThan(0);
    expect(result.notes.join(' ')).toMatch(
      /confirmation failed at \d+(, \d+)* RPS; stepped down to \d+ RPS, which held/,
    );
  });

  it('gives up after maxStepDowns and reports no ceiling rather than an unconfirmed one', async () => {
    const probe = await searchCeiling(options(237));
    const runLevel = simulateSystem({
      capacity: 237,
      tolerance: TOL,
      degradeAfter: { calls: probe.runs.length - 1, capacity: 150 },
    });
    const result = await searchCeiling(options(237, { runLevel, maxStepDowns: 2 }));
    expect(result.ceiling).toBeNull();
    expect(result.confirmed).toBe(false);
    expect(result.runs.filter((r) => r.phase === 'step-down')).toHaveLength(2);
    expect(result.notes.join(' ')).toContain('no level held on a second run');
  });

  it('stops at maxRuns and says the answer is not final', async () => {
    const result = await searchCeiling(options(450, { step: 10, maxRuns: 8 }));
    expect(result.runs).toHaveLength(8);
    expect(result.exhausted).toBe(true);
    expect(result.ceiling).toBe(10 + 7 * 10);
    expect(result.notes.join(' ')).toContain('stopped after 8 runs');
  });

  it('reports every run through onRun, in order', async () => {
    const seen: string[] = [];
    const result = await searchCeiling(
      options(120, { onRun: (run) => seen.push(`${run.phase}:${run.rate}:${run.level.passed}`) }),
    );
    expect(seen).toEqual(result.runs.map((r) => `${r.phase}:${r.rate}:${r.level.passed}`));
    expect(seen[0]).toBe('step:10:true');
  });

  it('linear without a step walks a tenth of the range at a time', async () => {
    const result = await searchCeiling(options(10_000, { step: undefined, min: 10, max: 110 }));
    expect(result.runs.filter((r) => r.phase === 'step').map((r) => r.rate)).toEqual(
      Array.from({ length: 11 }, (_, k) => 10 + 10 * k),
    );
  });

  it('skips the confirmation when told to', async () => {
    const result = await searchCeiling(options(237, { confirm: false }));
    expect(result.confirmed).toBeNull();
    expect(result.runs.some((r) => r.phase === 'confirm')).toBe(false);
  });

  it('flags generator saturation: the ceiling is then a lower bound', async () => {
    const runLevel = simulateSystem({ capacity: 1000, tolerance: TOL, generatorLimit: 120 });
    const result = await searchCeiling(options(1000, { runLevel }));
    expect(result.sweep.generatorSaturated).toBe(true);
    // Short of the target by less than 5% still passes: the pass limit is 120 / 0.95.
    expect(result.ceiling as number).toBeLessThanOrEqual(Math.floor(120 / 0.95));
    const failing = result.runs.find((r) => !r.level.passed);
    expect(failing?.level.reason).toContain('load generator saturated');
    expect(result.sweep.limitedBy).toBe('generator_saturated');
  });

  it('a system whose latency exhausts the VU pool: the ceiling is the pool limit, caused by the system', async () => {
    // 50 VUs at 250 ms hold 200 RPS at most (Little's law); the system errs only above 1000.
    const runLevel = simulateSystem({ capacity: 1000, tolerance: TOL, latencyMs: 250, maxVUs: 50 });
    const result = await searchCeiling(options(1000, { runLevel, precision: 5 }));
    expect(result.ceiling as number).toBeLessThanOrEqual(Math.floor(200 / 0.95));
    expect(result.ceiling as number).toBeGreaterThanOrEqual(200 - 5);
    expect(result.sweep.generatorSaturated).toBe(false);
    expect(result.sweep.limitedBy).toBe('vu_pool_exhausted');
    const failing = result.runs.find((r) => !r.level.passed);
    expect(failing?.level.reason).toContain('raise maxVUs to find the real failure point');
  });

  it('propagates an error thrown by runLevel', async () => {
    const runLevel = async () => {
      throw new Error('engine crashed');
    };
    await expect(searchCeiling(options(100, { runLevel }))).rejects.toThrow('engine crashed');
  });

  it.each<[Partial<SearchCeilingOptions>, string]>([
    [{ min: 0 }, 'min must be a positive integer, got 0'],
    [{ max: 5 }, 'max must be >= min (10), got 5'],
    [{ precision: 0 }, 'precision must be a positive integer, got 0'],
    [
      { duration: 'forever' },
      'duration must be a k6 duration such as 30s, 1m30s or 500ms, got "forever"',
    ],
    [
      { strategy: 'random' as 'linear' },
      'strategy must be "linear" or "exponential", got "random"',
    ],
    [{ maxRuns: 0 }, 'maxRuns must be a positive integer, got 0'],
  ])('rejects %j', async (override, message) => {
    const attempt = searchCeiling(options(100, override));
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(searchCeiling(options(100, override))).rejects.toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { defineCalibrationCases } from './calibration.js';
import { defineCase } from './define-case.js';
import { type BenchProgress, runBenchmark } from './run-benchmark.js';

// A clock that only moves when a case says so: every duration is exactly known.
function scriptedClock() {
  let now = 0n;
  return {
    clock: () => now,
    advanceMs: (ms: number) => {
      now += BigInt(Math.round(ms * 1e6));
    },
  };
}

describe('runBenchmark', () => {
  it('discards warm-up calls and times only the measured ones', async () => {
    const { clock, advanceMs } = scriptedClock();
    const warmup = 3;
    const durations = [1000, 1000, 1000, 2, 4, 6, 8]; // warm-up calls are slow on purpose
    let call = 0;
    const slowStart = defineCase('slow-start', () => {
      advanceMs(durations[call++] ?? 0);
      return [1, 2];
    });
    const report = await runBenchmark([slowStart], { iterations: 4, warmup, clock });
    const [result] = report.results;
    const measured = durations.slice(warmup);
    const seconds = measured.reduce((a, b) => a + b, 0) / 1000;
    expect(call).toBe(warmup + 4);
    expect(result?.iterations).toBe(4);
    expect(result?.max_ms).toBe(Math.max(...measured));
    expect(result?.min_ms).toBe(Math.min(...measured));
    expect(result?.total_time).toBeCloseTo(seconds, 12);
    expect(result?.rows_processed).toBe(4 * 2);
    expect(result?.rows_per_second).toBeCloseTo(8 / seconds, 8);
    expect(report.aggregate.executed_iterations).toBe(4);
  });

  it('aroundMeasure surrounds only the measured phase, outside the timer', async () => {
    const { clock, advanceMs } = scriptedClock();
    const events: string[] = [];
    let calls = 0;
    const counted = defineCase('counted', () => {
      calls += 1;
      advanceMs(5);
      return 1;
    });
    const report = await runBenchmark([counted], {
      iterations: 3,
      warmup: 2,
      clock,
      aroundMeasure: async (benchCase, measure) => {
        events.push(`before ${benchCase.name} after ${calls} calls`);
        advanceMs(1000); // the watcher's own cost is not the case's
        await measure();
        advanceMs(1000);
        events.push(`after ${calls} calls`);
      },
    });
    expect(events).toEqual(['before counted after 2 calls', 'after 5 calls']);
    expect(report.results[0]?.total_time).toBeCloseTo(0.015, 12);
  });

  it('a case whose aroundMeasure never measures fails, naming the case', async () => {
    const error = await runBenchmark([defineCase('skipped', () => 1)], {
      iterations: 1,
      aroundMeasure: async () => {},
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('case skipped failed: aroundMeasure never measured');
  });

  it('aggregates iterations, time and rows over the executed cases', async () => {
    const { clock, advanceMs } = scriptedClock();
    const a = defineCase('a', () => {
      advanceMs(10);
      return [1, 2, 3];
    });
    const b = defineCase('b', () => {
      advanceMs(30);
      return 7;
    });
    const report = await runBenchmark([a, b], { iterations: 5, warmup: 1, clock });
    const seconds = (5 * 10 + 5 * 30) / 1000;
    const rows = 5 * 3 + 5 * 1;
    expect(report.results.map((r) => r.name)).toEqual(['a', 'b']);
    expect(report.aggregate.executed_iterations).toBe(10);
    expect(report.aggregate.total_runtime_seconds).toBeCloseTo(seconds, 12);
    expect(report.aggregate.ops_per_second).toBeCloseTo(10 / seconds, 8);
    expect(report.aggregate.ops_per_minute).toBeCloseTo((10 / seconds) * 60, 6);
    expect(report.aggregate.rows_per_second).toBeCloseTo(rows / seconds, 8);
  });

  it('skips a case whose context is missing and names the missing fields', async () => {
    const needs = defineCase('needs', () => 1, { requires: ['trail_id', 'user_id', 'email'] });
    const report = await runBenchmark([needs], {
      iterations: 1,
      context: { trail_id: 7, user_id: null },
    });
    expect(report.results).toEqual([]);
    expect(report.skipped).toEqual([{ name: 'needs', missing: ['user_id', 'email'] }]);
  });

  it('runs the timed call inside around() and excludes the wrapper from the time', async () => {
    const { clock, advanceMs } = scriptedClock();
    const events: string[] = [];
    const wrapped = defineCase<string>(
      'wrapped',
      (scope) => {
        events.push(`call:${scope}`);
        advanceMs(5);
      },
      {
        around: async (timed) => {
          events.push('begin');
          advanceMs(100);
          await timed('tx');
          advanceMs(100);
          events.push('rollback');
        },
      },
    );
    const report = await runBenchmark([wrapped], { iterations: 2, clock });
    expect(events).toEqual(['begin', 'call:tx', 'rollback', 'begin', 'call:tx', 'rollback']);
    expect(report.results[0]?.total_time).toBeCloseTo((2 * 5) / 1000, 12);
  });

  it('fails clearly when around() never runs the call, or the call throws', async () => {
    const lazy = defineCase('lazy', () => 1, { around: async () => {} });
    await expect(runBenchmark([lazy], { iterations: 1 })).rejects.toThrow(/case lazy failed/);
    const broken = defineCase('broken', () => Promise.reject(new Error('boom')));
    await expect(runBenchmark([broken], { iterations: 1 })).rejects.toThrow(
      'case broken failed: boom',
    );
  });

  it('rejects invalid counts', async () => {
    await expect(runBenchmark([], { iterations: 0 })).rejects.toThrow(/iterations/);
    await expect(runBenchmark([], { iterations: 1, concurrency: 1.5 })).rejects.toThrow(
      /concurrency/,
    );
  });

  it('keeps `concurrency` calls in flight and measures throughput over wall time', async () => {
    let inFlight = 0;
    let peak = 0;
    const sleepy = defineCase('sleepy', async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
    });
    const iterations = 16;
    const report = await runBenchmark([sleepy], { iterations, warmup: 0, concurrency: 4 });
    const result = report.results[0];
    expect(peak).toBe(4);
    expect(result?.iterations).toBe(iterations);
    // 16 calls of >=20 ms by 4 clients need at least 4 rounds of 20 ms of wall time.
    expect(result?.total_time).toBeGreaterThanOrEqual((iterations / 4) * 0.02 * 0.95);
    expect(result?.ops_per_second).toBeCloseTo(iterations / (result?.total_time ?? 1), 6);
  });

  it('reports progress for every call and the end of every case', async () => {
    const seen: BenchProgress[] = [];
    const cases = defineCalibrationCases(async () => 1);
    await runBenchmark(cases, { iterations: 3, warmup: 2, onProgress: (p) => seen.push(p) });
    const perCase = 2 + 3 + 1;
    expect(seen).toHaveLength(cases.length * perCase);
    expect(seen.at(-1)).toMatchObject({ caseIndex: 1, caseCount: 2, phase: 'done', completed: 3 });
  });
});

describe('runBenchmark interrupted', () => {
  it('stops starting calls on abort and returns only the cases it finished', async () => {
    const controller = new AbortController();
    let calls = 0;
    const done = defineCase('done', () => 1);
    // The database goes away with the interrupt: the calls after it fail.
    const cut = defineCase('cut', () => {
      calls++;
      if (calls === 3) controller.abort();
      if (calls >= 3) return Promise.reject(new Error('write CONNECTION_CLOSED'));
      return 1;
    });
    const never = defineCase('never', () => 1);
    const report = await runBenchmark([done, cut, never], {
      iterations: 5,
      signal: controller.signal,
    });
    expect(report.results.map((r) => r.name)).toEqual(['done']);
    expect(calls).toBe(3);
    await expect(runBenchmark([cut], { iterations: 5 })).rejects.toThrow(
      'case cut failed: write CONNECTION_CLOSED',
    );
  });
});

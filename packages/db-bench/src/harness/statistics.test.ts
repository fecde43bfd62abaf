import { describe, expect, it } from 'vitest';
import { keptSamples, MAX_KEPT_SAMPLES, summariseCase } from './statistics.js';

// 1..100 ms, shuffled so the function must sort.
const ordered = Array.from({ length: 100 }, (_, i) => i + 1);
const shuffled = [...ordered].sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));

// Linear interpolation between closest ranks over 1..n: value at rank (n-1)q, plus 1.
const expectedQuantile = (n: number, q: number) => 1 + (n - 1) * q;

describe('summariseCase', () => {
  const sumMs = ordered.reduce((a, b) => a + b, 0);
  const result = summariseCase({
    name: 'synthetic',
    durationsMs: shuffled,
    rowsProcessed: 300,
    concurrency: 1,
    wallSeconds: 999,
  });

  it('computes known percentiles, min, max and mean', () => {
    expect(result.iterations).toBe(100);
    expect(result.min_ms).toBe(1);
    expect(result.max_ms).toBe(100);
    expect(result.mean_ms).toBeCloseTo(sumMs / 100, 10);
    expect(result.p50_ms).toBeCloseTo(expectedQuantile(100, 0.5), 10);
    expect(result.p95_ms).toBeCloseTo(expectedQuantile(100, 0.95), 10);
    expect(result.p99_ms).toBeCloseTo(expectedQuantile(100, 0.99), 10);
  });

  it('computes the population standard deviation', () => {
    const m = sumMs / 100;
    const variance = ordered.reduce((acc, v) => acc + (v - m) ** 2, 0) / 100;
    expect(result.stddev_ms).toBeCloseTo(Math.sqrt(variance), 10);
  });

  it('serially, total time is the sum of durations and ops/s, rows/s derive from it', () => {
    const seconds = sumMs / 1000;
    expect(result.total_time).toBeCloseTo(seconds, 12);
    expect(result.ops_per_second).toBeCloseTo(100 / seconds, 10);
    expect(result.ops_per_minute).toBeCloseTo((100 / seconds) * 60, 8);
    expect(result.rows_processed).toBe(300);
    expect(result.rows_per_second).toBeCloseTo(300 / seconds, 10);
  });

  it('with parallel clients, total time is the wall-clock time of the phase', () => {
    const parallel = summariseCase({
      name: 'p',
      durationsMs: ordered,
      rowsProcessed: 50,
      concurrency: 8,
      wallSeconds: 2,
    });
    expect(parallel.concurrency).toBe(8);
    expect(parallel.total_time).toBe(2);
    expect(parallel.ops_per_second).toBe(100 / 2);
    expect(parallel.rows_per_second).toBe(50 / 2);
  });

  it('gives 0 for every ratio and statistic when nothing was measured', () => {
    const empty = summariseCase({
      name: 'e',
      durationsMs: [],
      rowsProcessed: 0,
      concurrency: 1,
      wallSeconds: 0,
    });
    for (const v of [empty.mean_ms, empty.p95_ms, empty.ops_per_second, empty.rows_per_second]) {
      expect(v).toBe(0);
    }
  });
});

describe('keptSamples', () => {
  it('keeps every latency of a short case, in run order, to the microsecond', () => {
    expect(keptSamples([4.56789, 1, 2.0004])).toEqual([4.568, 1, 2]);
  });

  it('keeps at most MAX_KEPT_SAMPLES, evenly spaced over the run', () => {
    const long = Array.from({ length: 5 * MAX_KEPT_SAMPLES }, (_, i) => i);
    const kept = keptSamples(long);
    expect(kept).toHaveLength(MAX_KEPT_SAMPLES);
    expect(kept[0]).toBe(0);
    expect(kept[1]).toBe(5);
    expect(kept.at(-1)).toBe(5 * MAX_KEPT_SAMPLES - 5);
  });
});

import { describe, expect, it } from 'vitest';
import { quantile } from '../stats.js';
import { schemaErrors } from '../test-support/schema.js';
import { latencyStatsOf, mergeHistograms } from './histogram.js';
import { mergeSeries, seriesTotals } from './merge.js';
import { SeriesRecorder } from './recorder.js';

const START = Date.UTC(2026, 11, 1, 6, 0, 0);

// A deterministic skewed latency sample: mostly fast, a slow tail (what averaged p99s get wrong).
function latencies(n: number): number[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 200 + next() * 800 : 5 + next() * 20));
}

/** Request i at START + i ms·3 (about 333 requests a second), dealt out to `parts` recorders. */
function record(values: number[], parts: number, partStartMs: (p: number) => number) {
  const recorders = Array.from(
    { length: parts },
    (_, p) => new SeriesRecorder({ startMs: partStartMs(p), engine: 'node-runner' }),
  );
  for (const [i, ms] of values.entries()) {
    const recorder = recorders[i % parts] as SeriesRecorder;
    recorder.recordRequest(
      START + i * 3,
      'reads',
      'GET /a',
      ms,
      i % 50 === 0 ? 503 : 200,
      i % 50 === 0,
    );
    recorder.recordIteration(START + i * 3, 'reads');
  }
  return recorders.map((r) => r.finish());
}

describe('mergeSeries', () => {
  const values = latencies(3000);
  const [whole] = record(values, 1, () => START);
  const merged = mergeSeries(record(values, 3, () => START));

  it('adds the rows of each second: the same counts and status codes as one run', () => {
    expect(merged.requests.map((r) => [r.t, r.requests, r.failed])).toEqual(
      whole?.requests.map((r) => [r.t, r.requests, r.failed]),
    );
    expect(merged.requests.map((r) => r.status)).toEqual(whole?.requests.map((r) => r.status));
    expect(merged.scenarios.map((r) => r.iterations)).toEqual(
      whole?.scenarios.map((r) => r.iterations),
    );
    expect(merged.started_at).toBe(new Date(START).toISOString());
    expect(schemaErrors('performance_series.json', merged)).toEqual([]);
  });

  it('percentiles of the merged histograms are those of all the samples (HDR precision)', () => {
    for (const [i, row] of merged.requests.entries()) {
      const one = whole?.requests[i];
      expect(row.duration_ms).toEqual(one?.duration_ms);
    }
    // Over the whole run, against the exact percentiles of the raw samples.
    const all = latencyStatsOf(mergeHistograms(merged.requests.map((r) => r.hdr)));
    for (const [p, stat] of [
      [0.5, all.p50],
      [0.95, all.p95],
      [0.99, all.p99],
    ] as const) {
      const exact = quantile(values, p);
      expect(Math.abs(stat - exact) / exact).toBeLessThan(0.002);
    }
    expect(all.count).toBe(values.length);
  });

  it('moves a later instance onto the earliest start (whole seconds)', () => {
    const one = (startMs: number) => {
      const recorder = new SeriesRecorder({ startMs, engine: 'k6' });
      recorder.recordRequest(startMs + 100, 'reads', 'GET /a', 10, 200, false);
      return recorder.finish();
    };
    const late = mergeSeries([one(START + 2000), one(START)]);
    expect(late.started_at).toBe(new Date(START).toISOString());
    expect(late.requests.map((r) => [r.t, r.requests])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it('shares: each instance its requests, iterations and rate', () => {
    const parts = record(values, 3, () => START);
    expect(parts.map((s) => seriesTotals(s).requests)).toEqual([1000, 1000, 1000]);
    expect(seriesTotals(merged)).toMatchObject({ requests: 3000, iterations: 3000 });
    expect(seriesTotals(merged).achievedRps).toBeCloseTo(3000 / 9, 6);
  });

  it('refuses nothing to merge', () => {
    expect(() => mergeSeries([])).toThrow('no series');
  });
});

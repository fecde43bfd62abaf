import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../test-support/schema.js';
import { decodeHistogram, latencyStatsOf, mergeHistograms } from './histogram.js';
import { type FinishedSecond, SeriesRecorder } from './recorder.js';

const START = Date.UTC(2026, 11, 1, 6, 0, 0);
const at = (seconds: number) => START + seconds * 1000;

describe('SeriesRecorder', () => {
  it('buckets requests by second, scenario and name, with exact totals', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'node-runner' });
    recorder.recordRequest(at(0.1), 'reads', 'GET /a', 10, 200, false);
    recorder.recordRequest(at(0.9), 'reads', 'GET /a', 30, 503, true);
    recorder.recordRequest(at(0.5), 'reads', 'GET /b', 5, 0, true, 1212);
    recorder.recordRequest(at(1.2), 'reads', 'GET /a', 20, 200, false);
    const series = recorder.finish();
    expect(series.requests.map((r) => [r.t, r.name, r.requests, r.failed])).toEqual([
      [0, 'GET /a', 2, 1],
      [0, 'GET /b', 1, 1],
      [1, 'GET /a', 1, 0],
    ]);
    const first = series.requests[0];
    expect(first?.status).toEqual({ '200': 1, '503': 1 });
    expect(first?.duration_ms).toMatchObject({ count: 2, min: 10, max: 30, mean: 20 });
    expect(series.requests[1]?.error_codes).toEqual({ '1212': 1 });
    expect(series.requests[1]?.status).toEqual({ '0': 1 });
    expect(series.started_at).toBe('2026-12-01T06:00:00.000Z');
    expect(schemaErrors('performance_series.json', series)).toEqual([]);
  });

  it('percentiles come from the bucket histogram within 0.1 %', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'k6' });
    for (let i = 1; i <= 1000; i++) recorder.recordRequest(at(0.5), 's', 'n', i / 10, 200, false);
    const stats = recorder.finish().requests[0]?.duration_ms;
    expect(stats?.p50).toBeCloseTo(50, 0);
    expect(Math.abs((stats?.p95 ?? 0) - 95) / 95).toBeLessThan(0.001);
    expect(Math.abs((stats?.p99 ?? 0) - 99) / 99).toBeLessThan(0.001);
    expect(stats?.max).toBe(100);
  });

  it('stored histograms add up exactly across buckets (merged, not averaged, percentiles)', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'node-runner' });
    for (let i = 0; i < 100; i++) recorder.recordRequest(at(0.5), 's', 'n', 1, 200, false);
    for (let i = 0; i < 10; i++) recorder.recordRequest(at(1.5), 's', 'n', 100, 200, false);
    const rows = recorder.finish().requests;
    const merged = latencyStatsOf(mergeHistograms(rows.map((r) => r.hdr)));
    expect(merged.count).toBe(110);
    expect(merged.p50).toBeCloseTo(1, 2);
    expect(merged.p95).toBeCloseTo(100, 0);
    expect(decodeHistogram(rows[1]?.hdr ?? '').totalCount).toBe(10);
  });

  it('scenario rows, once-a-second gauges and finished seconds in order', () => {
    const seen: FinishedSecond[] = [];
    const recorder = new SeriesRecorder({
      startMs: START,
      engine: 'node-runner',
      onSecond: (s) => seen.push(s),
    });
    recorder.recordIteration(at(0.2), 'reads');
    recorder.recordDropped(at(0.3), 'reads', 2);
    recorder.recordData(at(0.4), 'reads', 300, 100);
    recorder.recordCheck(at(0.4), 'reads', true);
    recorder.recordCheck(at(0.4), 'reads', false);
    recorder.recordTargetRate(at(0.1), 'reads', 5);
    recorder.recordSecond(at(0.99), { vus: 3, vus_max: 10 });
    recorder.recordIteration(at(3.5), 'reads');
    recorder.advance(at(3.5));
    // Seconds 0 and 1 are finished; 2 stays open for late samples, 3 is the current one.
    expect(seen.map((s) => s.t)).toEqual([0, 1]);
    expect(seen[0]?.scenarios).toEqual([
      {
        t: 0,
        scenario: 'reads',
        iterations: 1,
        dropped_iterations: 2,
        data_received: 300,
        data_sent: 100,
        checks_passed: 1,
        checks_failed: 1,
        target_rate: 5,
      },
    ]);
    expect(seen[0]?.second).toEqual({ t: 0, vus: 3, vus_max: 10 });
    const series = recorder.finish();
    expect(seen.map((s) => s.t)).toEqual([0, 1, 2, 3]);
    expect(series.scenarios.map((s) => [s.t, s.iterations])).toEqual([
      [0, 1],
      [3, 1],
    ]);
  });

  it('a sample for a finished second counts in the oldest open one, never lost', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'k6', openSeconds: 0 });
    recorder.recordRequest(at(5.5), 's', 'n', 1, 200, false);
    recorder.advance(at(6.1));
    recorder.recordRequest(at(0.5), 's', 'n', 1, 200, false);
    const series = recorder.finish();
    expect(series.requests.map((r) => [r.t, r.requests])).toEqual([
      [5, 1],
      [6, 1],
    ]);
  });

  it('a reused histogram starts empty: each bucket holds only its own latencies', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'node-runner', openSeconds: 0 });
    for (let i = 0; i < 50; i++) recorder.recordRequest(at(0.5), 's', 'n', 500, 200, false);
    recorder.advance(at(1.1));
    for (let i = 0; i < 10; i++) recorder.recordRequest(at(1.5), 's', 'n', 2, 200, false);
    const rows = recorder.finish().requests;
    expect(rows.map((r) => [r.t, r.duration_ms.count, r.duration_ms.max])).toEqual([
      [0, 50, 500],
      [1, 10, 2],
    ]);
    expect(decodeHistogram(rows[1]?.hdr ?? '').totalCount).toBe(10);
    expect(latencyStatsOf(decodeHistogram(rows[1]?.hdr ?? '')).p99).toBeCloseTo(2, 2);
  });

  it('keys rows by (scenario, name) without mixing pairs that concatenate alike', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'k6' });
    recorder.recordRequest(at(0.1), 'ab', 'c', 1, 200, false);
    recorder.recordRequest(at(0.2), 'a', 'bc', 1, 200, false);
    recorder.recordRequest(at(0.3), 'ab', 'c', 1, 200, false);
    const rows = recorder.finish().requests;
    expect(rows.map((r) => [r.scenario, r.name, r.requests])).toEqual([
      ['ab', 'c', 2],
      ['a', 'bc', 1],
    ]);
  });

  it('retainRows false hands finished seconds to onSecond only', () => {
    const seen: FinishedSecond[] = [];
    const recorder = new SeriesRecorder({
      startMs: START,
      engine: 'node-runner',
      openSeconds: 0,
      retainRows: false,
      onSecond: (s) => seen.push(s),
    });
    recorder.recordRequest(at(0.5), 's', 'n', 1, 200, false);
    recorder.advance(at(1.5));
    recorder.recordRequest(at(1.6), 's', 'n', 1, 200, false);
    const series = recorder.finish();
    expect(series.requests).toEqual([]);
    expect(seen.map((s) => [s.t, s.requests.length])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

import type { RunSeries } from '@rota-perf/core';
import { SeriesRecorder } from '@rota-perf/core/series';
import { describe, expect, it } from 'vitest';
import { fixtureSeries, RUN_ENDPOINTS, rateAt } from '../test-support/run-fixture.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { timelineCharts, VISIBLE_ENDPOINTS } from './timeline-charts.js';
import { MIN_RANKED_SECONDS, rankSlowest } from './timeline-latency.js';

const START = Date.parse('2026-12-01T06:00:00.000Z');

// Two endpoints in every second: one always at `fastMs`, one always at `slowMs`.
function twoSpeeds(seconds: number, fastMs: number, slowMs: number, perSecond = 10): RunSeries {
  const recorder = new SeriesRecorder({ startMs: START, engine: 'node-runner' });
  for (let t = 0; t < seconds; t++) {
    for (let i = 0; i < perSecond; i++) {
      const at = START + t * 1000 + i * 10;
      recorder.recordRequest(at, 'fast', 'GET /fast', fastMs, 200, false);
      recorder.recordRequest(at, 'slow', 'GET /slow', slowMs, 200, false);
    }
  }
  return recorder.finish();
}

describe('buildTimeline', () => {
  it('has one point per second of the series, with the totals per second', () => {
    const series = fixtureSeries(START, 120);
    const t = buildTimeline(series);
    expect(t.bucketSeconds).toBe(1);
    expect(t.seconds).toBe(120);
    expect(t.x).toHaveLength(120);
    expect(t.x.slice(0, 3)).toEqual([0, 1, 2]);
    // Three endpoints, each at rateAt(t) requests in second t.
    expect(t.requestsPerSecond[0]).toBe(3 * rateAt(0));
    expect(t.requestsPerSecond[50]).toBe(3 * rateAt(50));
    expect(t.targetPerSecond?.[50]).toBe(3 * rateAt(50));
    const sum = t.requestsPerSecond.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(sum).toBe(series.requests.reduce((a, r) => a + r.requests, 0));
  });

  it('merges histograms for the percentiles instead of averaging them', () => {
    // Half the requests take 10 ms, half 100 ms: p50 is 10 ms and p90 is 100 ms, where the
    // average of the two endpoints' percentiles would say 55 ms for both.
    // (10.007: the top of HDR's 10 ms bucket at 3 significant digits; p90 is clamped to the max.)
    const t = buildTimeline(twoSpeeds(3, 10, 100));
    expect(t.latency.p50).toEqual([10.007, 10.007, 10.007]);
    expect(t.latency.p90).toEqual([100, 100, 100]);
    expect(t.latency.max).toEqual([100, 100, 100]);
    expect(t.endpoints.map((e) => e.label)).toEqual(['GET /slow', 'GET /fast']);
    expect(t.endpoints[0]?.values).toEqual([100, 100, 100]);
  });

  it('buckets a long series into at most maxPoints points, the latency merged per bucket', () => {
    const series = twoSpeeds(30, 10, 100, 2);
    const t = buildTimeline(series, [], 7);
    expect(t.bucketSeconds).toBe(5);
    expect(t.x).toEqual([0, 5, 10, 15, 20, 25]);
    // Rates stay per second: 4 requests in each second.
    expect(t.requestsPerSecond).toEqual([4, 4, 4, 4, 4, 4]);
    expect(t.latency.p50).toEqual(new Array(6).fill(10.007));
    expect(t.latency.p99).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('keeps the worst second of an endpoint when a point stands for several', () => {
    const recorder = new SeriesRecorder({ startMs: START, engine: 'node-runner' });
    for (let t = 0; t < 4; t++) {
      recorder.recordRequest(START + t * 1000, 's', 'GET /x', t === 2 ? 900 : 5, 200, false);
    }
    const t = buildTimeline(recorder.finish(), [], 2);
    expect(t.bucketSeconds).toBe(2);
    expect(t.endpoints[0]?.values).toEqual([5, 900]);
  });

  it('counts failures by status class and error code, and the failed requests', () => {
    const t = buildTimeline(fixtureSeries(START, 120));
    const line = (label: string) => t.errors.find((e) => e.label === label)?.values;
    expect(t.errors.map((e) => e.label)).toEqual(['5xx', 'no response', 'error 1050']);
    // trails_detail answers 503 to every third request in seconds 60-64 (10/s: 4 of them).
    expect(line('5xx')?.slice(59, 66)).toEqual([0, 4, 4, 4, 4, 4, 0]);
    expect(line('no response')?.slice(89, 93)).toEqual([0, 2, 2, 0]);
    expect(line('error 1050')?.slice(89, 93)).toEqual([0, 2, 2, 0]);
    expect(t.failedPerSecond[60]).toBe(4);
    expect(t.failedPerSecond[90]).toBe(2);
  });

  it('has VUs, dropped iterations and the generator CPU per second', () => {
    const t = buildTimeline(fixtureSeries(START, 120));
    expect(t.vus.slice(0, 5)).toEqual([3, 4, 5, 6, 3]);
    expect(t.vusMax[0]).toBe(20);
    expect(t.droppedPerSecond.slice(104, 111)).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(t.generatorCpu?.[3]).toBe(33);
  });

  it('takes the target from the phases when the series has no target_rate', () => {
    const t = buildTimeline(twoSpeeds(10, 1, 2), [
      { name: 'warm-up', start_seconds: 0, end_seconds: 4 },
      { name: 'plateau', start_seconds: 4, end_seconds: 8, target_rps: 20 },
    ]);
    expect(t.targetPerSecond).toEqual([null, null, null, null, 20, 20, 20, 20, null, null]);
    expect(buildTimeline(twoSpeeds(2, 1, 2)).targetPerSecond).toBeNull();
  });

  it('orders the endpoint lines worst first', () => {
    const t = buildTimeline(fixtureSeries(START, 30));
    expect(t.endpoints.map((e) => e.label)).toEqual([
      'POST /auth/login',
      'GET /me/profile',
      'GET /trails/:id',
    ]);
    expect(t.endpoints).toHaveLength(RUN_ENDPOINTS.length);
  });

  it('has no points for a series that recorded nothing (a run stopped during setup)', () => {
    const empty = new SeriesRecorder({ startMs: START, engine: 'k6' }).finish();
    const t = buildTimeline(empty);
    expect([t.seconds, t.x, t.requestsPerSecond, t.endpoints, t.errors]).toEqual([
      0,
      [],
      [],
      [],
      [],
    ]);
    expect(t.targetPerSecond).toBeNull();
  });
});

// `seconds` seconds of a test: `endpoints` test endpoints, endpoint i at (i + 1) * 10 ms, ten
// requests a second; before it, setup()'s requests (no scenario), far slower than any of them.
function testWithSetup(seconds: number, endpoints: number): SeriesRecorder {
  const recorder = new SeriesRecorder({ startMs: START, engine: 'k6' });
  recorder.recordRequest(START + 5, '', 'POST /auth/register', 900, 200, false);
  recorder.recordRequest(START + 6, '', 'GET /e0', 800, 200, false);
  recorder.recordRequest(START + 7, '', 'GET /trails/:id/items/:itemId', 700, 200, false);
  for (let t = 0; t < seconds; t++) {
    for (let e = 0; e < endpoints; e++) {
      for (let i = 0; i < 10; i++) {
        const at = START + t * 1000 + 100 + i * 10;
        recorder.recordRequest(at, `s${e}`, `GET /e${e}`, (e + 1) * 10, 200, false);
      }
    }
  }
  return recorder;
}

// The p95-per-endpoint chart's lines: label and whether the chart starts with it hidden.
function endpointDatasets(t: Timeline): { label: string; hidden: boolean }[] {
  const chart = timelineCharts(t, [], []).find((c) => c.id === 'chart-time-endpoints');
  if (!chart) throw new Error('no p95-per-endpoint chart');
  return (chart.config.data as { datasets: { label: string; hidden: boolean }[] }).datasets;
}

describe('the slowest endpoints shown', () => {
  const measure = (name: string, meanP95: number, seconds: number) => ({ name, meanP95, seconds });

  it('ranks only names measured for MIN_RANKED_SECONDS seconds, slowest first', () => {
    expect(MIN_RANKED_SECONDS).toBe(5);
    expect(
      rankSlowest([
        measure('fast', 10, 60),
        measure('once', 5000, 1),
        measure('slow', 300, 60),
        measure('brief', 900, 4),
        measure('just enough', 20, 5),
      ]),
    ).toEqual([
      { name: 'slow', ranked: true },
      { name: 'just enough', ranked: true },
      { name: 'fast', ranked: true },
      { name: 'once', ranked: false },
      { name: 'brief', ranked: false },
    ]);
  });

  it('in a run shorter than that, ranks the names measured as long as the longest', () => {
    expect(rankSlowest([measure('a', 10, 3), measure('b', 50, 1), measure('c', 30, 3)])).toEqual([
      { name: 'c', ranked: true },
      { name: 'a', ranked: true },
      { name: 'b', ranked: false },
    ]);
    expect(rankSlowest([])).toEqual([]);
  });

  it("leaves setup's requests (no scenario) out of the endpoint lines", () => {
    const t = buildTimeline(testWithSetup(10, 2).finish());
    expect(t.endpoints.map((e) => [e.label, e.ranked])).toEqual([
      ['GET /e1', true],
      ['GET /e0', true],
    ]);
    // Setup's GET /e0 (800 ms) in second 0 is not merged into the test's GET /e0 line.
    expect(t.endpoints[1]?.values).toEqual(new Array(10).fill(10));
    // The chart of all requests still counts every request.
    expect(t.latency.max[0]).toBe(900);
  });

  it('one slow sample of the test is in the legend, hidden, and takes no slot', () => {
    const recorder = testWithSetup(30, VISIBLE_ENDPOINTS);
    recorder.recordRequest(START + 12_500, 'late', 'GET /once', 4000, 200, false);
    const t = buildTimeline(recorder.finish());
    const labels = t.endpoints.map((e) => e.label);
    expect(labels).toEqual(['GET /e4', 'GET /e3', 'GET /e2', 'GET /e1', 'GET /e0', 'GET /once']);
    expect(t.endpoints.map((e) => e.ranked)).toEqual([true, true, true, true, true, false]);
    const datasets = endpointDatasets(t);
    expect(datasets.filter((d) => !d.hidden).map((d) => d.label)).toEqual(labels.slice(0, 5));
    expect(datasets.find((d) => d.label === 'GET /once')?.hidden).toBe(true);
  });

  it('an unranked name stays hidden even when fewer than the visible count are ranked', () => {
    const recorder = testWithSetup(30, 2);
    recorder.recordRequest(START + 12_500, 'late', 'GET /once', 4000, 200, false);
    const t = buildTimeline(recorder.finish());
    const datasets = endpointDatasets(t);
    expect(datasets.map((d) => [d.label, d.hidden])).toEqual([
      ['GET /e1', false],
      ['GET /e0', false],
      ['GET /once', true],
    ]);
  });
});

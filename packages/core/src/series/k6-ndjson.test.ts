// The real k6's `--out json` recording (test-data/k6-golden/06-out-json.*) read into a series:
// the totals must be the ones k6 printed in its end-of-test summary (06-out-json.out).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scheduleOf, targetRateAt } from '../run/schedule.js';
import type { RunSeries } from '../run/series.js';
import { schemaErrors } from '../test-support/schema.js';
import { latencyStatsOf, mergeHistograms } from './histogram.js';
import { K6NdjsonReader, parseK6Time } from './k6-ndjson.js';
import type { FinishedSecond } from './recorder.js';

const GOLDEN = fileURLToPath(new URL('../../../../test-data/k6-golden/', import.meta.url));
const LINES = readFileSync(`${GOLDEN}06-out-json.ndjson`, 'utf8').split('\n');
// 06-out-json.js: `steady` is a constant-arrival-rate scenario, 4 iterations/s for 2 s.
const SCHEDULE = scheduleOf({
  steady: { executor: 'constant-arrival-rate', rate: 4, timeUnit: '1s', duration: '2s' },
});

function read(lines: readonly string[], onSecond?: (s: FinishedSecond) => void): RunSeries {
  const reader = new K6NdjsonReader({
    targetRate: (scenario, t) => {
      const s = SCHEDULE.find((x) => x.name === scenario);
      return s ? targetRateAt(s, t) : null;
    },
    ...(onSecond ? { onSecond } : {}),
  });
  for (const line of lines) reader.pushLine(line);
  return reader.finish();
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);

describe('K6NdjsonReader on the recorded k6 stream', () => {
  const series = read(LINES);

  it('totals equal the summary k6 printed (06-out-json.out)', () => {
    // http_reqs 18, http_req_failed ✓ 9, iterations 9, checks ✓ 9 ✗ 0, vus_max 2.
    expect(sum(series.requests, (r) => r.requests)).toBe(18);
    expect(sum(series.requests, (r) => r.failed)).toBe(9);
    expect(sum(series.scenarios, (r) => r.iterations)).toBe(9);
    expect(sum(series.scenarios, (r) => r.checks_passed)).toBe(9);
    expect(sum(series.scenarios, (r) => r.checks_failed)).toBe(0);
    expect(sum(series.scenarios, (r) => r.dropped_iterations)).toBe(0);
    // data_sent 1.6 kB and data_received 3.4 kB: 9 iterations of 181 and 376 bytes.
    expect(sum(series.scenarios, (r) => r.data_sent)).toBe(9 * 181);
    expect(sum(series.scenarios, (r) => r.data_received)).toBe(9 * 376);
    expect(Math.max(...series.seconds.map((s) => s.vus_max))).toBe(2);
  });

  it('requests are keyed by the name tag, with exact status and error codes', () => {
    const byName = (name: string) => series.requests.filter((r) => r.name === name);
    expect(sum(byName('echo'), (r) => r.requests)).toBe(9);
    expect(sum(byName('status503'), (r) => r.failed)).toBe(9);
    const statuses: Record<string, number> = {};
    const errors: Record<string, number> = {};
    for (const row of series.requests) {
      for (const [code, n] of Object.entries(row.status))
        statuses[code] = (statuses[code] ?? 0) + n;
      for (const [code, n] of Object.entries(row.error_codes))
        errors[code] = (errors[code] ?? 0) + n;
    }
    expect(statuses).toEqual({ '200': 9, '503': 9 });
    expect(errors).toEqual({ '1503': 9 });
    expect(new Set(series.requests.map((r) => r.scenario))).toEqual(new Set(['steady']));
  });

  it('latency: the merged histograms give k6’s count, min and max; the mean k6 shows as 2.57 ms', () => {
    const all = latencyStatsOf(mergeHistograms(series.requests.map((r) => r.hdr)));
    expect(all.count).toBe(18);
    const min = Math.min(...series.requests.map((r) => r.duration_ms.min));
    const max = Math.max(...series.requests.map((r) => r.duration_ms.max));
    const mean = sum(series.requests, (r) => r.duration_ms.mean * r.requests) / 18;
    expect(min).toBeCloseTo(0.60038, 4);
    expect(max).toBeCloseTo(21.76623, 4);
    // k6 prints durations cut to two decimals (avg=2.57ms for 2.5799…).
    expect(Math.floor(mean * 100) / 100).toBe(2.57);
  });

  it('buckets by second from the first sample (no setup here), target rate from the options', () => {
    expect(series.engine).toBe('k6');
    expect(Date.parse(series.started_at)).toBe(parseK6Time('2026-12-01T05:29:40.468Z'));
    expect(series.scenarios.map((r) => [r.t, r.iterations, r.target_rate])).toEqual([
      [0, 5, 4],
      [1, 4, 4],
    ]);
    expect(series.seconds.map((s) => [s.t, s.vus, s.vus_max])).toEqual([
      [0, 0, 2],
      [1, 0, 2],
    ]);
    expect(schemaErrors('x_series.json', series)).toEqual([]);
  });

  it('reports each finished second once, in order, with the rows of the file', () => {
    const seen: FinishedSecond[] = [];
    const again = read(LINES, (s) => seen.push(s));
    expect(seen.map((s) => s.t)).toEqual([0, 1]);
    expect(seen.flatMap((s) => s.requests)).toEqual(again.requests);
  });

  it('setup samples count, in bucket 0, and the test starts when setup ends', () => {
    const setupLine = (time: string, metric: string, value: number, group = '::setup') =>
      JSON.stringify({
        metric,
        type: 'Point',
        data: { time, value, tags: { group, name: 'login', status: '200', url: 'login' } },
      });
    const lines = [
      setupLine('2026-12-01T05:29:30.100000000Z', 'http_req_duration', 5),
      setupLine('2026-12-01T05:29:30.200000000Z', 'data_sent', 100),
      ...LINES,
    ];
    const withSetup = read(lines);
    expect(withSetup.started_at).toBe('2026-12-01T05:29:30.200Z');
    expect(sum(withSetup.requests, (r) => r.requests)).toBe(19);
    expect(withSetup.requests[0]).toMatchObject({ t: 0, scenario: '', name: 'login' });
    // The recorded run's samples sit ten seconds later on this clock.
    expect(withSetup.scenarios.find((r) => r.scenario === 'steady')?.t).toBe(10);
  });

  it('a line cut short is counted, not fatal', () => {
    const reader = new K6NdjsonReader();
    reader.pushLine('{"metric":"http_reqs","type":"Po');
    reader.pushLine(LINES[1] as string);
    expect(reader.malformedLines).toBe(1);
    expect(reader.metrics.size).toBe(0);
    expect(reader.finish().requests).toEqual([]);
  });
});

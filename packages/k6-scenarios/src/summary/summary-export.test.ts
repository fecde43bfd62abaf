import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFile } from '../test-support/k6-data.js';
import { summariseLoad } from './load-summary.js';
import { fromSummaryExport } from './summary-export.js';

const exported = JSON.parse(readFileSync(goldenFile('04-summary-export.json'), 'utf8')) as {
  metrics: Record<string, Record<string, unknown>>;
  root_group: { checks: Record<string, { passes: number }> };
};

describe('fromSummaryExport (golden 04-summary-export.json)', () => {
  const data = fromSummaryExport(exported);

  it('restores metric types, values and threshold verdicts', () => {
    const reqs = exported.metrics.http_reqs as { count: number; rate: number };
    expect(data.metrics.http_reqs).toEqual({
      type: 'counter',
      contains: 'default',
      values: { count: reqs.count, rate: reqs.rate },
    });
    expect(data.metrics.data_sent?.contains).toBe('data');
    expect(data.metrics.http_req_duration?.type).toBe('trend');
    expect(data.metrics.http_req_duration?.contains).toBe('time');
    const failed = exported.metrics.http_req_failed as {
      passes: number;
      fails: number;
      value: number;
    };
    expect(data.metrics.http_req_failed?.values).toEqual({
      passes: failed.passes,
      fails: failed.fails,
      rate: failed.value,
    });
    // max 4.36 ms < 1000: the export writes false (not crossed), i.e. ok.
    expect(data.metrics['http_req_duration{name:echo}']?.thresholds).toEqual({
      'max<1000': { ok: true },
    });
  });

  it('recovers the run duration from count / rate and the checks from the keyed map', () => {
    const reqs = exported.metrics.http_reqs as { count: number; rate: number };
    expect(data.state.testRunDurationMs).toBeCloseTo((reqs.count / reqs.rate) * 1000, 9);
    expect(data.root_group.checks.map((c) => c.name)).toEqual(
      Object.keys(exported.root_group.checks),
    );
    const s = summariseLoad(data);
    expect(s.totalRequests).toBe(reqs.count);
    expect(s.requestsPerSecond).toBeCloseTo(reqs.rate, 6);
    expect(s.checks?.passes).toBe(exported.root_group.checks.ok?.passes);
  });

  it('rejects other documents with one line', () => {
    expect(() => fromSummaryExport([1, 2])).toThrow('not a k6 --summary-export document');
    const empty = fromSummaryExport({ metrics: {} });
    expect(empty.state.testRunDurationMs).toBe(0);
  });
});

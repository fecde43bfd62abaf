import type { K6SummaryData } from '@rota-perf/core';
import { formatLoadSummary } from '@rota-perf/report-formatter';
import { describe, expect, it } from 'vitest';
import { buildSummary, counter, loadGoldenSummary, rate, trend } from '../test-support/k6-data.js';
import { buildLoadResultsJson } from './load-results-json.js';
import { summariseLoad } from './load-summary.js';

function fmt2(n: number): string {
  const [i, f] = n.toFixed(2).split('.');
  return `${(i as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

// The golden data with the convention's endpoint sub-metrics added, copied from real k6 ones.
function goldenWithEndpoints(): K6SummaryData {
  const data = loadGoldenSummary();
  const slow = data.metrics['my_trend_ms{endpoint:slow}'];
  const steadyReqs = data.metrics.my_counter;
  if (!slow || !steadyReqs) throw new Error('golden data changed');
  data.metrics['endpoint_duration_ms{endpoint:slow}'] = slow;
  data.metrics['endpoint_requests{endpoint:slow}'] = steadyReqs;
  data.metrics['endpoint_failures{endpoint:slow}'] = {
    ...steadyReqs,
    values: { count: 0, rate: 0 },
  };
  return data;
}

describe('summariseLoad on golden k6 data', () => {
  const data = goldenWithEndpoints();
  const seconds = data.state.testRunDurationMs / 1000;
  const reqs = data.metrics.http_reqs?.values.count as number;
  const bytes =
    (data.metrics.data_received?.values.count as number) +
    (data.metrics.data_sent?.values.count as number);
  const s = summariseLoad(data, {
    endpoints: [
      { key: 'slow', label: 'GET /slow', phase: 'main' },
      { key: 'trails_detail', label: 'GET /trails/:id', phase: 'main' },
    ],
  });

  it('computes totals, rates and throughput from received + sent counts', () => {
    expect(s.durationSeconds).toBe(seconds);
    expect(s.totalRequests).toBe(reqs);
    expect(s.requestsPerSecond).toBeCloseTo(reqs / seconds, 10);
    expect(s.requestsPerMinute).toBeCloseTo((reqs / seconds) * 60, 10);
    expect(s.throughputBytesPerSecond).toBeCloseTo(bytes / seconds, 10);
    expect(s.throughputKibPerSecond).toBeCloseTo(bytes / seconds / 1024, 10);
    expect(s.throughputBytesPerSecond).toBeGreaterThan(0);
    expect(s.failedRequests).toBe(data.metrics.http_req_failed?.values.passes);
  });

  it('counts checks from the root group and nested groups', () => {
    const all = [...data.root_group.checks, ...data.root_group.groups.flatMap((g) => g.checks)];
    const passes = all.reduce((a, c) => a + c.passes, 0);
    const fails = all.reduce((a, c) => a + c.fails, 0);
    expect(s.checks).toEqual({ passes, fails, rate: passes / (passes + fails) });
  });

  it('reads per-endpoint sub-metrics and reports absent ones as missing, not 0', () => {
    const slow = s.endpoints[0];
    const src = data.metrics['endpoint_duration_ms{endpoint:slow}']?.values ?? {};
    expect(slow?.requests).toBe(data.metrics.my_counter?.values.count);
    expect(slow?.p50Ms).toBe(src.med);
    expect(slow?.p95Ms).toBe(src['p(95)']);
    expect(slow?.maxMs).toBe(src.max);
    // Golden summaryTrendStats has no p(99): missing.
    expect(slow?.p99Ms).toBeNull();
    expect(s.p99Available).toBe(false);
    expect(slow?.failures).toBe(0);
    const absent = s.endpoints[1];
    expect(absent?.requests).toBeNull();
    expect(absent?.failures).toBeNull();
    expect(absent?.p95Ms).toBeNull();
    expect(absent?.missingMetrics).toHaveLength(3);
  });

  it('lists the crossed threshold of the golden run', () => {
    const expected = Object.entries(data.metrics).flatMap(([metric, m]) =>
      Object.entries(m.thresholds ?? {})
        .filter(([, t]) => !t.ok)
        .map(([condition]) => ({ metric, condition })),
    );
    expect(expected).toContainEqual({ metric: 'my_trend_ms{endpoint:slow}', condition: 'avg<1' });
    expect(s.failedThresholds).toEqual(expected);
  });

  it('prints the summary lines and the per-endpoint table', () => {
    const text = formatLoadSummary(s);
    const lines = text.split('\n');
    expect(lines[0]).toBe('========== Performance Summary ==========');
    expect(lines[1]).toBe('Auth rate limit: skipped (ENABLE_RATE_LIMIT_SCENARIOS=false)');
    expect(text).toContain(`Test duration: ${fmt2(seconds)}s\n`);
    expect(text).toContain(`Total HTTP requests: ${reqs}\n`);
    expect(text).toContain(`Estimated RPS: ${fmt2(reqs / seconds)}\n`);
    expect(text).toContain(
      `Throughput: ${fmt2(bytes / seconds)} B/s (${fmt2(bytes / seconds / 1024)} KiB/s)\n`,
    );
    expect(text).toContain('Threshold crossed: my_trend_ms{endpoint:slow} avg<1');
    const row = lines.find((l) => l.startsWith('GET /trails/:id')) as string;
    expect(row.match(/missing/g)).toHaveLength(2);
    expect(row.match(/n\/a/g)?.length).toBeGreaterThanOrEqual(5);
    expect(text).not.toContain('\u001b[');
    expect(formatLoadSummary(s, { color: true })).toContain('\u001b[');
  });

  it('builds results.json with the original 14 keys first, then the additions', () => {
    const json = buildLoadResultsJson(s);
    expect(Object.keys(json).slice(0, 14)).toEqual([
      'duration_seconds',
      'total_requests',
      'requests_per_second',
      'requests_per_minute',
      'throughput_bytes_per_second',
      'throughput_kib_per_second',
      'rate_limit_verification_enabled',
      'rate_limit_verification',
      'main_phase_failures',
      'write_phase_failures',
      'steady_state_seconds',
      'steady_state_rps',
      'non_steady_phase_seconds',
      'non_steady_phase_share_percent',
    ]);
    expect(json.throughput_bytes_per_second).toBeCloseTo(bytes / seconds, 10);
    expect(json.endpoints.map((e) => e.endpoint)).toEqual(['slow', 'trails_detail']);
    expect(json.endpoints[1]?.requests).toBeNull();
    expect(json).toHaveProperty('skipped_scenarios');
  });

  it('finds endpoints from the data when no catalogue is given', () => {
    expect(summariseLoad(data).endpoints.map((e) => e.key)).toEqual(['slow']);
  });
});

describe('summariseLoad on hand-built data', () => {
  it('handles zero requests and zero duration without inventing figures', () => {
    const data = buildSummary(
      { http_reqs: { type: 'counter', contains: 'default', values: { count: 0, rate: 0 } } },
      0,
    );
    const s = summariseLoad(data, { nonSteadySeconds: 75 });
    expect(s.totalRequests).toBe(0);
    expect(s.requestsPerSecond).toBeNull();
    expect(s.throughputBytesPerSecond).toBeNull();
    expect(s.nonSteadySharePercent).toBeNull();
    expect(s.checks).toBeNull();
    const text = formatLoadSummary(s);
    expect(text).toContain('Estimated RPS: n/a');
    expect(text).toContain('Throughput: n/a B/s (n/a KiB/s)');
    expect(text).not.toContain('Approx steady-state');
    expect(buildLoadResultsJson(s).requests_per_second).toBeNull();
  });

  it('uses plateau-window requests for steady-state RPS and phase failures per endpoint', () => {
    const seconds = 195;
    const read = trend([5, 7, 9, 11, 200]);
    const data = buildSummary(
      {
        http_reqs: counter(1000, seconds),
        'http_reqs{window:plateau}': counter(600, seconds),
        http_req_failed: rate(12, 988),
        'http_req_failed{phase:main}': rate(7, 900),
        'http_req_failed{phase:write}': rate(5, 88),
        data_received: { type: 'counter', contains: 'data', values: { count: 3e12, rate: 0 } },
        data_sent: { type: 'counter', contains: 'data', values: { count: 1e12, rate: 0 } },
        'endpoint_requests{endpoint:trails_detail}': counter(500, seconds),
        'endpoint_failures{endpoint:trails_detail}': counter(7, seconds),
        'endpoint_duration_ms{endpoint:trails_detail}': read,
        'endpoint_requests{endpoint:trail_item_progress}': counter(100, seconds),
        'endpoint_failures{endpoint:trail_item_progress}': counter(5, seconds),
      },
      seconds * 1000,
    );
    const s = summariseLoad(data, {
      endpoints: [
        { key: 'trails_detail', label: 'GET /trails/:id', phase: 'main' },
        {
          key: 'trail_item_progress',
          label: 'PUT /trails/:id/items/:itemId/progress',
          phase: 'write',
        },
      ],
      plateauSeconds: 120,
      nonSteadySeconds: 75,
      skipped: [
        { key: 'trail_form_submission', label: 'POST form', missing: ['dataset.formQuestions'] },
      ],
      rateLimitVerificationEnabled: true,
    });
    expect(s.steadyStateRps).toBe(600 / 120);
    expect(s.nonSteadySharePercent).toBeCloseTo((75 / seconds) * 100, 10);
    expect(s.throughputBytesPerSecond).toBe(4e12 / seconds);
    expect(s.endpoints[0]?.p99Ms).toBe(read.values['p(99)']);
    expect(s.endpoints[0]?.failureRate).toBe(7 / 500);
    expect(s.endpoints[1]?.p95Ms).toBeNull();
    expect(s.mainPhaseFailures).toEqual([
      {
        endpoint: 'trails_detail',
        label: 'GET /trails/:id',
        phase: 'main',
        status: null,
        count: 7,
      },
    ]);
    expect(s.writePhaseFailures[0]?.count).toBe(5);
    const text = formatLoadSummary(s);
    expect(text).toContain('Auth rate limit: verification unavailable');
    expect(text).toContain(`Approx steady-state RPS (main stage): ${fmt2(600 / 120)}`);
    expect(text).toContain(
      `Warmup/cooldown share: ${((75 / seconds) * 100).toFixed(1)}% of test time`,
    );
    expect(text).toContain('Main phase failures: 7');
    expect(text).toContain('Write phase failures: 5');
    expect(text).toContain('Skipped POST form (missing: dataset.formQuestions)');
    expect(text).toContain(`Throughput: ${fmt2(4e12 / seconds)} B/s`);
    const json = buildLoadResultsJson(s);
    expect(json.skipped_scenarios).toEqual([
      { endpoint: 'trail_form_submission', label: 'POST form', missing: ['dataset.formQuestions'] },
    ]);
    expect(json.main_phase_failures).toHaveLength(1);
  });

  it('reports a missing plateau counter as missing and reads the verification from setup data', () => {
    const data = buildSummary({ http_reqs: counter(10, 10) }, 10_000);
    data.setup_data = {
      rateLimitVerification: {
        limit: 10,
        allowedCount: 10,
        limitedCount: 3,
        retryAfterSeconds: 42,
      },
    };
    const s = summariseLoad(data, { plateauSeconds: 5, rateLimitVerificationEnabled: true });
    expect(s.steadyStateRps).toBeNull();
    const text = formatLoadSummary(s);
    expect(text).toContain('Approx steady-state RPS (main stage): n/a');
    expect(text).toContain(
      'Auth rate limit: 10 allowed before 3 limited (limit=10, retry-after≈42s)',
    );
  });
});

describe('partial summary data', () => {
  it('treats absent state, options and root_group as missing instead of crashing', () => {
    const data = { metrics: { http_reqs: counter(5, 1) } } as unknown as K6SummaryData;
    const s = summariseLoad(data);
    expect(s.durationSeconds).toBe(0);
    expect(s.requestsPerSecond).toBeNull();
    expect(s.checks).toBeNull();
    expect(s.p99Available).toBe(false);
  });
});

describe('metric lookup', () => {
  it('does not mistake inherited object members for metrics', () => {
    const s = summariseLoad(buildSummary({}, 1000), {
      endpoints: [{ key: 'x', label: 'x' }],
      plateauSeconds: 1,
      plateauRequestsMetric: 'constructor',
    });
    expect(s.steadyStateRequests).toBeNull();
    expect(s.totalRequests).toBeNull();
  });
});

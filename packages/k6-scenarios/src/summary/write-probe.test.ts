import type { WriteProbeConfig } from '@rota-perf/core';
import { formatWriteSummary } from '@rota-perf/report-formatter';
import { describe, expect, it } from 'vitest';
import { buildSummary, counter, rate, trend } from '../test-support/k6-data.js';
import { buildWriteResultsJson, summariseWriteProbe } from './write-probe.js';

const config: WriteProbeConfig = {
  targetRps: 500,
  warmupDuration: '30s',
  testDuration: '2m',
  cooldownDuration: '30s',
  warmupSeconds: 30,
  testSeconds: 120,
  cooldownSeconds: 30,
  failureTolerance: 0.02,
};

describe('summariseWriteProbe', () => {
  it('uses plateau-window requests for the plateau RPS (the committed original result)', () => {
    const lat = trend([10, 20, 30, 40, 50, 60]);
    const data = buildSummary(
      {
        http_reqs: counter(27_610, 190),
        'http_reqs{scenario:progress_write}': counter(27_603, 190),
        'http_req_failed{scenario:progress_write}': rate(61, 27_603 - 61),
        'http_reqs{window:plateau}': counter(20_000, 190),
        'http_req_duration{scenario:progress_write}': lat,
      },
      190_000,
    );
    const r = summariseWriteProbe(data, config);
    expect(r.totalRequests).toBe(27_603);
    expect(r.totalFailures).toBe(61);
    expect(r.failureRate).toBe(61 / 27_603);
    expect(r.observedRps).toBe(27_603 / 180);
    expect(r.observedRpsPlateau).toBe(20_000 / 120);
    expect(r.p95Ms).toBe(lat.values['p(95)']);
    expect(r.passed).toBe(true);
    const text = formatWriteSummary(r);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '========== Progress Write ==========',
      'Target RPS: 500',
      'Warmup: 30s, Test: 2m, Cooldown: 30s',
      `Observed RPS: ${(27_603 / 180).toFixed(2)}`,
      `Plateau RPS (test window): ${(20_000 / 120).toFixed(2)}`,
    ]);
    expect(text).toContain(`Failures: 61/27,603 (${((61 / 27_603) * 100).toFixed(2)}%)`);
    expect(text).toContain('Status: PASS (tolerance 2.00%)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('='.repeat(36));
    // Another script on a plateau schedule heads the same lines with its own title.
    const titled = formatWriteSummary(r, { title: 'Profile read' }).trimEnd().split('\n');
    expect(titled[0]).toBe('========== Profile read ==========');
    expect(titled.at(-1)).toBe('='.repeat(34));
    const json = buildWriteResultsJson(r);
    expect(Object.keys(json).slice(0, 11)).toEqual([
      'target_rps',
      'warmup_duration',
      'test_duration',
      'cooldown_duration',
      'failure_tolerance',
      'observed_rps',
      'observed_rps_plateau',
      'total_requests',
      'total_failures',
      'failure_rate',
      'passed',
    ]);
    expect(json.observed_rps_plateau).toBe(20_000 / 120);
  });

  it('fails with no requests and reports missing metrics as missing', () => {
    const r = summariseWriteProbe(buildSummary({}, 0), config);
    expect(r.totalRequests).toBeNull();
    expect(r.observedRps).toBeNull();
    expect(r.passed).toBe(false);
    const text = formatWriteSummary(r);
    expect(text).toContain('Failures: n/a/n/a (n/a)');
    expect(text).toContain('Status: FAIL (no requests measured)');
  });

  it('fails above tolerance', () => {
    const data = buildSummary(
      {
        'http_reqs{scenario:progress_write}': counter(100, 10),
        'http_req_failed{scenario:progress_write}': rate(3, 97),
      },
      10_000,
    );
    const r = summariseWriteProbe(data, config);
    expect(r.failureRate).toBe(0.03);
    expect(r.passed).toBe(false);
    expect(formatWriteSummary(r)).toContain('Status: FAIL (above tolerance) (tolerance 2.00%)');
  });
});

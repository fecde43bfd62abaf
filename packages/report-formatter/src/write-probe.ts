// progress_write: the single-rate write probe (contract §5.5), computed from k6 summary data.
import { createPainter } from './color.js';
import { formatCount, formatNumber, formatPercent } from './format.js';
import { ratioOrNull, readStat, subMetricName } from './k6-data.js';
import type { FormatOptions } from './load-format.js';
import type { K6SummaryData } from './types.js';

/** Configuration of the write probe, as the script parsed it. */
export interface WriteProbeConfig {
  targetRps: number;
  /** Raw duration strings as configured (e.g. `30s`), echoed in the output. */
  warmupDuration: string;
  testDuration: string;
  cooldownDuration: string;
  warmupSeconds: number;
  testSeconds: number;
  cooldownSeconds: number;
  failureTolerance: number;
  /** k6 scenario name (default `progress_write`). */
  scenario?: string;
  /** Counter of requests sent during the plateau (default `http_reqs{window:plateau}`). */
  plateauRequestsMetric?: string;
}

/** The figures of a write-probe run; null means the metric was absent from the data. */
export interface WriteProbeResult extends WriteProbeConfig {
  totalRequests: number | null;
  totalFailures: number | null;
  failureRate: number | null;
  observedRps: number | null;
  plateauRequests: number | null;
  observedRpsPlateau: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Failure rate within tolerance and at least one request (the original passed 0/0). */
  passed: boolean;
}

/**
 * Reads the write probe's figures from k6 data. Requests and failures come from the
 * scenario's sub-metrics (`http_reqs{scenario:…}`, `http_req_failed{scenario:…}`), which
 * exclude setup requests. The plateau RPS divides plateau-window requests by the plateau
 * length (the original divided all requests by it, overstating the figure).
 */
export function summariseWriteProbe(
  data: K6SummaryData,
  config: WriteProbeConfig,
): WriteProbeResult {
  const scenario = config.scenario ?? 'progress_write';
  const totalRequests = readStat(data, subMetricName('http_reqs', 'scenario', scenario), 'count');
  const totalFailures = readStat(
    data,
    subMetricName('http_req_failed', 'scenario', scenario),
    'passes',
  );
  const plateauRequests = readStat(
    data,
    config.plateauRequestsMetric ?? 'http_reqs{window:plateau}',
    'count',
  );
  const duration = subMetricName('http_req_duration', 'scenario', scenario);
  const failureRate = ratioOrNull(totalFailures, totalRequests);
  const windowSeconds = config.warmupSeconds + config.testSeconds + config.cooldownSeconds;
  return {
    ...config,
    totalRequests,
    totalFailures,
    failureRate,
    observedRps: ratioOrNull(totalRequests, windowSeconds),
    plateauRequests,
    observedRpsPlateau: ratioOrNull(plateauRequests, config.testSeconds),
    p95Ms: readStat(data, duration, 'p(95)'),
    p99Ms: readStat(data, duration, 'p(99)'),
    passed:
      (totalRequests ?? 0) > 0 && failureRate !== null && failureRate <= config.failureTolerance,
  };
}

/** The console summary of the write probe (the original's lines, missing figures as n/a). */
export function formatWriteSummary(r: WriteProbeResult, options: FormatOptions = {}): string {
  const paint = createPainter(options.color ?? false);
  const tolerance = `(tolerance ${formatPercent(r.failureTolerance)})`;
  const status = r.passed
    ? paint('green', `Status: PASS ${tolerance}`)
    : paint(
        'red',
        `Status: FAIL (${(r.totalRequests ?? 0) > 0 ? 'above tolerance' : 'no requests measured'}) ${tolerance}`,
      );
  return `${[
    paint('bold', '========== Progress Write =========='),
    `Target RPS: ${r.targetRps}`,
    `Warmup: ${r.warmupDuration}, Test: ${r.testDuration}, Cooldown: ${r.cooldownDuration}`,
    `Observed RPS: ${formatNumber(r.observedRps)}`,
    `Plateau RPS (test window): ${formatNumber(r.observedRpsPlateau)}`,
    `Latency: p95 ${formatNumber(r.p95Ms)} ms, p99 ${formatNumber(r.p99Ms)} ms`,
    `Failures: ${formatCount(r.totalFailures)}/${formatCount(r.totalRequests)} (${formatPercent(r.failureRate)})`,
    status,
    paint('bold', '===================================='),
  ].join('\n')}\n`;
}

/** `performance/progress_write_results.json`: the original 11 keys, then additions. */
export interface WriteResultsJson {
  target_rps: number;
  warmup_duration: string;
  test_duration: string;
  cooldown_duration: string;
  failure_tolerance: number;
  observed_rps: number | null;
  observed_rps_plateau: number | null;
  total_requests: number | null;
  total_failures: number | null;
  failure_rate: number | null;
  passed: boolean;
  plateau_requests: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
}

/** The results JSON of the write probe. */
export function buildWriteResultsJson(r: WriteProbeResult): WriteResultsJson {
  return {
    target_rps: r.targetRps,
    warmup_duration: r.warmupDuration,
    test_duration: r.testDuration,
    cooldown_duration: r.cooldownDuration,
    failure_tolerance: r.failureTolerance,
    observed_rps: r.observedRps,
    observed_rps_plateau: r.observedRpsPlateau,
    total_requests: r.totalRequests,
    total_failures: r.totalFailures,
    failure_rate: r.failureRate,
    passed: r.passed,
    plateau_requests: r.plateauRequests,
    p95_ms: r.p95Ms,
    p99_ms: r.p99Ms,
  };
}

// progress_write: the single-rate write probe (docs/rota-api.md §5.5), computed from k6 summary data,
// and its results file.
import {
  type K6SummaryData,
  ratioOrNull,
  readStat,
  subMetricName,
  type WriteProbeConfig,
  type WriteProbeResult,
  type WriteResultsJson,
} from '@rota-perf/core';

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

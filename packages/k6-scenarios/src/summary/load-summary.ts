// The consolidated load summary of performance.test.js, computed from k6 summary data.
import {
  collectChecks,
  type K6SummaryData,
  type LoadEndpointSummary,
  type LoadSummary,
  listFailedThresholds,
  listTagValues,
  type PhaseFailure,
  type RateLimitVerification,
  ratioOrNull,
  readMedian,
  readStat,
  subMetricName,
} from '@rota-perf/core';
import type { LoadEndpoint, SummariseLoadOptions } from './load-options.js';

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

function summariseEndpoint(
  data: K6SummaryData,
  endpoint: LoadEndpoint,
  durationSeconds: number,
): LoadEndpointSummary {
  const names = {
    requests: subMetricName('endpoint_requests', 'endpoint', endpoint.key),
    duration: subMetricName('endpoint_duration_ms', 'endpoint', endpoint.key),
    failures: subMetricName('endpoint_failures', 'endpoint', endpoint.key),
  };
  const requests = readStat(data, names.requests, 'count');
  const failures = readStat(data, names.failures, 'count');
  const missingMetrics = Object.values(names).filter((n) => data.metrics[n] === undefined);
  return {
    key: endpoint.key,
    label: endpoint.label,
    phase: endpoint.phase ?? null,
    requests,
    requestsPerSecond: ratioOrNull(requests, durationSeconds),
    avgMs: readStat(data, names.duration, 'avg'),
    p50Ms: readMedian(data, names.duration),
    p95Ms: readStat(data, names.duration, 'p(95)'),
    p99Ms: readStat(data, names.duration, 'p(99)'),
    maxMs: readStat(data, names.duration, 'max'),
    failures,
    failureRate: ratioOrNull(failures, requests),
    missingMetrics,
  };
}

function phaseFailures(endpoints: readonly LoadEndpointSummary[], phase: string): PhaseFailure[] {
  return endpoints
    .filter((e) => e.phase === phase && (e.failures ?? 0) > 0)
    .map((e) => ({ endpoint: e.key, label: e.label, phase, status: null, count: e.failures ?? 0 }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
}

function defaultEndpoints(data: K6SummaryData): LoadEndpoint[] {
  const keys: string[] = [];
  for (const metric of ['endpoint_requests', 'endpoint_duration_ms', 'endpoint_failures']) {
    for (const key of listTagValues(data, metric, 'endpoint')) {
      if (keys.indexOf(key) < 0) keys.push(key);
    }
  }
  return keys.map((key) => ({ key, label: key }));
}

function setupVerification(data: K6SummaryData): RateLimitVerification | null {
  const setup = data.setup_data as { rateLimitVerification?: RateLimitVerification } | undefined;
  return setup && typeof setup === 'object' ? (setup.rateLimitVerification ?? null) : null;
}

/** Derives the load summary (totals, rates, throughput, per-endpoint table) from k6 data. */
export function summariseLoad(
  data: K6SummaryData,
  options: SummariseLoadOptions = {},
): LoadSummary {
  // Tolerate partial data (hand-made or from another runner): absent parts read as missing.
  const runMs = data.state?.testRunDurationMs;
  const durationSeconds = typeof runMs === 'number' && Number.isFinite(runMs) ? runMs / 1000 : 0;
  const totalRequests = readStat(data, 'http_reqs', 'count');
  const requestsPerSecond = ratioOrNull(totalRequests, durationSeconds);
  const bytesReceived = readStat(data, 'data_received', 'count');
  const bytesSent = readStat(data, 'data_sent', 'count');
  const throughput = ratioOrNull(sumOrNull(bytesReceived, bytesSent), durationSeconds);
  const checkList = data.root_group ? collectChecks(data.root_group) : [];
  let passes = 0;
  let fails = 0;
  for (const c of checkList) {
    passes += c.passes;
    fails += c.fails;
  }
  // No plateau given: the whole run is the steady window (the original's rule).
  const plateau = options.plateauSeconds;
  const hasPlateau = plateau !== undefined && plateau > 0;
  const steadyStateSeconds = hasPlateau ? plateau : durationSeconds;
  const steadyStateRequests = hasPlateau
    ? readStat(data, options.plateauRequestsMetric ?? 'http_reqs{window:plateau}', 'count')
    : totalRequests;
  const nonSteady = options.nonSteadySeconds ?? null;
  const share = ratioOrNull(nonSteady, durationSeconds);
  const endpoints = (options.endpoints ?? defaultEndpoints(data)).map((e) =>
    summariseEndpoint(data, e, durationSeconds),
  );
  return {
    durationSeconds,
    totalRequests,
    requestsPerSecond,
    requestsPerMinute: requestsPerSecond === null ? null : requestsPerSecond * 60,
    bytesReceived,
    bytesSent,
    throughputBytesPerSecond: throughput,
    throughputKibPerSecond: throughput === null ? null : throughput / 1024,
    failedRequests: readStat(data, 'http_req_failed', 'passes'),
    failureRate: readStat(data, 'http_req_failed', 'rate'),
    checks: checkList.length ? { passes, fails, rate: ratioOrNull(passes, passes + fails) } : null,
    steadyStateSeconds,
    steadyStateRequests,
    steadyStateRps: ratioOrNull(steadyStateRequests, steadyStateSeconds),
    nonSteadySeconds: nonSteady,
    nonSteadySharePercent: share === null ? null : Math.min(100, Math.max(0, share * 100)),
    rateLimitVerificationEnabled: options.rateLimitVerificationEnabled ?? false,
    rateLimitVerification:
      options.rateLimitVerification !== undefined
        ? options.rateLimitVerification
        : setupVerification(data),
    mainPhaseFailedRequests: readStat(data, 'http_req_failed{phase:main}', 'passes'),
    writePhaseFailedRequests: readStat(data, 'http_req_failed{phase:write}', 'passes'),
    mainPhaseFailures: phaseFailures(endpoints, 'main'),
    writePhaseFailures: phaseFailures(endpoints, 'write'),
    failedThresholds: listFailedThresholds(data),
    p99Available: (data.options?.summaryTrendStats ?? []).indexOf('p(99)') >= 0,
    endpoints,
    skipped: [...(options.skipped ?? [])],
  };
}

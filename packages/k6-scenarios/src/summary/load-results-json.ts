// results.json of the endpoint benchmark: the original 14 keys with correct values, then the
// additions (docs/rota-api.md §5.2, with the dead fields fixed).
import type { LoadResultsJson, LoadSummary } from '@rota-perf/core';

/** The JSON object for `performance/results.json`. */
export function buildLoadResultsJson(s: LoadSummary): LoadResultsJson {
  return {
    duration_seconds: s.durationSeconds,
    total_requests: s.totalRequests,
    requests_per_second: s.requestsPerSecond,
    requests_per_minute: s.requestsPerMinute,
    throughput_bytes_per_second: s.throughputBytesPerSecond,
    throughput_kib_per_second: s.throughputKibPerSecond,
    rate_limit_verification_enabled: s.rateLimitVerificationEnabled,
    rate_limit_verification: s.rateLimitVerification,
    main_phase_failures: s.mainPhaseFailures,
    write_phase_failures: s.writePhaseFailures,
    steady_state_seconds: s.steadyStateSeconds,
    steady_state_rps: s.steadyStateRps,
    non_steady_phase_seconds: s.nonSteadySeconds,
    non_steady_phase_share_percent: s.nonSteadySharePercent,
    failed_requests: s.failedRequests,
    failure_rate: s.failureRate,
    data_received_bytes: s.bytesReceived,
    data_sent_bytes: s.bytesSent,
    steady_state_requests: s.steadyStateRequests,
    checks: s.checks,
    failed_thresholds: s.failedThresholds,
    endpoints: s.endpoints.map((e) => ({
      endpoint: e.key,
      label: e.label,
      phase: e.phase,
      requests: e.requests,
      requests_per_second: e.requestsPerSecond,
      avg_ms: e.avgMs,
      p50_ms: e.p50Ms,
      p95_ms: e.p95Ms,
      p99_ms: e.p99Ms,
      max_ms: e.maxMs,
      failures: e.failures,
      failure_rate: e.failureRate,
      missing_metrics: e.missingMetrics,
    })),
    skipped_scenarios: s.skipped.map((k) => ({
      endpoint: k.key,
      label: k.label,
      missing: k.missing,
    })),
  };
}

// Console text and results.json of the load summary (contract §5.2, with the dead fields fixed).
import { createPainter } from './color.js';
import { formatCount, formatNumber, formatPercent, isPrintable, MISSING } from './format.js';
import type { LoadSummary, PhaseFailure } from './load-types.js';
import { table } from './table.js';

/** Output options: colour only when the caller asks (`!NO_COLOR && isTTY`). */
export interface FormatOptions {
  color?: boolean;
}

function rateLimitLine(s: LoadSummary): string {
  if (!s.rateLimitVerificationEnabled) {
    return 'Auth rate limit: skipped (ENABLE_RATE_LIMIT_SCENARIOS=false)';
  }
  const v = s.rateLimitVerification;
  if (!v) return 'Auth rate limit: verification unavailable';
  const retry = isPrintable(v.retryAfterSeconds) ? `${v.retryAfterSeconds}` : MISSING;
  return `Auth rate limit: ${v.allowedCount} allowed before ${v.limitedCount} limited (limit=${v.limit}, retry-after≈${retry}s)`;
}

function endpointTable(s: LoadSummary, paint: ReturnType<typeof createPainter>): string {
  const header = ['Endpoint', 'Requests', 'RPS', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)'];
  header.push('Failures');
  const rows = s.endpoints.map((e) => {
    const failures =
      e.failures === null
        ? 'missing'
        : `${formatCount(e.failures)} (${formatPercent(e.failureRate)})`;
    return [
      e.label,
      e.requests === null ? 'missing' : formatCount(e.requests),
      e.requestsPerSecond,
      e.p50Ms,
      e.p95Ms,
      e.p99Ms,
      e.maxMs,
      (e.failures ?? 0) > 0 ? paint('red', failures) : failures,
    ];
  });
  return table(rows, {
    header,
    separator: '  ',
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
}

/** The console summary of a load run (aligned, plain unless `color` is set). */
export function formatLoadSummary(s: LoadSummary, options: FormatOptions = {}): string {
  const paint = createPainter(options.color ?? false);
  const lines = [paint('bold', '========== Performance Summary =========='), rateLimitLine(s)];
  lines.push(`Test duration: ${formatNumber(s.durationSeconds)}s`);
  lines.push(`Total HTTP requests: ${formatCount(s.totalRequests)}`);
  lines.push(`Estimated RPS: ${formatNumber(s.requestsPerSecond)}`);
  lines.push(`Estimated RPM: ${formatNumber(s.requestsPerMinute)}`);
  if (s.steadyStateSeconds > 0) {
    lines.push(`Approx steady-state RPS (main stage): ${formatNumber(s.steadyStateRps)}`);
  }
  if (s.nonSteadySharePercent !== null) {
    lines.push(`Warmup/cooldown share: ${formatNumber(s.nonSteadySharePercent, 1)}% of test time`);
  }
  lines.push(
    `Throughput: ${formatNumber(s.throughputBytesPerSecond)} B/s (${formatNumber(s.throughputKibPerSecond)} KiB/s)`,
  );
  const failed = `Failed requests: ${formatCount(s.failedRequests)}/${formatCount(s.totalRequests)} (${formatPercent(s.failureRate)})`;
  lines.push((s.failedRequests ?? 0) > 0 ? paint('red', failed) : failed);
  if (s.checks) {
    const text = `Checks: ${formatCount(s.checks.passes)} passed, ${formatCount(s.checks.fails)} failed (${formatPercent(s.checks.rate)} passed)`;
    lines.push(s.checks.fails > 0 ? paint('yellow', text) : text);
  }
  if ((s.mainPhaseFailedRequests ?? 0) > 0) {
    lines.push(paint('red', `Main phase failures: ${formatCount(s.mainPhaseFailedRequests)}`));
  }
  if ((s.writePhaseFailedRequests ?? 0) > 0) {
    lines.push(paint('red', `Write phase failures: ${formatCount(s.writePhaseFailedRequests)}`));
  }
  for (const t of s.failedThresholds) {
    lines.push(paint('red', `Threshold crossed: ${t.metric} ${t.condition}`));
  }
  if (s.endpoints.length > 0) {
    lines.push('', 'Per-endpoint:', endpointTable(s, paint));
    if (!s.p99Available) lines.push('(p99 missing: summaryTrendStats does not include p(99))');
  }
  for (const k of s.skipped) {
    lines.push(paint('yellow', `Skipped ${k.label} (missing: ${k.missing.join(', ')})`));
  }
  lines.push(paint('bold', '=========================================='));
  return `${lines.join('\n')}\n`;
}

/** One per-endpoint entry of results.json. */
export interface LoadEndpointJson {
  endpoint: string;
  label: string;
  phase: string | null;
  requests: number | null;
  requests_per_second: number | null;
  avg_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  failures: number | null;
  failure_rate: number | null;
  missing_metrics: string[];
}

/** `performance/results.json`: the original 14 keys with correct values, then additions. */
export interface LoadResultsJson {
  duration_seconds: number;
  total_requests: number | null;
  requests_per_second: number | null;
  requests_per_minute: number | null;
  throughput_bytes_per_second: number | null;
  throughput_kib_per_second: number | null;
  rate_limit_verification_enabled: boolean;
  rate_limit_verification: LoadSummary['rateLimitVerification'];
  main_phase_failures: PhaseFailure[];
  write_phase_failures: PhaseFailure[];
  steady_state_seconds: number;
  steady_state_rps: number | null;
  non_steady_phase_seconds: number | null;
  non_steady_phase_share_percent: number | null;
  failed_requests: number | null;
  failure_rate: number | null;
  data_received_bytes: number | null;
  data_sent_bytes: number | null;
  steady_state_requests: number | null;
  checks: LoadSummary['checks'];
  failed_thresholds: LoadSummary['failedThresholds'];
  endpoints: LoadEndpointJson[];
  skipped_scenarios: { endpoint: string; label: string; missing: string[] }[];
}

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

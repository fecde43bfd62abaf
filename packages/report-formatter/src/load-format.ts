// Console text of the load summary (docs/rota-api.md §5.2).

import type { LoadSummary } from '@rota-perf/core';
import {
  formatCount,
  formatNumber,
  formatPercent,
  isPrintable,
  MISSING,
  table,
} from '@rota-perf/core';
import { createPainter } from './color.js';

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

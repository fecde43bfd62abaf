// The report's sections, one function per results file. Tables carry every figure, so the
// page is complete without JavaScript; the charts repeat them visually.

import {
  DB_BENCH_COLUMNS,
  formatBytes,
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  type LoadResultsJson,
  type SweepResultsJson,
  summariseMemory,
  type WriteResultsJson,
} from '@rota-perf/core';
import type { DbBenchInput, MemoryInput } from './inputs.js';
import { htmlTable, num, para, tiles } from './markup.js';
import { levelTable, verdictParas } from './sweep-levels.js';

const count = (n: number | null | undefined) =>
  n === null || n === undefined ? 'missing' : formatCount(n);

/** The load section (results.json). */
export function loadSection(load: LoadResultsJson): string {
  const parts = [
    tiles([
      ['Duration', formatDuration(load.duration_seconds)],
      ['HTTP requests', count(load.total_requests)],
      ['Requests/s', formatNumber(load.requests_per_second)],
      ['Steady-state RPS', formatNumber(load.steady_state_rps)],
      ['Throughput', `${formatBytes(load.throughput_bytes_per_second)}/s`],
      ['Failed requests', formatPercent(load.failure_rate ?? null)],
    ]),
  ];
  const endpoints = load.endpoints ?? [];
  if (endpoints.length > 0) {
    parts.push(
      htmlTable(
        [
          'Endpoint',
          'Requests',
          'RPS',
          'p50 (ms)',
          'p95 (ms)',
          'p99 (ms)',
          'max (ms)',
          'Failures',
          'Fail %',
        ],
        endpoints.map((e) => [
          e.label,
          num(count(e.requests)),
          num(formatNumber(e.requests_per_second)),
          num(formatNumber(e.p50_ms)),
          num(formatNumber(e.p95_ms)),
          num(formatNumber(e.p99_ms)),
          num(formatNumber(e.max_ms)),
          num(count(e.failures)),
          num(formatPercent(e.failure_rate)),
        ]),
      ),
    );
  }
  for (const t of load.failed_thresholds ?? []) {
    parts.push(para(`Threshold crossed: ${t.metric} ${t.condition}`, 'bad'));
  }
  for (const s of load.skipped_scenarios ?? []) {
    parts.push(para(`Skipped ${s.label} (missing: ${s.missing.join(', ')})`, 'warn'));
  }
  return parts.join('\n');
}

/** A sweep or probe section (rps_results.json, progress_probe_results.json). */
export function sweepSection(sweep: SweepResultsJson): string {
  const best = sweep.highest_passing_target;
  const parts = [
    para(
      `Levels ${sweep.min_target_rps}–${sweep.max_target_rps} RPS (step ${sweep.step_rps}), failure tolerance ${formatPercent(sweep.failure_tolerance)}` +
        (sweep.p95_slo_ms === null || sweep.p95_slo_ms === undefined
          ? '.'
          : `, p95 SLO ${formatNumber(sweep.p95_slo_ms, 0)} ms.`),
    ),
    best === null
      ? para('Highest passing target: none (all targets failed).', 'bad')
      : para(`Highest passing target: ${best} RPS.`, 'good'),
  ];
  parts.push(...verdictParas(sweep));
  if (sweep.unstable)
    parts.push(para('Unstable: a level passed after an earlier level failed.', 'warn'));
  parts.push(
    levelTable(sweep.scenarios, best, [
      'scenario',
      'target',
      'achieved',
      'requests',
      'failed',
      'failRate',
      'p95',
      'p99',
      'dropped',
    ]),
  );
  return parts.join('\n');
}

/** The write-probe section (progress_write_results.json). */
export function writeSection(w: WriteResultsJson): string {
  const rows: [string, string][] = [
    ['Target RPS', formatNumber(w.target_rps, 0)],
    [
      'Warm-up / test / cool-down',
      `${w.warmup_duration} / ${w.test_duration} / ${w.cooldown_duration}`,
    ],
    ['Observed RPS (whole window)', formatNumber(w.observed_rps)],
    ['Plateau RPS (test window)', formatNumber(w.observed_rps_plateau)],
    ['Requests', count(w.total_requests)],
    ['Failures', `${count(w.total_failures)} (${formatPercent(w.failure_rate)})`],
    ['p95 / p99 (ms)', `${formatNumber(w.p95_ms ?? null)} / ${formatNumber(w.p99_ms ?? null)}`],
    ['Status', `${w.passed ? 'PASS' : 'FAIL'} (tolerance ${formatPercent(w.failure_tolerance)})`],
  ];
  return htmlTable(
    ['Figure', 'Value'],
    rows.map(([k, v]) => [k, num(v)]),
  );
}

/** One memory CSV: the summary figures (the chart follows). */
export function memorySection(m: MemoryInput): string {
  const s = summariseMemory(m.samples);
  const growth = s.rssGrowthBytesPerMinute;
  return htmlTable(
    ['Samples', 'Duration', 'Peak RSS', 'Mean RSS', 'Peak VMS', 'RSS growth/min', 'Mean CPU'],
    [
      [
        formatCount(s.samples),
        num(formatDuration(s.durationSeconds)),
        num(formatBytes(s.peakRssBytes)),
        num(formatBytes(s.meanRssBytes)),
        num(formatBytes(s.peakVmsBytes)),
        num(growth === null ? 'n/a' : formatBytes(growth)),
        num(s.meanCpuPercent === null ? 'n/a' : `${formatNumber(s.meanCpuPercent)}%`),
      ],
    ],
  );
}

/** The db-bench section (db_bench_results.json): every case, then db-bench's Overall block. */
export function dbBenchSection({ cases, aggregate }: DbBenchInput): string {
  const f = (n: number | null | undefined) => num(formatNumber(n ?? null));
  const [query, ...figures] = DB_BENCH_COLUMNS;
  const parts = [
    htmlTable(
      [query, 'Iterations', ...figures],
      cases.map((c) => [
        c.name ?? '',
        num(formatCount(c.iterations ?? null)),
        f(c.ops_per_second),
        f(c.ops_per_minute),
        f(c.rows_per_second),
        f(c.mean_ms),
        f(c.p50_ms),
        f(c.p95_ms),
        f(c.p99_ms),
      ]),
    ),
  ];
  // The original benchmark's bare array has no Overall block: nothing is invented for it.
  if (aggregate) {
    parts.push(
      para(
        `Overall: ${formatCount(aggregate.executed_iterations)} iterations in ${formatNumber(aggregate.total_runtime_seconds)}s — ${formatNumber(aggregate.ops_per_second)} ops/s (${formatNumber(aggregate.ops_per_minute)} ops/min), ${formatNumber(aggregate.rows_per_second)} rows/s.`,
        'note',
      ),
    );
  }
  return parts.join('\n');
}

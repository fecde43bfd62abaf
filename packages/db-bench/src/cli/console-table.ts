// db-bench's console table (docs/rota-api.md §4.5), with the latency percentiles as extra columns.
import {
  DB_BENCH_COLUMNS,
  type DbBenchAggregate,
  type DbBenchCaseResult,
  type DbBenchSkip,
  formatNumber,
  table,
} from '@rota-perf/core';

const NAME_WIDTH = 70;
const NUMBER_WIDTH = 12;
const HEADER = DB_BENCH_COLUMNS;

/** The `Skipping <name> (missing: a, b)` line of a skipped case. */
export function formatDbBenchSkip(skip: DbBenchSkip): string {
  return `Skipping ${skip.name} (missing: ${skip.missing.join(', ')})`;
}

/**
 * The console output of a db-bench run: skip lines, then the per-case table (name in 70
 * columns, numbers right-aligned in 12) and the `Overall:` block, or `No benchmarks executed.`
 */
export function formatDbBenchTable(
  cases: readonly DbBenchCaseResult[],
  aggregate: DbBenchAggregate,
  skips: readonly DbBenchSkip[] = [],
): string {
  const lines = skips.map(formatDbBenchSkip);
  if (cases.length === 0) {
    lines.push('No benchmarks executed.');
    return `${lines.join('\n')}\n`;
  }
  const rows = cases.map((c) => [
    c.name,
    c.ops_per_second,
    c.ops_per_minute,
    c.rows_per_second,
    c.mean_ms,
    c.p50_ms,
    c.p95_ms,
    c.p99_ms,
  ]);
  lines.push(
    table(rows, {
      header: HEADER,
      align: ['left', ...HEADER.slice(1).map(() => 'right' as const)],
      minWidths: [NAME_WIDTH, ...HEADER.slice(1).map(() => NUMBER_WIDTH)],
    }),
  );
  lines.push(
    '',
    'Overall:',
    `  Executed iterations: ${formatNumber(aggregate.executed_iterations, 0)}`,
    `  Total runtime: ${formatNumber(aggregate.total_runtime_seconds)}s`,
    `  Aggregate OPS: ${formatNumber(aggregate.ops_per_second)} req/s (${formatNumber(aggregate.ops_per_minute)} req/min)`,
    `  Aggregate throughput: ${formatNumber(aggregate.rows_per_second)} rows/s`,
  );
  return `${lines.join('\n')}\n`;
}

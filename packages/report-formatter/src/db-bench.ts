// db-bench output: the original benchmark's console table and per-case JSON (contract §4.5),
// with the latency percentiles added as extra columns/keys.
import { formatNumber } from './format.js';
import { safeRatio } from './stats.js';
import { table } from './table.js';
import type { DbBenchAggregate, DbBenchCaseResult, DbBenchSkip } from './types.js';

const NAME_WIDTH = 70;
const NUMBER_WIDTH = 12;
/** The per-case table's columns (console and HTML report). */
export const DB_BENCH_COLUMNS = [
  'Query',
  'Ops/s',
  'Ops/m',
  'Rows/s',
  'Mean (ms)',
  'p50 (ms)',
  'p95 (ms)',
  'p99 (ms)',
] as const;
const HEADER = DB_BENCH_COLUMNS;

/** The figures of a case the aggregate sums. */
export type DbBenchTotals = Pick<DbBenchCaseResult, 'iterations' | 'total_time' | 'rows_processed'>;

/** The "Overall" block: sums over the executed cases (ratios are 0 when no time passed). */
export function aggregateDbBench(cases: readonly DbBenchTotals[]): DbBenchAggregate {
  let iterations = 0;
  let seconds = 0;
  let rows = 0;
  for (const c of cases) {
    iterations += c.iterations;
    seconds += c.total_time;
    rows += c.rows_processed;
  }
  const opsPerSecond = safeRatio(iterations, seconds);
  return {
    executed_iterations: iterations,
    total_runtime_seconds: seconds,
    ops_per_second: opsPerSecond,
    ops_per_minute: opsPerSecond * 60,
    rows_per_second: safeRatio(rows, seconds),
  };
}

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
  aggregate: DbBenchAggregate = aggregateDbBench(cases),
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

/** One object of the db-bench JSON file: the original 8 keys first, in order, then additions. */
export interface DbBenchJsonCase {
  name: string;
  iterations: number;
  total_time: number;
  mean_ms: number | null;
  ops_per_second: number | null;
  ops_per_minute: number | null;
  rows_per_second: number | null;
  rows_processed: number;
  min_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  stddev_ms: number | null;
  concurrency: number;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/**
 * The db-bench JSON document: a top-level array, one object per executed case (as the
 * original; the Overall block is not part of it). Non-finite figures become null.
 */
export function buildDbBenchJson(cases: readonly DbBenchCaseResult[]): DbBenchJsonCase[] {
  return cases.map((c) => ({
    name: c.name,
    iterations: c.iterations,
    total_time: c.total_time,
    mean_ms: finite(c.mean_ms),
    ops_per_second: finite(c.ops_per_second),
    ops_per_minute: finite(c.ops_per_minute),
    rows_per_second: finite(c.rows_per_second),
    rows_processed: c.rows_processed,
    min_ms: finite(c.min_ms),
    p50_ms: finite(c.p50_ms),
    p95_ms: finite(c.p95_ms),
    p99_ms: finite(c.p99_ms),
    max_ms: finite(c.max_ms),
    stddev_ms: finite(c.stddev_ms),
    concurrency: c.concurrency,
  }));
}

// One column list for db-bench's per-case table: db-bench prints it on the console and the HTML
// report shows the same figures under the same labels.

/** The per-case table's columns (db-bench's console table and the HTML report). */
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

// The "Overall" block of a run: sums over the executed cases.
import { type DbBenchAggregate, type DbBenchCaseResult, safeRatio } from '@rota-perf/core';

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

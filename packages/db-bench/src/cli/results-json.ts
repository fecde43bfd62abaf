// The cases as db_bench_results.json holds them: the original 8 keys first, then additions.
import type { CaseExplainJson, DbBenchCaseResult, DbBenchJsonCase } from '@rota-perf/core';

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/**
 * The db-bench JSON document: a top-level array, one object per executed case (as the
 * original; the Overall block is not part of it). Non-finite figures become null. With
 * --explain, a case's plans, findings and waits follow as `explain`. The calibration cases
 * leave out their per-iteration samples (nothing compares them).
 */
export function buildDbBenchJson(
  cases: readonly DbBenchCaseResult[],
  explained: ReadonlyMap<string, CaseExplainJson> = new Map(),
  withSamples = true,
): DbBenchJsonCase[] {
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
    ...(withSamples ? { samples_ms: c.samples_ms } : {}),
    ...(explained.has(c.name) ? { explain: explained.get(c.name) } : {}),
  }));
}

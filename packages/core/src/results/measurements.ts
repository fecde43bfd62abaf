// db-bench and mem-monitor measurements: the per-case figures, the aggregate, the skips, and
// memory samples with their summary.

/** Timing statistics of one db-bench case. */
export interface DbBenchCaseResult {
  name: string;
  iterations: number;
  concurrency: number;
  /**
   * Wall-clock time of the case's measured phase, seconds. Serially it is taken as the sum of
   * the call durations (as the original; the harness's gaps between calls are left out); with
   * `--concurrency` > 1 the calls overlap, so it is less than the sum of latencies.
   */
  total_time: number;
  mean_ms: number;
  min_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  stddev_ms: number;
  ops_per_second: number;
  ops_per_minute: number;
  rows_processed: number;
  rows_per_second: number;
  /**
   * The per-iteration latencies, ms, in the order they ran (at most 1000: db-bench MAX_KEPT_SAMPLES, evenly
   * spaced over the run when there were more): what `compare` tests a change with.
   */
  samples_ms: number[];
}

/** The "Overall" block of db-bench. */
export interface DbBenchAggregate {
  executed_iterations: number;
  total_runtime_seconds: number;
  ops_per_second: number;
  ops_per_minute: number;
  rows_per_second: number;
}

/** A skipped db-bench case and the context fields it lacked. */
export interface DbBenchSkip {
  name: string;
  missing: string[];
}

/** One sample of a process's memory and CPU (one CSV row of mem-monitor). */
export interface MemorySample {
  timestamp: string;
  elapsedSeconds: number;
  pid: number;
  name: string;
  rssBytes: number;
  vmsBytes: number;
  cpuPercent: number;
  matchedCount: number;
}

/** The end-of-run figures derived from memory samples. */
export interface MemorySummary {
  samples: number;
  durationSeconds: number;
  peakRssBytes: number | null;
  meanRssBytes: number | null;
  peakVmsBytes: number | null;
  meanVmsBytes: number | null;
  /** Least-squares slope of RSS over time, bytes per minute. */
  rssGrowthBytesPerMinute: number | null;
  meanCpuPercent: number | null;
}

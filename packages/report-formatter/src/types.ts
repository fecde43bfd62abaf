// Shared data shapes: what k6 hands to handleSummary, and what our own tools produce.
// Every producer (node-runner, rps-sweeper, db-bench, mem-monitor) and every consumer
// (console text, results JSON, HTML report) agrees on these.

/** One metric as k6 puts it in handleSummary data (see k6-golden/02-summary-data.json). */
export interface K6Metric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: 'default' | 'time' | 'data';
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** A check as listed in root_group / groups. */
export interface K6Check {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

/** A group in root_group. */
export interface K6Group {
  name: string;
  path: string;
  id: string;
  groups: K6Group[];
  checks: K6Check[];
}

/** The `data` argument of k6's handleSummary. */
export interface K6SummaryData {
  metrics: Record<string, K6Metric>;
  root_group: K6Group;
  options: { summaryTrendStats: string[]; summaryTimeUnit: string; noColor: boolean };
  state: { isStdOutTTY: boolean; isStdErrTTY: boolean; testRunDurationMs: number };
  setup_data?: unknown;
}

/** The verdict on one arrival-rate level of a sweep or probe. */
export interface SweepLevel {
  /** Scenario name, e.g. `probe_50`. */
  scenario: string;
  targetRps: number;
  /** null when the level's sub-metrics are missing from the data (reported as missing, not 0). */
  achievedRps: number | null;
  requests: number | null;
  failures: number | null;
  failureRate: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  droppedIterations: number;
  passed: boolean;
  /** Why the level failed (null when it passed). */
  reason: string | null;
  /** When the level started, seconds after the test started (k6 startTime); marks the memory timeline. */
  startSeconds?: number | null;
}

/** A whole sweep: the per-level verdicts and the conclusion drawn from them. */
export interface SweepResult {
  kind: 'rps_probe' | 'progress_probe' | 'adaptive';
  minTargetRps: number;
  maxTargetRps: number;
  stepRps: number;
  failureTolerance: number;
  p95SloMs: number | null;
  levels: SweepLevel[];
  /** Highest passing level before the first failing one. */
  highestPassingTarget: number | null;
  /** A level passed after an earlier level failed. */
  unstable: boolean;
  /** The load generator could not keep up: the ceiling is only a lower bound. */
  generatorSaturated: boolean;
  totalDurationSeconds: number | null;
  /** Wall-clock start of the test run (ISO 8601), to place levels on the memory timeline. */
  startedAt?: string | null;
}

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

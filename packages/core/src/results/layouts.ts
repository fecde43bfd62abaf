// The layouts of the results files, as written to disk (snake_case keys, the original's keys
// first). Each has a JSON Schema in packages/core/schemas/ (see RESULT_FILES).
import type { FailedThreshold } from '../k6-summary.js';
import type { CaseExplainJson } from './database.js';
import type { DbBenchAggregate, DbBenchSkip } from './measurements.js';
import type { LevelCause, LoadSummary, PhaseFailure } from './summaries.js';

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
  /** The rota-perf run that wrote the file (env RUN_ID); null outside rota-perf, absent in older files. */
  run_id?: string | null;
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
  failed_thresholds: FailedThreshold[];
  endpoints: LoadEndpointJson[];
  skipped_scenarios: { endpoint: string; label: string; missing: string[] }[];
}

/** One level in the results JSON: the original 7 keys, then the added evidence. */
export interface SweepLevelJson {
  scenario: string;
  target_rps: number;
  observed_rps: number | null;
  requests: number | null;
  failure_rate: number | null;
  failed_requests: number | null;
  passed: boolean;
  p95_ms: number | null;
  p99_ms: number | null;
  dropped_iterations: number;
  reason: string | null;
  start_seconds: number | null;
  /** The Little's-law and generator figures of the level (SweepLevel's, in snake case). */
  cause: LevelCause | null;
  max_vus: number | null;
  mean_latency_ms: number | null;
  concurrency: number | null;
  required_concurrency: number | null;
  generator_cpu_percent: number | null;
  event_loop_lag_ms: number | null;
  start_lag_ms: number | null;
}

/** `rps_results.json` / `progress_probe_results.json`. */
export interface SweepResultsJson {
  /** The rota-perf run that wrote the file (env RUN_ID); null outside rota-perf, absent in older files. */
  run_id?: string | null;
  min_target_rps: number;
  max_target_rps: number;
  step_rps: number;
  failure_tolerance: number;
  highest_passing_target: number | null;
  scenarios: SweepLevelJson[];
  total_duration_seconds?: number | null;
  unstable: boolean;
  generator_saturated: boolean;
  /** What held back the first failing level; null when none failed. */
  limited_by: LevelCause | null;
  ceiling_is_lower_bound: boolean;
  p95_slo_ms: number | null;
  started_at: string | null;
}

/** `adaptive_probe_results.json`: the sweep layout plus the search's conclusion and its runs. */
export interface AdaptiveResultsJson extends SweepResultsJson {
  ceiling: number | null;
  first_failure: number | null;
  confirmed: boolean | null;
  reached_max: boolean;
  exhausted: boolean;
  notes: string[];
  /** The runs in order; an interrupted one has phase `interrupted` and `passed` null. */
  runs: { phase: string; rate: number; passed: boolean | null }[];
}

/** `performance/progress_write_results.json`: the original 11 keys, then additions. */
export interface WriteResultsJson {
  /** The rota-perf run that wrote the file (env RUN_ID); null outside rota-perf, absent in older files. */
  run_id?: string | null;
  target_rps: number;
  warmup_duration: string;
  test_duration: string;
  cooldown_duration: string;
  failure_tolerance: number;
  observed_rps: number | null;
  observed_rps_plateau: number | null;
  total_requests: number | null;
  total_failures: number | null;
  failure_rate: number | null;
  passed: boolean;
  plateau_requests: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
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
  /** The per-iteration latencies (DbBenchCaseResult's); absent in files written before them. */
  samples_ms?: number[];
  /** With `--explain`: the statements the case ran, their plans, findings and waits. */
  explain?: CaseExplainJson;
}

/** `db_bench_results.json` (the original benchmark wrote the bare array of cases). */
export interface DbBenchResultsJson {
  cases: DbBenchJsonCase[];
  skipped: DbBenchSkip[];
  aggregate: DbBenchAggregate;
  calibration: DbBenchJsonCase[];
  context: Record<string, unknown>;
  environment: Record<string, unknown>;
}

// The per-second series of a run: what both engines yield (node-runner natively, the real k6
// through its `--out json` NDJSON), and what the report, `compare` and `merge` read. Plain
// JSON data; the bucketing itself is `SeriesRecorder` in `@rota-perf/core/series`.

/** The layout version of a series file; readers refuse versions they do not know. */
export const SERIES_VERSION = 1;

/** Latency statistics of one bucket, in milliseconds. */
export interface LatencyStats {
  count: number;
  mean: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** One second of one request name in one scenario (only buckets with requests exist). */
export interface SeriesRequestRow {
  /** Bucket index: whole seconds since `started_at`. */
  t: number;
  /** The `scenario` tag ('' when the sample has none). */
  scenario: string;
  /** The `name` tag (k6 sets the url tag to it too), else the url. */
  name: string;
  /** `http_reqs` in this second. */
  requests: number;
  /** `http_req_failed` passes: responses outside the expected statuses, and no response. */
  failed: number;
  /** Exact status code as text (`'0'` = no response) → count. */
  status: Record<string, number>;
  /** k6 `error_code` (e.g. `'1212'` refused, `'1050'` timeout) → count; `{}` when none. */
  error_codes: Record<string, number>;
  /** `http_req_duration` of this bucket. */
  duration_ms: LatencyStats;
  /**
   * The bucket's `http_req_duration` histogram (hdr-histogram-js compressed base64, integer
   * microseconds, 3 significant digits), so merge and compare add histograms exactly instead of
   * averaging percentiles. The report never needs it.
   */
  hdr: string;
}

/** One second of one scenario (only seconds with any activity exist). */
export interface SeriesScenarioRow {
  t: number;
  scenario: string;
  /** Completed iterations (`iterations`). */
  iterations: number;
  dropped_iterations: number;
  /** Bytes (k6 emits these per iteration, tagged by scenario, not by request name). */
  data_received: number;
  data_sent: number;
  checks_passed: number;
  checks_failed: number;
  /** Iterations per second the executor aimed at in this second (arrival-rate executors). */
  target_rate?: number;
}

/** A scenario's row of a second before anything is counted in it (the `t` is the caller's). */
export function emptyScenarioRow(scenario: string): Omit<SeriesScenarioRow, 't'> {
  return {
    scenario,
    iterations: 0,
    dropped_iterations: 0,
    data_received: 0,
    data_sent: 0,
    checks_passed: 0,
    checks_failed: 0,
  };
}

/** One second of the whole run. */
export interface SeriesSecondRow {
  t: number;
  /** k6 samples `vus` and `vus_max` once a second, for the whole run. */
  vus: number;
  vus_max: number;
  /** node-runner only: the load generator's CPU share (100 = one full core). */
  generator_cpu_percent?: number;
  /** node-runner only: the worst event-loop delay seen in this second. */
  generator_event_loop_lag_ms?: number;
}

/** A run's per-second series (`<script>_series.json` beside its results JSON). */
export interface RunSeries {
  version: typeof SERIES_VERSION;
  interval_seconds: 1;
  /** Wall-clock ISO time at which bucket 0 starts (the engine's test start). */
  started_at: string;
  engine: 'node-runner' | 'k6';
  requests: SeriesRequestRow[];
  scenarios: SeriesScenarioRow[];
  seconds: SeriesSecondRow[];
}

/** The series file of a script's run (`performance` → `performance_series.json`). */
export function seriesFileName(script: string): string {
  return `${script}_series.json`;
}

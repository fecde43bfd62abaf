// `comparison.json`: what `rota-perf compare` concluded about a candidate run against a
// baseline, written into the candidate's folder (or --out). The console table, the Markdown,
// the JUnit XML and the report's comparison section are all drawn from it. Snake-case keys as
// every results file; its JSON Schema is core/schemas/comparison.schema.json.

/** The layout version of comparison.json; readers refuse versions they do not know. */
export const COMPARISON_VERSION = 2;

/** A row's conclusion: the candidate is faster, slower, not measurably different, or unknown. */
export type ChangeVerdict = 'faster' | 'slower' | 'no_significant_change' | 'not_enough_data';

/** What a row compares: an endpoint over the plateau, a sweep level, a db-bench case. */
export type ComparisonRowKind = 'endpoint' | 'level' | 'db_bench_case';

/** The budgets a change is held to (fractions: 0.1 = 10 %, 0.005 = 0.5 percentage points). */
export interface ComparisonBudgets {
  /** Largest allowed relative increase of p95 latency. */
  max_p95_increase: number | null;
  /** Largest allowed increase of the error rate, in absolute terms (0.005 = 0.5 pp). */
  max_error_rate_increase: number | null;
  /** Largest allowed relative decrease of the achieved requests per second. */
  max_rps_decrease: number | null;
}

/** Which budget a check is of (a key of ComparisonBudgets). */
export type BudgetName = keyof ComparisonBudgets;

/** One run of the two: its folder and identity. */
export interface ComparisonSide {
  /** The results folder as given (absolute). */
  folder: string;
  run_id: string | null;
  command: string | null;
  script: string | null;
  target_url: string | null;
  started_at: string | null;
}

/** One metric of a row, on both sides, and whether the difference is significant. */
export interface MetricChange {
  baseline: number | null;
  candidate: number | null;
  /** candidate − baseline. */
  absolute_change: number | null;
  /** (candidate − baseline) / baseline; null when the baseline is 0 or missing. */
  relative_change: number | null;
  /**
   * Latencies: candidate / (baseline × (1 + the row's peer_shift)) − 1, the change the verdict
   * and the p95 budget judge; relative_change for the other metrics and rows judged raw.
   */
  relative_to_run: number | null;
  /** Two-sided Mann–Whitney U p-value over the per-second or per-iteration values, Holm-adjusted. */
  p_value: number | null;
  /** The adjusted p-value is below alpha. */
  significant: boolean;
}

/** One budget held against one row. */
export interface BudgetCheck {
  budget: BudgetName;
  /** The allowed change (a fraction, as in ComparisonBudgets). */
  limit: number;
  /** The change it was held against (relative for p95 and RPS, absolute for the error rate). */
  change: number | null;
  /** The change was judged significant (a budget is exceeded only by a significant change). */
  significant: boolean;
  exceeded: boolean;
}

/** One second of a row on one side, for the report's overlaid series. */
export interface ComparisonPoint {
  /** Seconds from the start of the row's window. */
  t: number;
  rps: number;
  p95_ms: number;
}

/** One compared endpoint, level or db-bench case. */
export interface ComparisonRow {
  kind: ComparisonRowKind;
  /** The endpoint's request name, the level's scenario, the case's name. */
  name: string;
  /** Values compared on each side: seconds (endpoints, levels) or iterations (db-bench cases). */
  samples: { baseline: number; candidate: number };
  /** Median relative p50 change of the row's peers (compare/run-shift.ts); null: judged raw. */
  peer_shift: number | null;
  p50_ms: MetricChange;
  p95_ms: MetricChange;
  p99_ms: MetricChange;
  /** Achieved requests (or, for a db-bench case, operations) per second. */
  rps: MetricChange;
  /** Failed requests / requests (0..1); null for db-bench cases. */
  error_rate: MetricChange;
  verdict: ChangeVerdict;
  budgets: BudgetCheck[];
  /** Per-second points of both sides (absent for db-bench cases). */
  series?: { baseline: ComparisonPoint[]; candidate: ComparisonPoint[] };
}

/** The highest passing targets of two sweeps. */
export interface CeilingComparison {
  /** The sweep's results file. */
  file: string;
  baseline: number | null;
  candidate: number | null;
  /** True when that side's ceiling is only a lower bound (its generator held it back). */
  baseline_lower_bound: boolean;
  candidate_lower_bound: boolean;
  /** One sentence: the change and what it can be trusted for. */
  note: string;
}

/** How rows were judged. */
export interface ComparisonSettings {
  test: 'mann-whitney-u';
  correction: 'holm';
  /** Significance level of the adjusted p-values. */
  alpha: number;
  /** Practical floor: a median change smaller than this (relative) is no change. */
  min_relative_change: number;
  /** Fewer values than this on either side: "not enough data". */
  min_samples: number;
  /** Each row judged against the drift of its peers; false: raw changes. */
  relative_to_run: boolean;
  /** Peers lie within this factor of a row's baseline median. */
  peer_ratio: number;
  /** With fewer peers a row is judged on its raw change. */
  min_peers: number;
}

/** `comparison.json`. */
export interface ComparisonJson {
  version: typeof COMPARISON_VERSION;
  created_at: string;
  baseline: ComparisonSide;
  candidate: ComparisonSide;
  settings: ComparisonSettings;
  budgets: { default: ComparisonBudgets; overrides: Record<string, Partial<ComparisonBudgets>> };
  rows: ComparisonRow[];
  /** Median relative p50 change over all rows of a kind: the whole run's drift (null: too few). */
  run_shift: { endpoint: number | null; db_bench_case: number | null };
  ceilings: CeilingComparison[];
  /** Budget checks exceeded, over all rows. */
  exceeded: number;
  /** 99 (thresholds) when a budget was exceeded, else 0. */
  exit_code: number;
  notes: string[];
}

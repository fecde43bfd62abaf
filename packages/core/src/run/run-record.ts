// The run record: `run.json` in every results folder, written by the orchestrator once a run
// ends (also when it was interrupted). It says which run produced the folder's files, with
// which settings, on what, and how it ended; the report's header and `compare` read it.

/** The layout version of run.json; readers refuse versions they do not know. */
export const RUN_RECORD_VERSION = 1;

/** The run record's file name in a results folder. */
export const RUN_RECORD_FILE = 'run.json';

/** How a run ended, in one word. */
export type RunVerdict = 'passed' | 'thresholds-crossed' | 'failed' | 'interrupted';

/** One threshold expression and whether the run satisfied it. */
export interface RunThreshold {
  /** The metric or sub-metric, as in the script (`http_req_duration{endpoint:trails_list}`). */
  metric: string;
  expression: string;
  passed: boolean;
}

/** A named check's totals. */
export interface RunCheck {
  name: string;
  passes: number;
  fails: number;
}

/** A stretch of the run's clock (warm-up, plateau, a sweep level), in seconds from its start. */
export interface RunPhase {
  name: string;
  start_seconds: number;
  end_seconds: number;
  /** Arrival rate the phase aims at, when it has one (a sweep level, the plateau). */
  target_rps?: number;
}

/** One load-generator instance of a run split into execution segments (merged runs). */
export interface RunInstance {
  id: string;
  /** The k6 execution segment, e.g. `0:1/3`. */
  segment: string;
  requests: number;
  /** Its share of the run's requests, 0..1. */
  share: number;
  /** Iterations it completed. */
  iterations: number;
  /** Its requests per second over its own series (null without requests). */
  achieved_rps: number | null;
}

/** `run.json`. Paths under `files` are relative to the results folder. */
export interface RunRecord {
  version: typeof RUN_RECORD_VERSION;
  /** Unique per run; also passed to the script as RUN_ID and stamped into its results JSON. */
  run_id: string;
  tool: { name: 'rota-perf'; version: string; git_commit: string | null };
  /** The command that ran (`bench`, `start`, `probe`, `db-bench`, `merge`). */
  command: string;
  /** The registry name of the k6 script, when one ran. */
  script: string | null;
  started_at: string;
  ended_at: string;
  duration_seconds: number;
  engine: { kind: 'k6' | 'node-runner'; version: string } | null;
  /** The target without credentials (user:password and secrets in the query are removed). */
  target: { url: string; embedded: boolean; fixture?: string } | null;
  /** Every effective script variable (defaults filled in); secrets masked as `***`. */
  variables: Record<string, string>;
  host: {
    hostname: string;
    platform: string;
    cpus: number;
    cpu_model: string;
    memory_bytes: number;
    /** 1, 5 and 15-minute load averages when the run started. */
    load_average: [number, number, number];
    node: string;
  };
  exit_code: number;
  interrupted: boolean;
  verdict: RunVerdict;
  thresholds: RunThreshold[];
  checks: RunCheck[];
  /** HTTP status code as text (`'0'` = no response) → requests, over the whole run. */
  status_codes: Record<string, number>;
  dropped_iterations: number;
  rate: {
    /** What the script aimed at (TARGET_RPS total over its scenarios), when it has one. */
    target_rps: number | null;
    achieved_rps: number | null;
    plateau_rps: number | null;
  };
  files: {
    results: string | null;
    series: string | null;
    memory_csv: string | null;
    report: string | null;
    /** The real k6's `--out json` stream, when k6 ran. */
    ndjson: string | null;
    others: string[];
  };
  phases: RunPhase[];
  instances: RunInstance[];
  notes: string[];
}

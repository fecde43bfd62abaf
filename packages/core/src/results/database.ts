// What PostgreSQL says about a workload, as written to disk: EXPLAIN plans (db-bench
// `--explain`), wait events sampled from pg_stat_activity, and pg_stat_statements deltas of a
// load run (`database_insights.json`). Produced by pg-insights; shown by report-formatter.

/** One node of an EXPLAIN (ANALYZE, BUFFERS) plan, without costs; children in plan order. */
export interface PlanNodeJson {
  node_type: string;
  /** e.g. `Inner` for a join, `Hashed`/`Sorted` for an aggregate; null when the plan has none. */
  strategy: string | null;
  relation: string | null;
  index: string | null;
  /** Index Cond, Hash Cond, Join Filter, Filter, Recheck Cond (joined with `; `), or null. */
  condition: string | null;
  /** The planner's estimate per loop. */
  estimated_rows: number;
  /** Rows per loop, as executed. */
  actual_rows: number | null;
  loops: number | null;
  /** Rows read and thrown away by a filter, all loops. */
  rows_removed: number | null;
  /** Inclusive time of the node, all loops, ms. */
  actual_total_ms: number | null;
  shared_hit_blocks: number | null;
  shared_read_blocks: number | null;
  temp_written_blocks: number | null;
  /** `Memory` or `Disk` (sorts), or null. */
  sort_space_type: string | null;
  /** Batches of a hash node (more than 1: it spilled to disk), or null. */
  hash_batches: number | null;
  children: PlanNodeJson[];
}

/** Something in a plan a person looks for. */
export interface PlanFindingJson {
  kind: 'seq_scan_large' | 'row_estimate_off' | 'disk_spill' | 'nested_loop_large';
  /** Index of the statement in the case (0-based). */
  statement: number;
  /** The node, e.g. `Seq Scan on user_item_progress`. */
  node: string;
  /** One line with the figures, e.g. `read 36,112 rows, kept 12`. */
  detail: string;
}

/** One statement a repository method ran, explained. */
export interface ExplainedStatementJson {
  /** The statement as the driver sent it (placeholders `$1`…). */
  sql: string;
  /** Its parameters as sent (JSON values). */
  parameters: unknown[];
  planning_ms: number | null;
  execution_ms: number | null;
  /** Top node's shared buffer hits/reads (they include the children's). */
  shared_hit_blocks: number | null;
  shared_read_blocks: number | null;
  /** Hash of the plan's shape (node types, relations, indexes, join types); no costs or values. */
  fingerprint: string;
  plan: PlanNodeJson;
  findings: PlanFindingJson[];
}

/** How often sampled backends waited on what (`Lock:transactionid`; `CPU` = not waiting). */
export interface WaitEventCountJson {
  event: string;
  samples: number;
}

/** The samples of one statement. */
export interface StatementWaitsJson {
  /** pg_stat_statements/pg_stat_activity query id (as text), null when the server gives none. */
  query_id: string | null;
  /** The statement's text (route tag removed), shortened. */
  query: string;
  route: string | null;
  /** Backend samples running this statement. */
  samples: number;
  /** Of those, samples waiting on something (not CPU). */
  waiting: number;
  events: WaitEventCountJson[];
}

/** Wait events sampled from pg_stat_activity on one connection. */
export interface WaitSummaryJson {
  interval_ms: number;
  /** Sampling rounds taken. */
  rounds: number;
  /** Active backends seen over all rounds. */
  backend_samples: number;
  /** True when the sampler stopped at its bound before the run ended. */
  truncated: boolean;
  /** Over every statement, most frequent first. */
  events: WaitEventCountJson[];
  /** Per statement, most sampled first. */
  statements: StatementWaitsJson[];
}

/** db-bench `--explain`: what one case's repository method ran and what PostgreSQL did. */
export interface CaseExplainJson {
  /** Hash of the case's statement fingerprints in order: a change means a plan changed. */
  fingerprint: string;
  /**
   * `custom`: planned with the parameter values (EXPLAIN with bound parameters); `generic`: the
   * plan a `plan_cache_mode=force_generic_plan` session runs (PREPARE, then EXPLAIN EXECUTE).
   */
  plan_mode: 'custom' | 'generic';
  statements: ExplainedStatementJson[];
  /** Every statement's findings. */
  findings: PlanFindingJson[];
  /** Sampled during the case's measured phase (null when not sampled). */
  waits: WaitSummaryJson | null;
  /** Why the case could not be explained (its figures above still stand), else null. */
  error: string | null;
}

/** One statement's activity between two pg_stat_statements snapshots. */
export interface StatementStatJson {
  query_id: string;
  /** Normalised text as pg_stat_statements keeps it, route tag removed. */
  query: string;
  route: string | null;
  calls: number;
  total_ms: number;
  mean_ms: number;
  rows: number;
  shared_hit_blocks: number;
  shared_read_blocks: number;
  /** Of the total time of every statement in the delta (0..1). */
  share_of_total: number;
}

/** The statements one route caused. */
export interface RouteStatementsJson {
  /** As the API tagged it, e.g. `GET /trails/:trailId`. */
  route: string;
  calls: number;
  total_ms: number;
  /** Most total time first; `share_of_total` is here the share of the route's statement time. */
  statements: StatementStatJson[];
}

/** `database_insights.json`: what PostgreSQL recorded while a load run ran. */
export interface DatabaseInsightsJson {
  run_id?: string | null;
  started_at: string;
  finished_at: string;
  /** The database, password removed. */
  database: { url: string; embedded: boolean; server_version: string | null };
  statements: {
    available: boolean;
    /**
     * One line: what is missing and how to enable it; null when nothing is. Set while
     * `available` too when only part is there (e.g. other roles' statements are hidden).
     */
    missing: string | null;
    /** Statements that ran during the run (before `top` keeps the first ones). */
    statements_seen: number;
    total_ms: number;
    /** By total time. */
    top: StatementStatJson[];
    /** Per route tag, most statement time first. */
    routes: RouteStatementsJson[];
  };
  waits: {
    available: boolean;
    /** As `statements.missing`. */
    missing: string | null;
    summary: WaitSummaryJson | null;
  };
}

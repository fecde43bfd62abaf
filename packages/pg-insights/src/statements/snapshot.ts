// pg_stat_statements counters of the current database at one moment (cumulative since the
// last reset; a run's figures are the difference of two snapshots).
import type postgres from 'postgres';
import { INSIGHTS_MARKER } from '../connection.js';

/** One statement's cumulative counters. */
export interface StatementCounters {
  /** userid, queryid and toplevel: pg_stat_statements' key within one database. */
  key: string;
  queryId: string;
  query: string;
  calls: number;
  totalMs: number;
  rows: number;
  sharedHit: number;
  sharedRead: number;
}

/** A snapshot, by key. */
export type StatementSnapshot = Map<string, StatementCounters>;

/** Reads every statement of the current database, pg-insights' own left out. */
export async function takeStatementSnapshot(sql: postgres.Sql): Promise<StatementSnapshot> {
  const rows = await sql<
    {
      key: string;
      query_id: string;
      query: string | null;
      calls: number;
      total_ms: number;
      rows: number;
      hit: number;
      read: number;
    }[]
  >`
    select userid::text || ':' || queryid::text || ':' || toplevel::text as key,
           queryid::text as query_id, query, calls::float8 as calls,
           total_exec_time as total_ms, rows::float8 as rows,
           shared_blks_hit::float8 as hit, shared_blks_read::float8 as read
    from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and queryid is not null
      and query not like ${`%${INSIGHTS_MARKER}`} /*rota-perf:insights*/`;
  const snapshot: StatementSnapshot = new Map();
  for (const r of rows) {
    snapshot.set(r.key, {
      key: r.key,
      queryId: r.query_id,
      // Another role's text is hidden (null) without pg_read_all_stats.
      query: r.query ?? '<insufficient privilege>',
      calls: r.calls,
      totalMs: r.total_ms,
      rows: r.rows,
      sharedHit: r.hit,
      sharedRead: r.read,
    });
  }
  return snapshot;
}

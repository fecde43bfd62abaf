// What ran between two pg_stat_statements snapshots: the statements by total time, and per
// route tag the statements that route caused.
import type { RouteStatementsJson, StatementStatJson } from '@rota-perf/core';
import { routeOfStatement, untagStatement } from '../route-tag.js';
import type { StatementCounters, StatementSnapshot } from './snapshot.js';

/** Statement counters over an interval (no share yet). */
export type StatementDelta = Omit<StatementCounters, 'key'>;

/**
 * `after - before` per statement, for statements that ran in between. A statement whose calls
 * went down was evicted or reset meanwhile: its counters after are all of the interval's.
 */
export function diffSnapshots(
  before: StatementSnapshot,
  after: StatementSnapshot,
): StatementDelta[] {
  const deltas: StatementDelta[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    const fresh = was === undefined || now.calls < was.calls;
    const base = fresh ? null : was;
    const delta = {
      queryId: now.queryId,
      query: now.query,
      calls: now.calls - (base?.calls ?? 0),
      totalMs: now.totalMs - (base?.totalMs ?? 0),
      rows: now.rows - (base?.rows ?? 0),
      sharedHit: now.sharedHit - (base?.sharedHit ?? 0),
      sharedRead: now.sharedRead - (base?.sharedRead ?? 0),
    };
    if (delta.calls > 0) deltas.push(delta);
  }
  return deltas;
}

/** The statement figures of a run, as `database_insights.json` holds them. */
export interface StatementSummary {
  statements_seen: number;
  total_ms: number;
  top: StatementStatJson[];
  routes: RouteStatementsJson[];
}

const byTotalTime = (a: { total_ms: number }, b: { total_ms: number }) => b.total_ms - a.total_ms;

function statOf(delta: StatementDelta, whole: number): StatementStatJson {
  return {
    query_id: delta.queryId,
    query: untagStatement(delta.query),
    route: routeOfStatement(delta.query),
    calls: delta.calls,
    total_ms: delta.totalMs,
    mean_ms: delta.calls > 0 ? delta.totalMs / delta.calls : 0,
    rows: delta.rows,
    shared_hit_blocks: delta.sharedHit,
    shared_read_blocks: delta.sharedRead,
    share_of_total: whole > 0 ? Math.min(1, delta.totalMs / whole) : 0,
  };
}

/**
 * The `top` statements by total time (share of every statement's time), and every route's
 * statements (share of that route's statement time), routes by statement time.
 */
export function summariseStatements(deltas: readonly StatementDelta[], top = 25): StatementSummary {
  const total = deltas.reduce((sum, d) => sum + d.totalMs, 0);
  const stats = deltas.map((d) => statOf(d, total)).sort(byTotalTime);
  const perRoute = new Map<string, StatementDelta[]>();
  for (const d of deltas) {
    const route = routeOfStatement(d.query);
    if (route === null) continue;
    perRoute.set(route, [...(perRoute.get(route) ?? []), d]);
  }
  const routes = [...perRoute].map(([route, list]): RouteStatementsJson => {
    const routeTotal = list.reduce((sum, d) => sum + d.totalMs, 0);
    return {
      route,
      calls: list.reduce((sum, d) => sum + d.calls, 0),
      total_ms: routeTotal,
      statements: list.map((d) => statOf(d, routeTotal)).sort(byTotalTime),
    };
  });
  return {
    statements_seen: deltas.length,
    total_ms: total,
    top: stats.slice(0, top),
    routes: routes.sort(byTotalTime),
  };
}

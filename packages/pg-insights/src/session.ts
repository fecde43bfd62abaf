// Everything PostgreSQL records about one load run, on one connection: a pg_stat_statements
// snapshot before, wait samples during, a snapshot after, reduced to `database_insights.json`.
// What the server does not allow is said in one line each; the run goes on without it.
import type { DatabaseInsightsJson, WaitSummaryJson } from '@rota-perf/core';
import { probePostgres } from '@rota-perf/core/node';
import type postgres from 'postgres';
import { openInsightsClient, reasonOf, redactDatabaseUrl } from './connection.js';
import { routeOfStatement, untagStatement } from './route-tag.js';
import { checkStatisticsAccess, type StatisticsAccess } from './statements/availability.js';
import { diffSnapshots, summariseStatements } from './statements/delta.js';
import { type StatementSnapshot, takeStatementSnapshot } from './statements/snapshot.js';
import { startWaitSampler, type WaitSampler } from './waits/sampler.js';
import { shortenStatement } from './waits/tally.js';

/** Options of `startDatabaseInsights`. */
export interface DatabaseInsightsOptions {
  /** The database the target uses (its role needs pg_read_all_stats to see every session). */
  url: string;
  /** The toolkit started it (the report says so). */
  embedded: boolean;
  /** The run's id, written into the file. */
  runId?: string | null;
  /** Wait sampling interval, ms (default 500). */
  intervalMs?: number;
  /** Statements kept in `top` (default 25). */
  top?: number;
  /** Stops the wait sampling early (the snapshot after is still taken by `stop()`). */
  signal?: AbortSignal;
}

/** Insights being collected. */
export interface DatabaseInsights {
  /** What is missing, one line each (empty when everything is there): print them now. */
  missing: string[];
  /** Ends sampling, takes the snapshot after, closes the connection, returns the document. */
  stop(): Promise<DatabaseInsightsJson>;
}

const unavailable = (missing: string) => ({ available: false, missing });

/** Connects and starts collecting; never throws for what the server lacks or refuses. */
export async function startDatabaseInsights(
  options: DatabaseInsightsOptions,
): Promise<DatabaseInsights> {
  const startedAt = new Date().toISOString();
  const cannotQuery = (reason: string) => {
    const absent = unavailable(
      `no database figures: cannot query ${redactDatabaseUrl(options.url)} (${reason})`,
    );
    return closedSession(options, startedAt, {
      serverVersion: null,
      statements: absent,
      waits: absent,
    });
  };
  // One attempt first: the driver's pool would reconnect without pause to a foreign server.
  const problem = await probePostgres(options.url, { signal: options.signal }).catch(reasonOf);
  if (problem !== null) return cannotQuery(problem);
  const sql = openInsightsClient(options.url);
  let access: StatisticsAccess;
  try {
    access = await checkStatisticsAccess(sql);
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    return cannotQuery(reasonOf(error));
  }
  let before: StatementSnapshot | null = null;
  if (access.statements.available) {
    before = await takeStatementSnapshot(sql).catch((error: unknown) => {
      access.statements = unavailable(`pg_stat_statements cannot be read: ${reasonOf(error)}`);
      return null;
    });
  }
  const sampler = startWaitSampler(sql, {
    intervalMs: options.intervalMs,
    signal: options.signal,
  });
  const missing = [access.statements.missing, access.waits.missing].filter(
    (line, i, all): line is string => line !== null && all.indexOf(line) === i,
  );
  return {
    missing,
    stop: () => finish(sql, sampler, before, access, options, startedAt),
  };
}

async function finish(
  sql: postgres.Sql,
  sampler: WaitSampler,
  before: StatementSnapshot | null,
  access: StatisticsAccess,
  options: DatabaseInsightsOptions,
  startedAt: string,
): Promise<DatabaseInsightsJson> {
  try {
    const waits = await sampler.stop();
    let statements = summariseStatements([], options.top);
    if (before !== null) {
      try {
        const after = await takeStatementSnapshot(sql);
        statements = summariseStatements(diffSnapshots(before, after), options.top);
        nameSampledStatements(waits, after);
      } catch (error) {
        access.statements = unavailable(`pg_stat_statements cannot be read: ${reasonOf(error)}`);
      }
    }
    return document(options, startedAt, access, statements, {
      ...access.waits,
      summary: waits,
    });
  } finally {
    await sql.end({ timeout: 5 }).catch(() => {});
  }
}

// pg_stat_activity cuts long statements (track_activity_query_size), route comment included;
// pg_stat_statements has the whole text under the same query id.
function nameSampledStatements(waits: WaitSummaryJson, after: StatementSnapshot): void {
  const byId = new Map([...after.values()].map((c) => [c.queryId, c.query]));
  for (const statement of waits.statements) {
    const full = statement.query_id === null ? undefined : byId.get(statement.query_id);
    if (full === undefined) continue;
    statement.route = routeOfStatement(full);
    statement.query = shortenStatement(untagStatement(full));
  }
}

function document(
  options: DatabaseInsightsOptions,
  startedAt: string,
  access: StatisticsAccess,
  statements: ReturnType<typeof summariseStatements>,
  waits: DatabaseInsightsJson['waits'],
): DatabaseInsightsJson {
  return {
    run_id: options.runId ?? null,
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    database: {
      url: redactDatabaseUrl(options.url),
      embedded: options.embedded,
      server_version: access.serverVersion,
    },
    statements: { ...access.statements, ...statements },
    waits,
  };
}

// The database could not be queried at all: the document says so and nothing else.
function closedSession(
  options: DatabaseInsightsOptions,
  startedAt: string,
  access: StatisticsAccess,
): DatabaseInsights {
  return {
    missing: [access.statements.missing as string],
    stop: async () =>
      document(options, startedAt, access, summariseStatements([]), {
        ...access.waits,
        summary: null,
      }),
  };
}

// Whether pg_stat_statements can be read on this database, and when not, one line saying what
// is missing and how to enable it. Installs the extension when the role may.
import type postgres from 'postgres';
import { reasonOf } from '../connection.js';

/** What the server allows pg-insights to see. */
export interface StatisticsAccess {
  serverVersion: string | null;
  statements: { available: boolean; missing: string | null };
  /** pg_stat_activity is always there; other roles' rows hide their query and wait event. */
  waits: { available: boolean; missing: string | null };
}

interface PgError {
  code?: string;
}
const codeOf = (error: unknown) => (error as PgError).code;

// Figures pg-insights reads (`toplevel`, `total_exec_time`, `query_id`) need 14 or newer.
const MIN_VERSION = 140000;

async function ensureExtension(sql: postgres.Sql, database: string, role: string) {
  const installed = await sql`
    select 1 from pg_extension where extname = 'pg_stat_statements' /*rota-perf:insights*/`;
  if (installed.length > 0) return null;
  try {
    await sql`create extension if not exists pg_stat_statements /*rota-perf:insights*/`;
    return null;
  } catch (error) {
    if (codeOf(error) === '58P01' || codeOf(error) === '0A000') {
      return 'the server has no pg_stat_statements extension: install PostgreSQL’s contrib package, add pg_stat_statements to shared_preload_libraries and restart';
    }
    return `pg_stat_statements is not installed in database "${database}" and role "${role}" cannot install it (${reasonOf(error)}): run CREATE EXTENSION pg_stat_statements; as a superuser`;
  }
}

async function canRead(sql: postgres.Sql, role: string) {
  try {
    await sql`select 1 from pg_stat_statements limit 1 /*rota-perf:insights*/`;
    return null;
  } catch (error) {
    if (codeOf(error) === '55000') {
      return 'pg_stat_statements is not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server';
    }
    if (codeOf(error) === '42501') {
      return `role "${role}" may not read pg_stat_statements: GRANT pg_read_all_stats TO "${role}"`;
    }
    return `pg_stat_statements cannot be read: ${reasonOf(error)}`;
  }
}

/** Checks (and installs, when it may) what the statement figures and the wait samples need. */
export async function checkStatisticsAccess(sql: postgres.Sql): Promise<StatisticsAccess> {
  const [info] = await sql<
    { version: string; version_num: number; database: string; role: string; sees_all: boolean }[]
  >`
    select current_setting('server_version') as version,
           current_setting('server_version_num')::int as version_num,
           current_database() as database, current_user as role,
           (select rolsuper from pg_roles where rolname = current_user)
             or pg_has_role(current_user, 'pg_read_all_stats', 'member') as sees_all /*rota-perf:insights*/`;
  if (!info) throw new Error('the server answered no row');
  const hidden = info.sees_all
    ? null
    : `role "${info.role}" sees only its own sessions' statements: GRANT pg_read_all_stats TO "${info.role}" to see every role's`;
  const waits = { available: true, missing: hidden };
  if (info.version_num < MIN_VERSION) {
    const missing = `statement figures need PostgreSQL 14 or newer (the server is ${info.version})`;
    return { serverVersion: info.version, statements: { available: false, missing }, waits };
  }
  const problem =
    (await ensureExtension(sql, info.database, info.role)) ?? (await canRead(sql, info.role));
  return {
    serverVersion: info.version,
    statements: { available: problem === null, missing: problem ?? hidden },
    waits,
  };
}

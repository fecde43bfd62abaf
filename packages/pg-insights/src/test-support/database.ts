// A throwaway embedded PostgreSQL for a test file (with pg_stat_statements loaded, or not).
import { STATEMENT_STATISTICS_SETTINGS, startEmbeddedDatabase } from '@rota-perf/rota-db';
import postgres from 'postgres';

/** A running test server and a client on it. */
export interface TestServer {
  url: string;
  sql: postgres.Sql;
  stop(): Promise<void>;
}

/** Starts a server; `statistics` preloads pg_stat_statements. */
export async function startTestServer(statistics: boolean): Promise<TestServer> {
  const pg = await startEmbeddedDatabase(
    statistics ? { settings: STATEMENT_STATISTICS_SETTINGS } : {},
  );
  const sql = postgres(pg.url, { max: 4, onnotice: () => {} });
  return {
    url: pg.url,
    sql,
    async stop() {
      await sql.end({ timeout: 5 });
      await pg.stop();
    },
  };
}

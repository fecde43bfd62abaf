import { InterruptedError, UsageError } from '@rota-perf/core';
import {
  type Connection,
  connect,
  type EmbeddedDatabase,
  migrate,
  RotaDbError,
  STATEMENT_STATISTICS_SETTINGS,
  type StatementObserver,
  seedFixture,
  startEmbeddedDatabase,
} from '@rota-perf/rota-db';
import type { DbBenchOptions } from './args.js';

/** The database a run talks to, and how to let go of it. */
export interface BenchTarget {
  url: string;
  embedded: boolean;
  connection: Connection;
  release(): Promise<void>;
}

/**
 * Connects to `--database-url`/DATABASE_URL, or starts an embedded PostgreSQL, migrates it
 * and seeds the lookups and the chosen fixture. An unreachable database is a usage error; an
 * interrupt while the embedded one starts stops it again and throws InterruptedError.
 */
export async function openTarget(
  options: DbBenchOptions,
  status: (line: string) => void,
  signal: AbortSignal,
  onStatement?: StatementObserver,
): Promise<BenchTarget> {
  const poolSize = options.concurrency + 1;
  const connectTo = (url: string) => connectOrExplain(url, poolSize, onStatement);
  if (options.databaseUrl !== null) {
    const connection = await connectTo(options.databaseUrl);
    return {
      url: options.databaseUrl,
      embedded: false,
      connection,
      release: () => connection.close(),
    };
  }
  status('Starting an embedded PostgreSQL...');
  // With --explain, query ids in pg_stat_activity tell the sampled statements apart.
  const pg = await startEmbeddedDatabase(
    options.explain ? { settings: STATEMENT_STATISTICS_SETTINGS } : {},
  );
  let connection: Connection | undefined;
  const checkpoint = () => {
    if (signal.aborted) throw new InterruptedError('interrupted while preparing the database');
  };
  try {
    checkpoint();
    await migrate(pg.url);
    connection = await connectTo(pg.url);
    checkpoint();
    status(`Seeding the ${options.fixture} fixture...`);
    await seedFixture(connection.db, options.fixture);
    checkpoint();
  } catch (error) {
    await connection?.close();
    await pg.stop();
    throw error;
  }
  const opened = connection;
  return { url: pg.url, embedded: true, connection: opened, release: () => closeBoth(opened, pg) };
}

async function closeBoth(connection: Connection, pg: EmbeddedDatabase): Promise<void> {
  try {
    await connection.close();
  } finally {
    await pg.stop();
  }
}

async function connectOrExplain(
  url: string,
  max: number,
  onStatement: StatementObserver | undefined,
): Promise<Connection> {
  try {
    return await connect(url, { max, connectTimeoutSeconds: 10, onStatement });
  } catch (error) {
    if (error instanceof RotaDbError) throw new UsageError(error.message);
    throw error;
  }
}

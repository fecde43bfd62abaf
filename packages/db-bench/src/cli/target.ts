import {
  type Connection,
  connect,
  type EmbeddedDatabase,
  migrate,
  RotaDbError,
  seedFixture,
  startEmbeddedDatabase,
} from '@rota-perf/rota-db';
import type { DbBenchOptions } from './args.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { UsageError } from './usage-error.js';

/** The database a run talks to, and how to let go of it. */
export interface BenchTarget {
  url: string;
  embedded: boolean;
  connection: Connection;
  release(): Promise<void>;
}

/**
 * Connects to `--database-url`/DATABASE_URL, or starts an embedded PostgreSQL, migrates it
 * and seeds the lookups and the chosen fixture. An unreachable database is a usage error.
 */
export async function openTarget(
  options: DbBenchOptions,
  status: (line: string) => void,
): Promise<BenchTarget> {
  const poolSize = options.concurrency + 1;
  if (options.databaseUrl !== null) {
    const connection = await connectOrExplain(options.databaseUrl, poolSize);
    return {
      url: options.databaseUrl,
      embedded: false,
      connection,
      release: () => connection.close(),
    };
  }
  status('Starting an embedded PostgreSQL...');
  const pg = await startEmbeddedDatabase();
  let connection: Connection | undefined;
  const release = cleanUpOnInterrupt(() => pg.stop());
  try {
    await migrate(pg.url);
    connection = await connectOrExplain(pg.url, poolSize);
    status(`Seeding the ${options.fixture} fixture...`);
    await seedFixture(connection.db, options.fixture);
  } catch (error) {
    await connection?.close();
    await pg.stop();
    throw error;
  } finally {
    release();
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

async function connectOrExplain(url: string, max: number): Promise<Connection> {
  try {
    return await connect(url, { max, connectTimeoutSeconds: 10 });
  } catch (error) {
    if (error instanceof RotaDbError) throw new UsageError(error.message);
    throw error;
  }
}

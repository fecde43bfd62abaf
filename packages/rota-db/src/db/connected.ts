import type { FixtureOptions, FixturePreset } from '../fixture/options.js';
import { seedFixture } from '../fixture/seed.js';
import { seedLookups } from '../seed/lookups.js';
import { type Connection, connect } from './connect.js';
import {
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  startEmbeddedDatabase,
} from './embedded.js';
import { migrate } from './migrate.js';

/** An embedded, migrated and seeded PostgreSQL with an open pool. */
export interface ConnectedDatabase extends Connection {
  pg: EmbeddedDatabase;
  url: string;
  /** Closes the pool and stops postgres. */
  dispose(): Promise<void>;
}

/** What to seed and how large a pool to open. */
export interface ConnectedDatabaseOptions {
  /** Pool size (default 5). */
  max?: number;
  /** A content fixture to load; without one only the lookups are seeded. */
  fixture?: FixturePreset | FixtureOptions;
  /** Extra server settings (e.g. `STATEMENT_STATISTICS_SETTINGS`). */
  settings?: EmbeddedDatabaseOptions['settings'];
}

/**
 * Starts an embedded PostgreSQL, migrates it, seeds it and opens a pool: the database a test or
 * a benchmark works on. Postgres is stopped again when any step fails.
 */
export async function startConnectedDatabase(
  options: ConnectedDatabaseOptions = {},
): Promise<ConnectedDatabase> {
  const pg = await startEmbeddedDatabase({ settings: options.settings });
  let connection: Connection | undefined;
  try {
    await migrate(pg.url);
    connection = await connect(pg.url, { max: options.max ?? 5 });
    if (options.fixture === undefined) await seedLookups(connection.db);
    else await seedFixture(connection.db, options.fixture);
  } catch (error) {
    await connection?.close();
    await pg.stop();
    throw error;
  }
  const pool = connection;
  return {
    ...pool,
    pg,
    url: pg.url,
    async dispose() {
      await pool.close();
      await pg.stop();
    },
  };
}

import { type Connection, connect } from '../db/connect.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { seedLookups } from '../seed/lookups.js';

/** One embedded, migrated, lookup-seeded database per test file. */
export interface TestDatabase extends Connection {
  pg: EmbeddedDatabase;
  url: string;
  /** Closes the pool and stops postgres. */
  dispose(): Promise<void>;
}

/** Starts, migrates and seeds lookups; call from beforeAll. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const pg = await startEmbeddedDatabase();
  try {
    await migrate(pg.url);
    const connection = await connect(pg.url, { max: 5 });
    await seedLookups(connection.db);
    return {
      ...connection,
      pg,
      url: pg.url,
      async dispose() {
        await connection.close();
        await pg.stop();
      },
    };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}

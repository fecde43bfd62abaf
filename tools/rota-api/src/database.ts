import * as rotaDb from '@rota-perf/rota-db';

/** The fixture presets of rota-db. */
export type FixturePreset = rotaDb.FixturePreset;

/** A database ready for the API, and how to release it. */
export interface PreparedDatabase {
  url: string;
  /** Stops the embedded cluster (no-op for an external database). */
  stop(): Promise<void>;
}

/** Migrates, seeds lookups and (when `fixture` is given) loads a content fixture. */
export async function prepareSchema(url: string, fixture?: FixturePreset): Promise<void> {
  await rotaDb.migrate(url);
  const connection = await rotaDb.connect(url, { max: 1 });
  try {
    await rotaDb.seedLookups(connection.db);
    // Idempotent: a fixture already present is not written again.
    if (fixture) await rotaDb.seedFixture(connection.db, fixture);
  } finally {
    await connection.close();
  }
}

/** Starts an embedded PostgreSQL, migrates it and seeds it. */
export async function startPreparedDatabase(fixture?: FixturePreset): Promise<PreparedDatabase> {
  const embedded = await rotaDb.startEmbeddedDatabase();
  try {
    await prepareSchema(embedded.url, fixture);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, stop: () => embedded.stop() };
}

import * as rotaDb from '@rota-perf/rota-db';

/** The fixture presets of rota-db. */
export type FixturePreset = 'small' | 'large';

/** A database ready for the API, and how to release it. */
export interface PreparedDatabase {
  url: string;
  /** Stops the embedded cluster (no-op for an external database). */
  stop(): Promise<void>;
}

type FixtureLoader = (db: unknown, preset: FixturePreset) => Promise<unknown>;

// rota-db exports its fixture loader under this name; looked up at run time so that the API
// builds against rota-db versions that predate the fixture.
function fixtureLoader(): FixtureLoader | undefined {
  const candidate = (rotaDb as Record<string, unknown>).seedFixture;
  return typeof candidate === 'function' ? (candidate as FixtureLoader) : undefined;
}

/** Migrates, seeds lookups and (when `fixture` is given) loads a content fixture. */
export async function prepareSchema(url: string, fixture?: FixturePreset): Promise<void> {
  await rotaDb.migrate(url);
  const connection = await rotaDb.connect(url, { max: 1 });
  try {
    await rotaDb.seedLookups(connection.db);
    const load = fixtureLoader();
    if (fixture && load) await load(connection.db, fixture);
    else if (fixture) throw new Error('rota-db does not export seedFixture: cannot load a fixture');
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

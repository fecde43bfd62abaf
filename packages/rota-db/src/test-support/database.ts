import { afterAll, beforeAll } from 'vitest';
import { type ConnectedDatabase, startConnectedDatabase } from '../db/connected.js';

/** One embedded, migrated, lookup-seeded database per test file. */
export type TestDatabase = ConnectedDatabase;

/** Starts, migrates and seeds lookups; call from beforeAll. */
export function startTestDatabase(): Promise<TestDatabase> {
  return startConnectedDatabase({ max: 5 });
}

/**
 * Registers beforeAll/afterAll that start and dispose a test database. The returned object is
 * empty until beforeAll has run; from the first test on it is the database.
 */
export function useTestDatabase(): TestDatabase {
  const t = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(t, await startTestDatabase());
  });
  afterAll(async () => {
    await t.dispose?.();
  });
  return t;
}

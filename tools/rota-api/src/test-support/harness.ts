import { afterAll, beforeAll } from 'vitest';
import { type PreparedDatabase, startPreparedDatabase } from '../database.js';
import { type ListenOptions, listenRotaApi, type RunningApi } from '../server.js';
import { seedTestContent, type TestContent } from './content.js';

/** Known secrets so tests can forge and verify tokens. */
export const TEST_ENV = {
  JWT_SECRET: 'rota-api-test-secret-0123456789',
  CSRF_SECRET: 'rota-api-test-csrf-secret-0123',
  AUTH_RATE_LIMIT_MAX_ATTEMPTS: '1000',
};

/** One embedded database with test content and one in-process server, per test file. */
export interface Harness {
  db: PreparedDatabase;
  api: RunningApi;
  url: string;
  content: TestContent;
  stop(): Promise<void>;
}

/** Starts PostgreSQL, migrates, seeds lookups + test content, and listens on a free port. */
export async function startHarness(
  env: Record<string, string> = {},
  listen: Pick<ListenOptions, 'rateLimiter'> = {},
): Promise<Harness> {
  const db = await startPreparedDatabase();
  try {
    const content = await seedTestContent(db.url);
    const api = await listenRotaApi({
      ...listen,
      databaseUrl: db.url,
      env: { ...TEST_ENV, ...env },
    });
    return {
      db,
      api,
      url: api.url,
      content,
      async stop() {
        await api.close();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/**
 * Registers beforeAll/afterAll that start and stop a harness for the test file. The returned
 * object is empty until beforeAll has run; from the first test on it is the harness.
 */
export function useHarness(...args: Parameters<typeof startHarness>): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(...args));
  });
  afterAll(async () => {
    await h.stop?.();
  });
  return h;
}

import { resolveConfig } from './config.js';
import {
  type FixturePreset,
  type PreparedDatabase,
  prepareSchema,
  startPreparedDatabase,
} from './database.js';
import { listenRotaApi } from './server.js';

/** Options shared by `startRotaApi`, the child process and the `rota-api` command. */
export interface BootOptions {
  /** An existing database (migrated and seeded here); default: an embedded PostgreSQL. */
  databaseUrl?: string;
  port?: number;
  host?: string;
  tls?: boolean;
  /** Content fixture for the embedded database (default `small`). */
  fixture?: FixturePreset;
  env?: Record<string, string | undefined>;
}

/** A booted API (server + database) in this process. */
export interface BootedApi {
  url: string;
  databaseUrl: string;
  /** Closes the server, then stops the embedded database. Safe to call twice. */
  shutdown(): Promise<void>;
}

/**
 * Boots database and server in this process. An external database is migrated and its
 * lookups seeded, but content is only loaded when a fixture is asked for explicitly.
 */
export async function bootRotaApi(options: BootOptions): Promise<BootedApi> {
  // Fail on bad configuration before spending seconds on a database.
  resolveConfig(options.env ?? process.env);
  let db: PreparedDatabase;
  if (options.databaseUrl) {
    await prepareSchema(options.databaseUrl, options.fixture);
    db = { url: options.databaseUrl, stop: async () => {} };
  } else {
    db = await startPreparedDatabase(options.fixture ?? 'small');
  }
  try {
    const api = await listenRotaApi({
      databaseUrl: db.url,
      port: options.port,
      host: options.host,
      tls: options.tls,
      env: options.env,
    });
    let done: Promise<void> | undefined;
    return {
      url: api.url,
      databaseUrl: db.url,
      shutdown() {
        done ??= api.close().finally(() => db.stop());
        return done;
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

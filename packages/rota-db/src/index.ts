export {
  type Connection,
  type ConnectOptions,
  connect,
  parseDatabaseUrl,
  redactUrl,
} from './db/connect.js';
export {
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  findFreePort,
  startEmbeddedDatabase,
} from './db/embedded.js';
export { RotaDbError } from './db/errors.js';
export { migrate, migrationsFolder } from './db/migrate.js';
export type { Database, Executor } from './db/types.js';
export * from './schema/index.js';
export { LOOKUP_CODES, type LookupTable, seedLookups } from './seed/lookups.js';

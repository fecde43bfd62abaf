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
export { generateFixture } from './fixture/generate.js';
export { FIXTURE_PASSWORD, FIXTURE_PASSWORD_HASH } from './fixture/insert-users.js';
export {
  FIXTURE_PRESETS,
  type FixtureOptions,
  type FixturePreset,
  fixtureTag,
  resolveFixtureOptions,
} from './fixture/options.js';
export { type FixtureSummary, seedFixture } from './fixture/seed.js';
export type * from './fixture/types.js';
export { percentOf, roundPercent } from './progress/round.js';
export * from './schema/index.js';
export { LOOKUP_CODES, type LookupTable, seedLookups } from './seed/lookups.js';

export {
  type Connection,
  type ConnectOptions,
  connect,
  parseDatabaseUrl,
  redactUrl,
} from './db/connect.js';
export {
  type ConnectedDatabase,
  type ConnectedDatabaseOptions,
  startConnectedDatabase,
} from './db/connected.js';
export {
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  findFreePort,
  STATEMENT_STATISTICS_SETTINGS,
  startEmbeddedDatabase,
} from './db/embedded.js';
export { RotaDbError } from './db/errors.js';
export { tempRoot } from './db/initdb.js';
export { migrate, migrationsFolder } from './db/migrate.js';
export type {
  SentStatement,
  StatementObserver,
  StatementRewrite,
} from './db/statement-hooks.js';
export { removeTemporaryClusters } from './db/template-cache.js';
export type { Database, Executor } from './db/types.js';
export { itemsInLockOrder } from './fixture/content.js';
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
export { BCRYPT_COST, hashPassword, verifyPassword } from './password.js';
export { percentOf, roundPercent } from './progress/round.js';
export {
  createFormsRepository,
  type FormRow,
  type FormsRepository,
  type NewSubmission,
  type OptionRow,
  type QuestionRow,
} from './repositories/forms.js';
export { createRepositories, type Repositories } from './repositories/index.js';
export {
  type AdjacentItems,
  createItemsRepository,
  type ItemsRepository,
  type LockOrderItem,
} from './repositories/items.js';
export { createLookupsRepository, type LookupsRepository } from './repositories/lookups.js';
export type * from './repositories/rows.js';
export type { SyncResult } from './repositories/sync.js';
export { createTrailsRepository, type TrailsRepository } from './repositories/trails.js';
export {
  createUserProgressRepository,
  type ItemProgressInput,
  type SavedItemProgress,
  type UserProgressRepository,
} from './repositories/user-progress.js';
export {
  createUserTrailsRepository,
  type EnsureEnrollmentResult,
  type UserTrailsRepository,
} from './repositories/user-trails.js';
export { createUsersRepository, type NewUser, type UsersRepository } from './repositories/users.js';
export * from './schema/index.js';
export { LOOKUP_CODES, type LookupTable, seedLookups } from './seed/lookups.js';

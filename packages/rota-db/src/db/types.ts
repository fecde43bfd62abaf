import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase, PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type * as schema from '../schema/index.js';

/** The Drizzle database that `connect` returns. */
export type Database = PostgresJsDatabase<typeof schema>;

/** A database or a transaction: repositories run on either, so callers can roll back. */
export type Executor = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/types.js';

const dialect = new PgDialect();

/** Placeholder values of a prepared query, by `sql.placeholder` name. */
export type Values = Record<string, unknown>;

/**
 * A raw SQL query (with `sql.placeholder(...)` values) prepared once per executor.
 *
 * Why: Drizzle sends `db.execute` and unnamed builder queries as one-shot statements, so
 * PostgreSQL plans them on every call; on the Rota schema planning costs more than running
 * (about 1 ms for a progress-map query). A named statement is parsed once per connection and,
 * with `plan_cache_mode=force_generic_plan` (see README), planned once. Rows come back as the
 * driver returns them: int8/numeric as strings, timestamps as text (Drizzle's transparent parser).
 */
export function preparedSql<Row>(
  db: Executor,
  build: () => SQL,
): (values: Values) => Promise<Row[]> {
  let query: { execute(values?: Values): Promise<unknown> } | undefined;
  return (values) => {
    query ??= db._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, 'rota-db', false);
    return query.execute(values) as Promise<Row[]>;
  };
}

/** Memoises a prepared Drizzle builder query (built on first use, then reused). */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

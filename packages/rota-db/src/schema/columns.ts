import { type AnyPgColumn, bigint, bigserial, numeric, timestamp } from 'drizzle-orm/pg-core';

// The column shapes the original DDL repeats table after table; one helper each keeps the
// table definitions down to what differs (names, nullability, the parent table).

/** `id bigserial PRIMARY KEY`, the key of every table but users, trail_items and the lookups. */
export const bigserialId = () => bigserial('id', { mode: 'number' }).primaryKey();

/** A nullable `bigint` column referencing `parent`, deleted with it. */
export const cascadingRef = (name: string, parent: () => AnyPgColumn) =>
  bigint(name, { mode: 'number' }).references(parent, { onDelete: 'cascade' });

/** A `bigint NOT NULL` column referencing `parent`, deleted with it. */
export const requiredCascadingRef = (name: string, parent: () => AnyPgColumn) =>
  bigint(name, { mode: 'number' }).notNull().references(parent, { onDelete: 'cascade' });

/** `timestamp with time zone`; its `_utc` twin columns are plain `timestamp`. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** A `numeric(precision, scale)` read as a JS number. */
export const decimal = (name: string, precision: number, scale: number) =>
  numeric(name, { precision, scale, mode: 'number' });

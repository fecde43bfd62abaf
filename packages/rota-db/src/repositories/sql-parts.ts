import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { lkItemType, trailItems } from '../schema/index.js';
import type { Page } from './rows.js';

/** `requires_completion`, else `requires_completion_yn` upper-cased = 'S', else false. */
export const requiresCompletionSql = sql<boolean>`coalesce(${trailItems.requiresCompletion}, upper(${trailItems.requiresCompletionYn}) = 'S', false)`;

/** The columns of ItemRow; use with `from(trailItems).leftJoin(lkItemType, …)`. */
export const itemColumns = {
  id: trailItems.id,
  trailId: trailItems.trailId,
  sectionId: trailItems.sectionId,
  title: trailItems.title,
  url: trailItems.url,
  durationSeconds: trailItems.durationSeconds,
  orderIndex: trailItems.orderIndex,
  type: lkItemType.code,
  requiresCompletion: requiresCompletionSql,
};

/** Resolves a lookup id by code inside the statement (the app never relies on ids). */
export function lookupId(table: string, code: string): SQL<number> {
  return sql<number>`(select id from ${sql.identifier(table)} where code = ${code})`;
}

/** count(*) as a JS number. */
export const countSql = sql<number>`count(*)::int`.mapWith(Number);

/** Raw `db.execute` rows carry timestamps as strings (Drizzle disables the driver's parsing). */
export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/** `requiresCompletionSql` for raw queries that alias trail_items as `ti`. */
export const TI_REQUIRES = sql`coalesce(ti.requires_completion, upper(ti.requires_completion_yn) = 'S', false)`;

/** Lock order (docs/rota-api.md §2.3): section-less first, section and item order_index nulls first, id. */
export const LOCK_ORDER = sql`(ti.section_id is not null), ts.order_index nulls first, ti.order_index nulls first, ti.id`;

/**
 * A timestamptz as PostgreSQL prints it (`2025-10-27 20:39:49.123456+00`) → Python's
 * isoformat (`2025-10-27T20:39:49.123456+00:00`), microseconds kept; the API sends this form.
 */
export function isoTimestamp(text: string | null): string | null {
  if (text === null) return null;
  const iso = text.replace(' ', 'T');
  return /[+-]\d\d$/.test(iso) ? `${iso}:00` : iso;
}

/** How a repository hands out timestamps: `Date` (db-bench, default) or ISO text (the API). */
export type TimestampMapper<T> = (text: string | null) => T | null;

/** Raw timestamp text → Date. */
export const dateTimestamp: TimestampMapper<Date> = (text) => toDate(text);

// The total rides on every row of the page (`count(*) over ()` is computed before LIMIT and
// OFFSET): one round trip instead of the original's count + page. Only an empty page needs
// the separate count (0 without one when the page starts at 0).
export const totalSql = sql<number>`count(*) over ()`.mapWith(Number);

export async function pageOf<T extends { total: number }>(
  rows: T[],
  offset: number,
  count: () => Promise<number | undefined>,
): Promise<Page<Omit<T, 'total'>>> {
  const total = rows[0]?.total ?? (offset === 0 ? 0 : ((await count()) ?? 0));
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

/** A bigint column, selected as SQL and read as a JS number. */
export function bigintNumber(column: AnyPgColumn): SQL<number> {
  return sql<number>`${column}`.mapWith(Number);
}

/** A legacy flag pair: the boolean column, else its one-letter twin = 'Y', else false. */
export function yesFlag(flag: AnyPgColumn, letter: AnyPgColumn): SQL<boolean> {
  return sql<boolean>`coalesce(${flag}, ${letter} = 'Y', false)`;
}

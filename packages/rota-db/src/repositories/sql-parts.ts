import { type SQL, sql } from 'drizzle-orm';
import { lkItemType, trailItems } from '../schema/index.js';

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

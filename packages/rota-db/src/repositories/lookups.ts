import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import type { LookupTable } from '../seed/lookups.js';

/** Lookup-id resolution by code (the application never relies on ids). */
export function createLookupsRepository(db: Executor) {
  return {
    /** The id of `code` in `table`, or null when the code is missing. */
    async resolveLookupId(table: LookupTable, code: string): Promise<number | null> {
      const rows = await db.execute<{ id: number }>(
        sql`select id from ${sql.identifier(table)} where code = ${code}`,
      );
      return rows[0] ? Number(rows[0].id) : null;
    },

    /** Every code → id of a lookup table. */
    async listLookup(table: LookupTable): Promise<Map<string, number>> {
      const rows = await db.execute<{ id: number; code: string }>(
        sql`select id, code from ${sql.identifier(table)} order by id`,
      );
      return new Map(rows.map((r) => [r.code, Number(r.id)]));
    },
  };
}

/** The lookups repository type. */
export type LookupsRepository = ReturnType<typeof createLookupsRepository>;

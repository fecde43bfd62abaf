import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { preparedSql } from './prepared.js';
import type { SectionWithItemsJson } from './rows.js';
import { requiresCompletionSql } from './sql-parts.js';

const p = (name: string) => sql.placeholder(name);

/**
 * The sections-with-items response body (docs/rota-api.md §2.3): sections by (order_index, id) with
 * their `ItemOut` items by (order_index, id), keys sorted, rendered by PostgreSQL in one
 * statement (one round trip, one JSON decode instead of a row per item).
 */
export function createSectionsWithItemsJson(db: Executor) {
  const sectionsWithItemsJson = preparedSql<{ body: SectionWithItemsJson[] }>(
    db,
    () => sql`
      select coalesce(json_agg(json_build_object(
               'id', ts.id, 'items', coalesce(it.items, '[]'::json), 'order_index', ts.order_index,
               'title', ts.title) order by ts.order_index, ts.id), '[]'::json) as body
      from trail_sections ts
      left join lateral (
        -- Unaliased: requiresCompletionSql names "trail_items" columns.
        select json_agg(json_build_object(
                 'duration_seconds', trail_items.duration_seconds, 'id', trail_items.id,
                 'order_index', trail_items.order_index, 'requires_completion', ${requiresCompletionSql},
                 'title', coalesce(trail_items.title, ''), 'type', lit.code)
               order by trail_items.order_index, trail_items.id) as items
        from trail_items left join lk_item_type lit on lit.id = trail_items.item_type_id
        where trail_items.section_id = ts.id
      ) it on true
      where ts.trail_id = ${p('trailId')}`,
  );

  return async (trailId: number): Promise<SectionWithItemsJson[]> => {
    const [row] = await sectionsWithItemsJson({ trailId });
    return row?.body ?? [];
  };
}

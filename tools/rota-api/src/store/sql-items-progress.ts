import { type Lookups, lookupId, type Sql } from './pg-client.js';

// Lock order (contract §2.3): section-less first, section order_index nulls first, item
// order_index nulls first, then id.
const LOCK_ORDER =
  'i.section_id IS NOT NULL, s.order_index NULLS FIRST, i.order_index NULLS FIRST, i.id';

/** Per-item progress reads, the lock rule and the first item (contract §2.3). */
export function itemProgressQueries(sql: Sql, lookups: () => Promise<Lookups>) {
  const lockOrder = sql.unsafe(LOCK_ORDER);
  return {
    async findBlockingItem(userId: number, trailId: number, itemId: number) {
      const completed = lookupId((await lookups()).progress, 'COMPLETED');
      const [row] = await sql<Array<{ id: number; title: string | null }>>`
        WITH ordered AS (
          SELECT i.id, i.title,
                 COALESCE(i.requires_completion, upper(i.requires_completion_yn) = 'S', false) AS req,
                 row_number() OVER (ORDER BY ${lockOrder}) AS pos
          FROM trail_items i LEFT JOIN trail_sections s ON s.id = i.section_id
          WHERE i.trail_id = ${trailId}
        )
        SELECT o.id, o.title FROM ordered o
        LEFT JOIN user_item_progress p ON p.trail_item_id = o.id AND p.user_id = ${userId}
        WHERE o.req AND o.pos < (SELECT pos FROM ordered WHERE id = ${itemId})
          AND p.status_id IS DISTINCT FROM ${completed}::int
        ORDER BY o.pos LIMIT 1`;
      return row ?? null;
    },
    async firstItemId(trailId: number) {
      const [row] = await sql<Array<{ id: number }>>`
        SELECT i.id FROM trail_items i LEFT JOIN trail_sections s ON s.id = i.section_id
        WHERE i.trail_id = ${trailId} ORDER BY ${lockOrder} LIMIT 1`;
      return row?.id ?? null;
    },
    async getItemsProgress(userId: number, trailId: number) {
      const rows = await sql<
        Array<{
          item_id: number;
          status: string | null;
          progress_value: number | null;
          completed_at: string | null;
        }>
      >`
        SELECT i.id AS item_id, ps.code AS status, p.progress_value, p.completed_at
        FROM trail_items i
        LEFT JOIN user_item_progress p ON p.trail_item_id = i.id AND p.user_id = ${userId}
        LEFT JOIN lk_progress_status ps ON ps.id = p.status_id
        LEFT JOIN trail_sections s ON s.id = i.section_id
        WHERE i.trail_id = ${trailId}
        ORDER BY ${lockOrder}`;
      return rows.map((r) => ({
        itemId: r.item_id,
        status: r.status,
        progressValue: r.progress_value,
        completedAt: r.completed_at,
      }));
    },
    async getSectionsProgress(userId: number, trailId: number) {
      const completed = lookupId((await lookups()).progress, 'COMPLETED');
      const rows = await sql<
        Array<{ section_id: number; title: string; total: number; done: number }>
      >`
        SELECT s.id AS section_id, s.title, COALESCE(c.total, 0)::int AS total, COALESCE(c.done, 0)::int AS done
        FROM trail_sections s
        LEFT JOIN (
          SELECT i.section_id, count(*) AS total,
                 count(*) FILTER (WHERE p.status_id = ${completed}) AS done
          FROM trail_items i
          LEFT JOIN user_item_progress p ON p.trail_item_id = i.id AND p.user_id = ${userId}
          WHERE i.trail_id = ${trailId} AND i.section_id IS NOT NULL
          GROUP BY i.section_id
        ) c ON c.section_id = s.id
        WHERE s.trail_id = ${trailId}
        ORDER BY s.order_index, s.id`;
      return rows.map((r) => ({
        sectionId: r.section_id,
        title: r.title,
        total: r.total,
        done: r.done,
      }));
    },
    async getStoredProgressValue(userId: number, itemId: number) {
      const [row] = await sql<Array<{ progress_value: number | null }>>`
        SELECT progress_value FROM user_item_progress WHERE user_id = ${userId} AND trail_item_id = ${itemId}`;
      return row?.progress_value ?? null;
    },
  };
}

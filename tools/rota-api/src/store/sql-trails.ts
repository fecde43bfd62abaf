import type { Sql } from './pg-client.js';
import type { ItemFull, ItemRecord, SectionWithItemsJson, TrailRecord } from './types.js';

type TrailRow = {
  id: number;
  name: string;
  thumbnail_url: string;
  author: string | null;
  review: number | null;
  review_count: number | null;
  description: string | null;
};
type ItemRow = {
  id: number;
  title: string | null;
  duration_seconds: number | null;
  order_index: number | null;
  type: string | null;
  requires_completion: boolean;
  trail_id: number;
  section_id: number | null;
  url: string;
};

const TEXT_TABLES = {
  included: 'trail_included_items',
  requirements: 'trail_requirements',
  audience: 'trail_target_audience',
} as const;

function toTrail(row: TrailRow): TrailRecord {
  return {
    id: row.id,
    name: row.name,
    thumbnailUrl: row.thumbnail_url,
    author: row.author,
    review: row.review,
    reviewCount: row.review_count,
    description: row.description,
  };
}

function toItem(row: ItemRow): ItemFull {
  return {
    id: row.id,
    title: row.title,
    durationSeconds: row.duration_seconds,
    orderIndex: row.order_index,
    type: row.type,
    requiresCompletion: row.requires_completion,
    trailId: row.trail_id,
    sectionId: row.section_id,
    url: row.url,
  };
}

function toItemRecord(row: ItemRow): ItemRecord {
  const { trailId: _t, sectionId: _s, url: _u, ...item } = toItem(row);
  return item;
}

/** Trail, section and item reads (contract §2.3, rows 3-13). */
export function trailQueries(sql: Sql) {
  const trailColumns = sql`id, name, thumbnail_url, author, review, review_count, description`;
  const itemColumns = sql`
    i.id, i.title, i.duration_seconds, i.order_index, t.code AS type, i.trail_id, i.section_id, i.url,
    COALESCE(i.requires_completion, upper(i.requires_completion_yn) = 'S', false) AS requires_completion`;
  return {
    async listShowcase() {
      const rows = await sql<TrailRow[]>`
        SELECT ${trailColumns} FROM trails ORDER BY created_date DESC NULLS LAST, id LIMIT 6`;
      return rows.map(toTrail);
    },
    async listTrails(offset: number, limit: number) {
      const [count] = await sql<Array<{ n: number }>>`SELECT count(*)::int AS n FROM trails`;
      const rows = await sql<TrailRow[]>`
        SELECT ${trailColumns} FROM trails ORDER BY name, id OFFSET ${offset} LIMIT ${limit}`;
      return { rows: rows.map(toTrail), total: count?.n ?? 0 };
    },
    async getTrail(trailId: number) {
      const [row] = await sql<TrailRow[]>`SELECT ${trailColumns} FROM trails WHERE id = ${trailId}`;
      return row ? toTrail(row) : null;
    },
    async listSections(trailId: number, offset: number, limit: number) {
      const [count] = await sql<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM trail_sections WHERE trail_id = ${trailId}`;
      const rows = await sql<Array<{ id: number; title: string; order_index: number }>>`
        SELECT id, title, order_index FROM trail_sections WHERE trail_id = ${trailId}
        ORDER BY order_index, id OFFSET ${offset} LIMIT ${limit}`;
      return {
        rows: rows.map((r) => ({ id: r.id, title: r.title, orderIndex: r.order_index })),
        total: count?.n ?? 0,
      };
    },
    async listSectionItems(trailId: number, sectionId: number, offset: number, limit: number) {
      const [count] = await sql<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM trail_items WHERE trail_id = ${trailId} AND section_id = ${sectionId}`;
      const rows = await sql<ItemRow[]>`
        SELECT ${itemColumns} FROM trail_items i LEFT JOIN lk_item_type t ON t.id = i.item_type_id
        WHERE i.trail_id = ${trailId} AND i.section_id = ${sectionId}
        ORDER BY i.order_index, i.id OFFSET ${offset} LIMIT ${limit}`;
      return { rows: rows.map(toItemRecord), total: count?.n ?? 0 };
    },
    async listSectionsWithItems(trailId: number) {
      // PostgreSQL builds the whole response (keys in sorted order, Flask-like): one round trip
      // and one JSON.parse instead of decoding every column of every item row.
      const [row] = await sql<Array<{ body: SectionWithItemsJson[] }>>`
        SELECT COALESCE(json_agg(json_build_object(
                 'id', s.id, 'items', COALESCE(it.items, '[]'::json), 'order_index', s.order_index,
                 'title', s.title) ORDER BY s.order_index, s.id), '[]'::json) AS body
        FROM trail_sections s
        LEFT JOIN LATERAL (
          SELECT json_agg(json_build_object(
                   'duration_seconds', i.duration_seconds, 'id', i.id, 'order_index', i.order_index,
                   'requires_completion', COALESCE(i.requires_completion, upper(i.requires_completion_yn) = 'S', false),
                   'title', COALESCE(i.title, ''), 'type', t.code) ORDER BY i.order_index, i.id) AS items
          FROM trail_items i LEFT JOIN lk_item_type t ON t.id = i.item_type_id
          WHERE i.section_id = s.id
        ) it ON true
        WHERE s.trail_id = ${trailId}`;
      return row?.body ?? [];
    },
    async listTrailTexts(kind: keyof typeof TEXT_TABLES, trailId: number) {
      const rows = await sql<Array<{ text_val: string }>>`
        SELECT text_val FROM ${sql(TEXT_TABLES[kind])} WHERE trail_id = ${trailId} ORDER BY ord, id`;
      return rows.map((r) => r.text_val);
    },
    async getItemInTrail(trailId: number, itemId: number) {
      const [row] = await sql<ItemRow[]>`
        SELECT ${itemColumns} FROM trail_items i LEFT JOIN lk_item_type t ON t.id = i.item_type_id
        WHERE i.id = ${itemId} AND i.trail_id = ${trailId}`;
      return row ? toItem(row) : null;
    },
    async getNeighbourIds(item: ItemFull) {
      const order = item.orderIndex ?? 0;
      const scope = sql`trail_id = ${item.trailId} AND section_id IS NOT DISTINCT FROM ${item.sectionId}::bigint`;
      const [prev] = await sql<Array<{ id: number }>>`
        SELECT id FROM trail_items WHERE ${scope} AND COALESCE(order_index, 0) < ${order}
        ORDER BY COALESCE(order_index, 0) DESC, id LIMIT 1`;
      const [next] = await sql<Array<{ id: number }>>`
        SELECT id FROM trail_items WHERE ${scope} AND COALESCE(order_index, 0) > ${order}
        ORDER BY COALESCE(order_index, 0), id LIMIT 1`;
      return { prev: prev?.id ?? null, next: next?.id ?? null };
    },
  };
}

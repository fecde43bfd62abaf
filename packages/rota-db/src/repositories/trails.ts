import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import {
  lkItemType,
  trailIncludedItems,
  trailItems,
  trailRequirements,
  trailSections,
  trails,
  trailTargetAudience,
} from '../schema/index.js';
import type {
  ItemRow,
  Page,
  SectionRow,
  SectionWithItems,
  TextRow,
  TrailRow,
  Window,
} from './rows.js';
import { countSql, itemColumns } from './sql-parts.js';

const trailColumns = {
  id: trails.id,
  name: trails.name,
  thumbnailUrl: trails.thumbnailUrl,
  author: trails.author,
  review: trails.review,
  reviewCount: trails.reviewCount,
  description: trails.description,
  createdDate: trails.createdDate,
  createdBy: trails.createdBy,
};

const sectionColumns = {
  id: trailSections.id,
  trailId: trailSections.trailId,
  title: trailSections.title,
  orderIndex: trailSections.orderIndex,
};

/** Trail content queries (db-bench cases 1–9 and the public trail endpoints). */
export function createTrailsRepository(db: Executor) {
  const textList =
    (table: typeof trailIncludedItems) =>
    (trailId: number): Promise<TextRow[]> =>
      db
        .select({ id: table.id, textVal: table.textVal, ord: table.ord })
        .from(table)
        .where(eq(table.trailId, trailId))
        .orderBy(asc(table.ord), asc(table.id));

  return {
    /** Case 1: at most 6 trails by created_date desc, nulls last (no tie-breaker, as the original). */
    listShowcase(): Promise<TrailRow[]> {
      return db
        .select(trailColumns)
        .from(trails)
        .orderBy(sql`${trails.createdDate} desc nulls last`)
        .limit(6);
    },

    /** Case 2: total count, then trails by name (default offset 0, limit 10). */
    async listAll({ offset = 0, limit = 10 }: Window = {}): Promise<Page<TrailRow>> {
      const [count] = await db.select({ total: countSql }).from(trails);
      const rows = await db
        .select(trailColumns)
        .from(trails)
        .orderBy(asc(trails.name))
        .offset(offset)
        .limit(limit);
      return { rows, total: count?.total ?? 0 };
    },

    /** Case 3: one trail by id, or null. */
    async getTrail(trailId: number): Promise<TrailRow | null> {
      const [row] = await db
        .select(trailColumns)
        .from(trails)
        .where(eq(trails.id, trailId))
        .limit(1);
      return row ?? null;
    },

    /** Trails by id (any order), for listings that need several. */
    getTrails(trailIds: number[]): Promise<TrailRow[]> {
      if (trailIds.length === 0) return Promise.resolve([]);
      return db.select(trailColumns).from(trails).where(inArray(trails.id, trailIds));
    },

    /** Case 4: total + sections of a trail by (order_index, id) (default limit 10). */
    async listSections(
      trailId: number,
      { offset = 0, limit = 10 }: Window = {},
    ): Promise<Page<SectionRow>> {
      const where = eq(trailSections.trailId, trailId);
      const [count] = await db.select({ total: countSql }).from(trailSections).where(where);
      const rows = await db
        .select(sectionColumns)
        .from(trailSections)
        .where(where)
        .orderBy(asc(trailSections.orderIndex), asc(trailSections.id))
        .offset(offset)
        .limit(limit);
      return { rows, total: count?.total ?? 0 };
    },

    /** Case 5: total + items of one section of one trail by (order_index, id) (default limit 10). */
    async listSectionItems(
      trailId: number,
      sectionId: number,
      { offset = 0, limit = 10 }: Window = {},
    ): Promise<Page<ItemRow>> {
      const where = and(eq(trailItems.trailId, trailId), eq(trailItems.sectionId, sectionId));
      const [count] = await db.select({ total: countSql }).from(trailItems).where(where);
      const rows = await db
        .select(itemColumns)
        .from(trailItems)
        .leftJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
        .where(where)
        .orderBy(asc(trailItems.orderIndex), asc(trailItems.id))
        .offset(offset)
        .limit(limit);
      return { rows, total: count?.total ?? 0 };
    },

    /** Case 6: sections by (order_index, id), then one IN-list query for their items. */
    async listSectionsWithItems(trailId: number): Promise<SectionWithItems[]> {
      const sections = await db
        .select(sectionColumns)
        .from(trailSections)
        .where(eq(trailSections.trailId, trailId))
        .orderBy(asc(trailSections.orderIndex), asc(trailSections.id));
      if (sections.length === 0) return [];
      const items = await db
        .select(itemColumns)
        .from(trailItems)
        .leftJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
        .where(
          inArray(
            trailItems.sectionId,
            sections.map((s) => s.id),
          ),
        )
        // The original has no ORDER BY here; (order_index, id) is the stand-in's stable choice.
        .orderBy(asc(trailItems.orderIndex), asc(trailItems.id));
      const bySection = new Map<number, ItemRow[]>(sections.map((s) => [s.id, []]));
      for (const item of items) bySection.get(item.sectionId as number)?.push(item);
      return sections.map((s) => ({ ...s, items: bySection.get(s.id) ?? [] }));
    },

    /** Case 7: included items by (ord, id). */
    listIncludedItems: textList(trailIncludedItems),
    /** Case 8: requirements by (ord, id). */
    listRequirements: textList(trailRequirements),
    /** Case 9: target audience by (ord, id). */
    listAudience: textList(trailTargetAudience),

    /** The first trail id of a one-row query with no ORDER BY (db-bench's arbitrary trail). */
    async anyTrailId(): Promise<number | null> {
      const [row] = await db.select({ id: trails.id }).from(trails).limit(1);
      return row?.id ?? null;
    },
  };
}

/** The trails repository type. */
export type TrailsRepository = ReturnType<typeof createTrailsRepository>;

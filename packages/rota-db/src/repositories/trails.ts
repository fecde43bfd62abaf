import { and, asc, eq, getTableName, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { lkItemType, trailItems, trailSections, trails, trailTextLists } from '../schema/index.js';
import { lazy } from './prepared.js';
import type {
  ItemRow,
  Page,
  SectionRow,
  SectionWithItems,
  TextRow,
  TrailRow,
  Window,
} from './rows.js';
import { createSectionsWithItemsJson } from './sections-json.js';
import { countSql, itemColumns, pageOf, totalSql } from './sql-parts.js';

const p = (name: string) => sql.placeholder(name);

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
  // Prepared once per repository (see prepared.ts): the API calls these on every request.
  // Each list's statement is named after its table.
  const textList = (table: (typeof trailTextLists)[keyof typeof trailTextLists]) => {
    const query = lazy(() =>
      db
        .select({ id: table.id, textVal: table.textVal, ord: table.ord })
        .from(table)
        .where(eq(table.trailId, p('trailId')))
        .orderBy(asc(table.ord), asc(table.id))
        .prepare(getTableName(table)),
    );
    return (trailId: number): Promise<TextRow[]> => query().execute({ trailId });
  };
  const showcase = lazy(() =>
    db
      .select(trailColumns)
      .from(trails)
      .orderBy(sql`${trails.createdDate} desc nulls last`)
      .limit(6)
      .prepare('trails_showcase'),
  );
  const trailCount = lazy(() =>
    db.select({ total: countSql }).from(trails).prepare('trails_count'),
  );
  const trailPage = lazy(() =>
    db
      .select({ ...trailColumns, total: totalSql })
      .from(trails)
      .orderBy(asc(trails.name))
      .offset(p('offset'))
      .limit(p('limit'))
      .prepare('trails_page'),
  );
  const trailById = lazy(() =>
    db
      .select(trailColumns)
      .from(trails)
      .where(eq(trails.id, p('trailId')))
      .limit(1)
      .prepare('trails_by_id'),
  );
  const sectionWhere = eq(trailSections.trailId, p('trailId'));
  const sectionCount = lazy(() =>
    db
      .select({ total: countSql })
      .from(trailSections)
      .where(sectionWhere)
      .prepare('sections_count'),
  );
  const sectionPage = lazy(() =>
    db
      .select({ ...sectionColumns, total: totalSql })
      .from(trailSections)
      .where(sectionWhere)
      .orderBy(asc(trailSections.orderIndex), asc(trailSections.id))
      .offset(p('offset'))
      .limit(p('limit'))
      .prepare('sections_page'),
  );
  const itemWhere = and(
    eq(trailItems.trailId, p('trailId')),
    eq(trailItems.sectionId, p('sectionId')),
  );
  const itemCount = lazy(() =>
    db.select({ total: countSql }).from(trailItems).where(itemWhere).prepare('section_items_count'),
  );
  const itemPage = lazy(() =>
    db
      .select({ ...itemColumns, total: totalSql })
      .from(trailItems)
      .leftJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
      .where(itemWhere)
      .orderBy(asc(trailItems.orderIndex), asc(trailItems.id))
      .offset(p('offset'))
      .limit(p('limit'))
      .prepare('section_items_page'),
  );
  return {
    /** Case 1: at most 6 trails by created_date desc, nulls last (no tie-breaker, as the original). */
    listShowcase(): Promise<TrailRow[]> {
      return showcase().execute();
    },

    /** Case 2: total count and trails by name (default offset 0, limit 10). */
    async listAll({ offset = 0, limit = 10 }: Window = {}): Promise<Page<TrailRow>> {
      const rows = await trailPage().execute({ offset, limit });
      return pageOf(rows, offset, async () => (await trailCount().execute())[0]?.total);
    },

    /** Case 3: one trail by id, or null. */
    async getTrail(trailId: number): Promise<TrailRow | null> {
      const [row] = await trailById().execute({ trailId });
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
      const rows = await sectionPage().execute({ trailId, offset, limit });
      return pageOf(
        rows,
        offset,
        async () => (await sectionCount().execute({ trailId }))[0]?.total,
      );
    },

    /** Case 5: total + items of one section of one trail by (order_index, id) (default limit 10). */
    async listSectionItems(
      trailId: number,
      sectionId: number,
      { offset = 0, limit = 10 }: Window = {},
    ): Promise<Page<ItemRow>> {
      const rows = await itemPage().execute({ trailId, sectionId, offset, limit });
      return pageOf(
        rows,
        offset,
        async () => (await itemCount().execute({ trailId, sectionId }))[0]?.total,
      );
    },

    listSectionsWithItemsJson: createSectionsWithItemsJson(db),

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
    listIncludedItems: textList(trailTextLists.included),
    /** Case 8: requirements by (ord, id). */
    listRequirements: textList(trailTextLists.requirements),
    /** Case 9: target audience by (ord, id). */
    listAudience: textList(trailTextLists.audience),

    /** The first trail id of a one-row query with no ORDER BY (db-bench's arbitrary trail). */
    async anyTrailId(): Promise<number | null> {
      const [row] = await db.select({ id: trails.id }).from(trails).limit(1);
      return row?.id ?? null;
    },
  };
}

/** The trails repository type. */
export type TrailsRepository = ReturnType<typeof createTrailsRepository>;

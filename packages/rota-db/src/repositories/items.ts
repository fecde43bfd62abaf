import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { lkItemType, trailItems, trailSections } from '../schema/index.js';
import type { ItemRow } from './rows.js';
import { itemColumns } from './sql-parts.js';

/** An item in lock order with the user's progress status (null without a row). */
export interface LockOrderItem {
  id: number;
  title: string | null;
  requiresCompletion: boolean;
  status: string | null;
}

/** Neighbours of an item inside its section (or among section-less items). */
export interface AdjacentItems {
  prevItemId: number | null;
  nextItemId: number | null;
}

// Section-less first, then section order_index (nulls first), item order_index (nulls first), id.
const LOCK_ORDER = sql`(ti.section_id is not null), ts.order_index nulls first, ti.order_index nulls first, ti.id`;

/** Item queries: detail, lock rule, neighbours and the db-bench context picks. */
export function createItemsRepository(db: Executor) {
  const listInLockOrder = async (
    userId: number | null,
    trailId: number,
  ): Promise<LockOrderItem[]> => {
    const rows = await db.execute<{
      id: string;
      title: string | null;
      requires: boolean;
      status: string | null;
    }>(sql`
      select ti.id, ti.title,
             coalesce(ti.requires_completion, upper(ti.requires_completion_yn) = 'S', false) as requires,
             ps.code as status
      from trail_items ti
      left join trail_sections ts on ts.id = ti.section_id
      left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${userId}
      left join lk_progress_status ps on ps.id = uip.status_id
      where ti.trail_id = ${trailId}
      order by ${LOCK_ORDER}`);
    return rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      requiresCompletion: r.requires,
      status: r.status,
    }));
  };

  return {
    /** The item if it belongs to the trail (type code, url, resolved requires-completion). */
    async getItemInTrail(trailId: number, itemId: number): Promise<ItemRow | null> {
      const [row] = await db
        .select(itemColumns)
        .from(trailItems)
        .leftJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
        .where(and(eq(trailItems.trailId, trailId), eq(trailItems.id, itemId)))
        .limit(1);
      return row ?? null;
    },

    /** Every item of the trail in lock order with the user's progress status. */
    listInLockOrder,

    /**
     * Lock rule (`find_blocking_item`): the first item before `itemId` in lock order that
     * requires completion and is not COMPLETED for the user; null when none (or not found).
     */
    async findBlockingItem(
      userId: number,
      trailId: number,
      itemId: number,
    ): Promise<{ id: number; title: string | null } | null> {
      for (const item of await listInLockOrder(userId, trailId)) {
        if (item.id === itemId) return null;
        if (item.requiresCompletion && item.status !== 'COMPLETED')
          return { id: item.id, title: item.title };
      }
      return null;
    },

    /** The enroll response's `first_item_id`: the first item of the trail in lock order. */
    async firstItemInLockOrder(trailId: number): Promise<number | null> {
      const rows = await db.execute<{ id: string }>(sql`
        select ti.id from trail_items ti left join trail_sections ts on ts.id = ti.section_id
        where ti.trail_id = ${trailId} order by ${LOCK_ORDER} limit 1`);
      return rows[0] ? Number(rows[0].id) : null;
    },

    /** prev/next in the same section by order_index (null as 0), ties broken by id. */
    async getAdjacentItems(
      item: Pick<ItemRow, 'id' | 'trailId' | 'sectionId' | 'orderIndex'>,
    ): Promise<AdjacentItems> {
      const order = sql<number>`coalesce(${trailItems.orderIndex}, 0)`;
      const own = item.orderIndex ?? 0;
      const sameGroup = and(
        eq(trailItems.trailId, item.trailId),
        item.sectionId === null
          ? isNull(trailItems.sectionId)
          : eq(trailItems.sectionId, item.sectionId),
      );
      const [prev] = await db
        .select({ id: trailItems.id })
        .from(trailItems)
        .where(and(sameGroup, lt(order, own)))
        .orderBy(desc(order), desc(trailItems.id))
        .limit(1);
      const [next] = await db
        .select({ id: trailItems.id })
        .from(trailItems)
        .where(and(sameGroup, gt(order, own)))
        .orderBy(asc(order), asc(trailItems.id))
        .limit(1);
      return { prevItemId: prev?.id ?? null, nextItemId: next?.id ?? null };
    },

    /** db-bench context: the first section of the trail by (order_index, id). */
    async firstSectionId(trailId: number): Promise<number | null> {
      const [row] = await db
        .select({ id: trailSections.id })
        .from(trailSections)
        .where(eq(trailSections.trailId, trailId))
        .orderBy(asc(trailSections.orderIndex), asc(trailSections.id))
        .limit(1);
      return row?.id ?? null;
    },

    /** db-bench context: the first item of the trail by (order_index, id), ignoring sections. */
    async firstItemIgnoringSections(trailId: number): Promise<number | null> {
      const [row] = await db
        .select({ id: trailItems.id })
        .from(trailItems)
        .where(eq(trailItems.trailId, trailId))
        .orderBy(asc(trailItems.orderIndex), asc(trailItems.id))
        .limit(1);
      return row?.id ?? null;
    },

    /** db-bench context: the trail's first FORM item by (order_index, id). */
    async firstFormItem(trailId: number): Promise<number | null> {
      const [row] = await db
        .select({ id: trailItems.id })
        .from(trailItems)
        .innerJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
        .where(and(eq(trailItems.trailId, trailId), eq(lkItemType.code, 'FORM')))
        .orderBy(asc(trailItems.orderIndex), asc(trailItems.id))
        .limit(1);
      return row?.id ?? null;
    },
  };
}

/** The items repository type. */
export type ItemsRepository = ReturnType<typeof createItemsRepository>;

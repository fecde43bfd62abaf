import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { lkItemType, trailItems, trailSections } from '../schema/index.js';
import { lazy, preparedSql } from './prepared.js';
import type { ItemRow } from './rows.js';
import { itemColumns, LOCK_ORDER, TI_REQUIRES } from './sql-parts.js';

const p = (name: string) => sql.placeholder(name);
const FIRST = sql.raw('-9223372036854775808');

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

/** Item queries: detail, lock rule, neighbours and the db-bench context picks. */
export function createItemsRepository(db: Executor) {
  const firstOfTrail = async (
    table: typeof trailSections | typeof trailItems,
    trailId: number,
  ): Promise<number | null> => {
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.trailId, trailId))
      .orderBy(asc(table.orderIndex), asc(table.id))
      .limit(1);
    return row?.id ?? null;
  };
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
             ${TI_REQUIRES} as requires,
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

  const itemInTrail = lazy(() =>
    db
      .select(itemColumns)
      .from(trailItems)
      .leftJoin(lkItemType, eq(lkItemType.id, trailItems.itemTypeId))
      .where(and(eq(trailItems.trailId, p('trailId')), eq(trailItems.id, p('itemId'))))
      .limit(1)
      .prepare('items_in_trail'),
  );
  // find_blocking_item in PostgreSQL, one row back: required, not COMPLETED items whose lock
  // key is below the target's. The key spells "nulls first" with a bigint sentinel below every
  // int4 order_index, so a row comparison can order it.
  const lockKey = sql`(ti.section_id is not null), coalesce(ts.order_index::bigint, ${FIRST}),
    coalesce(ti.order_index::bigint, ${FIRST}), ti.id`;
  const blocking = preparedSql<{ id: string; title: string | null }>(
    db,
    () => sql`
      with target as (
        select row(${lockKey}) as k
        from trail_items ti left join trail_sections ts on ts.id = ti.section_id
        where ti.id = ${p('itemId')} and ti.trail_id = ${p('trailId')})
      select ti.id, ti.title
      from target, trail_items ti
      left join trail_sections ts on ts.id = ti.section_id
      left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${p('userId')}
      where ti.trail_id = ${p('trailId')} and ${TI_REQUIRES} and row(${lockKey}) < target.k
        and uip.status_id is distinct from (select id from lk_progress_status where code = 'COMPLETED')
      order by ${LOCK_ORDER} limit 1`,
  );
  const firstInLockOrder = preparedSql<{ id: string }>(
    db,
    () => sql`
      select ti.id from trail_items ti left join trail_sections ts on ts.id = ti.section_id
      where ti.trail_id = ${p('trailId')} order by ${LOCK_ORDER} limit 1`,
  );
  // Both neighbours in one statement: same trail and same section (or both section-less).
  const adjacent = preparedSql<{ prev: string | null; next: string | null }>(db, () => {
    const group = sql`trail_id = ${p('trailId')} and section_id is not distinct from ${p('sectionId')}::bigint`;
    return sql`
      select
        (select id from trail_items where ${group} and coalesce(order_index, 0) < ${p('order')}::int
          order by coalesce(order_index, 0) desc, id desc limit 1) as prev,
        (select id from trail_items where ${group} and coalesce(order_index, 0) > ${p('order')}::int
          order by coalesce(order_index, 0), id limit 1) as next`;
  });

  return {
    /** The item if it belongs to the trail (type code, url, resolved requires-completion). */
    async getItemInTrail(trailId: number, itemId: number): Promise<ItemRow | null> {
      const [row] = await itemInTrail().execute({ trailId, itemId });
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
      const [row] = await blocking({ userId, trailId, itemId });
      return row ? { id: Number(row.id), title: row.title } : null;
    },
    /** The enroll response's `first_item_id`: the first item of the trail in lock order. */
    async firstItemInLockOrder(trailId: number): Promise<number | null> {
      const [row] = await firstInLockOrder({ trailId });
      return row ? Number(row.id) : null;
    },
    /** prev/next in the same section by order_index (null as 0), ties broken by id. */
    async getAdjacentItems(
      item: Pick<ItemRow, 'id' | 'trailId' | 'sectionId' | 'orderIndex'>,
    ): Promise<AdjacentItems> {
      const [row] = await adjacent({
        trailId: item.trailId,
        sectionId: item.sectionId,
        order: item.orderIndex ?? 0,
      });
      return {
        prevItemId: row?.prev == null ? null : Number(row.prev),
        nextItemId: row?.next == null ? null : Number(row.next),
      };
    },
    /** db-bench context: the first section of the trail by (order_index, id). */
    firstSectionId: (trailId: number) => firstOfTrail(trailSections, trailId),

    /** db-bench context: the first item of the trail by (order_index, id), ignoring sections. */
    firstItemIgnoringSections: (trailId: number) => firstOfTrail(trailItems, trailId),

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

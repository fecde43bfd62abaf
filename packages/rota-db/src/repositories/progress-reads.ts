import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { preparedSql } from './prepared.js';
import type { ItemProgressRow, SectionProgressRow } from './rows.js';
import { dateTimestamp, isoTimestamp, LOCK_ORDER, type TimestampMapper } from './sql-parts.js';

const p = (name: string) => sql.placeholder(name);

type Enrolled<T> = { enrolled: boolean; rows: T[] };

// Rows of a statement that carries the enrolment flag: the flag, and the mapped rows without
// the all-null row that stands for "no items/sections".
function splitEnrolled<R extends { enrolled: boolean }, T>(
  raw: R[],
  map: (row: R) => T | undefined,
): Enrolled<T> {
  const rows: T[] = [];
  for (const row of raw) {
    const mapped = map(row);
    if (mapped !== undefined) rows.push(mapped);
  }
  return { enrolled: raw[0]?.enrolled ?? false, rows };
}

/** Per-item and per-section progress reads (db-bench cases 12, 13; the API's progress lists). */
export function createProgressReads(db: Executor) {
  // Cases 12 and 13 carry the enrolment flag (one row with null columns when the trail has no
  // items/sections), so that the API's 403 guard and the read are one statement.
  const enrolledSql = sql`(select exists(select 1 from user_trails
      where user_id = ${p('userId')} and trail_id = ${p('trailId')}) as enrolled) e`;
  const itemsProgress = preparedSql<{
    enrolled: boolean;
    item_id: string | null;
    status: string | null;
    progress_value: number | null;
    completed_at: string | null;
  }>(
    db,
    () => sql`
      select e.enrolled, ti.id as item_id, ps.code as status, uip.progress_value, uip.completed_at
      from ${enrolledSql}
      left join (trail_items ti
        left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${p('userId')}
        left join lk_progress_status ps on ps.id = uip.status_id
        left join trail_sections ts on ts.id = ti.section_id) on ti.trail_id = ${p('trailId')}
      order by ${LOCK_ORDER}`,
  );
  const readItemsProgress = async <T>(
    userId: number,
    trailId: number,
    time: TimestampMapper<T>,
  ): Promise<Enrolled<ItemProgressRow<T>>> =>
    splitEnrolled(await itemsProgress({ userId, trailId }), (r) =>
      r.item_id === null
        ? undefined
        : {
            itemId: Number(r.item_id),
            status: r.status,
            progressValue: r.progress_value,
            completedAt: time(r.completed_at),
          },
    );
  const sectionsProgress = preparedSql<{
    enrolled: boolean;
    section_id: string | null;
    title: string;
    total: number;
    done: number;
  }>(
    db,
    () => sql`
      select e.enrolled, ts.id as section_id, ts.title,
             coalesce(agg.total, 0)::int as total, coalesce(agg.done, 0)::int as done
      from ${enrolledSql}
      left join (trail_sections ts
      left join (
        select ti.section_id, count(ti.id) as total,
               sum(case when ps.code = 'COMPLETED' then 1 else 0 end) as done
        from trail_items ti
        left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${p('userId')}
        left join lk_progress_status ps on ps.id = uip.status_id
        where ti.trail_id = ${p('trailId')} and ti.section_id is not null
        group by ti.section_id
      ) agg on agg.section_id = ts.id) on ts.trail_id = ${p('trailId')}
      order by ts.order_index, ts.id`,
  );

  const readSectionsProgress = async (
    userId: number,
    trailId: number,
  ): Promise<Enrolled<SectionProgressRow>> =>
    splitEnrolled(await sectionsProgress({ userId, trailId }), (r) =>
      r.section_id === null
        ? undefined
        : {
            sectionId: Number(r.section_id),
            title: r.title,
            total: r.total,
            done: r.done,
            percent: percentOf(r.done, r.total),
          },
    );

  return {
    /** Case 12: one row per item of the trail, in lock order, with the user's progress or nulls. */
    async getItemsProgress(userId: number, trailId: number): Promise<ItemProgressRow[]> {
      return (await readItemsProgress(userId, trailId, dateTimestamp)).rows;
    },

    /**
     * `getItemsProgress` for an enrolled user with `completedAt` as ISO text with microseconds
     * (the API's JSON); null when the user is not enrolled (the endpoint's 403).
     */
    async getEnrolledItemsProgressIso(
      userId: number,
      trailId: number,
    ): Promise<ItemProgressRow<string>[] | null> {
      const { enrolled, rows } = await readItemsProgress(userId, trailId, isoTimestamp);
      return enrolled ? rows : null;
    },

    /** Case 13: per section (order_index, id): items, COMPLETED items and the rounded percent. */
    async getSectionsProgress(userId: number, trailId: number): Promise<SectionProgressRow[]> {
      return (await readSectionsProgress(userId, trailId)).rows;
    },

    /** `getSectionsProgress` for an enrolled user; null when not enrolled (the endpoint's 403). */
    async getEnrolledSectionsProgress(
      userId: number,
      trailId: number,
    ): Promise<SectionProgressRow[] | null> {
      const { enrolled, rows } = await readSectionsProgress(userId, trailId);
      return enrolled ? rows : null;
    },
  };
}

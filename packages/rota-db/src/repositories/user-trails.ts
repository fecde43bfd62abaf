import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { lkEnrollmentStatus, trailItems, userTrails } from '../schema/index.js';
import { lazy, preparedSql } from './prepared.js';
import { toProgressEntry } from './progress-map.js';
import type { EnrollmentRow, ItemProgressRow, ProgressEntry, SectionProgressRow } from './rows.js';
import {
  countSql,
  dateTimestamp,
  isoTimestamp,
  LOCK_ORDER,
  lookupId,
  type TimestampMapper,
} from './sql-parts.js';
import { createSync } from './sync.js';

/** Result of `ensureEnrollment`. */
export interface EnsureEnrollmentResult {
  enrollment: EnrollmentRow;
  /** True when this call inserted the row. */
  created: boolean;
}

const p = (name: string) => sql.placeholder(name);

/** Enrolment and progress queries (db-bench cases 10–14, 20; enroll and progress endpoints). */
export function createUserTrailsRepository(db: Executor) {
  const enrollmentQuery = lazy(() =>
    db
      .select({
        id: userTrails.id,
        userId: sql<number>`${userTrails.userId}`.mapWith(Number),
        trailId: sql<number>`${userTrails.trailId}`.mapWith(Number),
        status: lkEnrollmentStatus.code,
        progressPercent: userTrails.progressPercent,
        startedAt: userTrails.startedAt,
        completedAt: userTrails.completedAt,
        reviewRating: userTrails.reviewRating,
        reviewComment: userTrails.reviewComment,
      })
      .from(userTrails)
      .leftJoin(lkEnrollmentStatus, eq(lkEnrollmentStatus.id, userTrails.statusId))
      .where(and(eq(userTrails.userId, p('userId')), eq(userTrails.trailId, p('trailId'))))
      .limit(1)
      .prepare('user_trails_enrollment'),
  );
  const getEnrollment = async (userId: number, trailId: number): Promise<EnrollmentRow | null> => {
    const [row] = await enrollmentQuery().execute({ userId, trailId });
    return row ?? null;
  };
  const countItems = lazy(() =>
    db
      .select({ n: countSql })
      .from(trailItems)
      .where(eq(trailItems.trailId, p('trailId')))
      .prepare('user_trails_count_items'),
  );
  const { sync, syncRow, reader } = createSync(db);
  // Sync, then the entry: the map row read for the sync is the answer unless the sync wrote.
  const syncedEntry = async <T>(
    userId: number,
    trailId: number,
    time: TimestampMapper<T>,
  ): Promise<ProgressEntry<T>> => {
    let [row] = await reader.rows(userId, [trailId]);
    if ((await syncRow(row)).wrote) [row] = await reader.rows(userId, [trailId]);
    if (!row) throw new Error(`Progress map of trail ${trailId} returned no row`);
    return toProgressEntry(row, time);
  };
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
  ): Promise<{ enrolled: boolean; rows: ItemProgressRow<T>[] }> => {
    const raw = await itemsProgress({ userId, trailId });
    const rows: ItemProgressRow<T>[] = [];
    for (const r of raw) {
      if (r.item_id === null) continue;
      rows.push({
        itemId: Number(r.item_id),
        status: r.status,
        progressValue: r.progress_value,
        completedAt: time(r.completed_at),
      });
    }
    return { enrolled: raw[0]?.enrolled ?? false, rows };
  };
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

  const readSectionsProgress = async (userId: number, trailId: number) => {
    const raw = await sectionsProgress({ userId, trailId });
    const rows: SectionProgressRow[] = [];
    for (const r of raw) {
      if (r.section_id === null) continue;
      rows.push({
        sectionId: Number(r.section_id),
        title: r.title,
        total: r.total,
        done: r.done,
        percent: percentOf(r.done, r.total),
      });
    }
    return { enrolled: raw[0]?.enrolled ?? false, rows };
  };

  return {
    getEnrollment,

    /** Case 10: number of items in the trail. */
    async countItemsInTrail(trailId: number): Promise<number> {
      const [row] = await countItems().execute({ trailId });
      return row?.n ?? 0;
    },

    /**
     * Case 20 / enroll: creates the enrolment (ENROLLED, started now, 0 %) if missing. Unlike
     * the original, two concurrent first enrolments do not fail (ON CONFLICT DO NOTHING).
     * A trail that does not exist raises the FK violation (the API answers 500, as the original).
     */
    async ensureEnrollment(userId: number, trailId: number): Promise<EnsureEnrollmentResult> {
      const existing = await getEnrollment(userId, trailId);
      if (existing) return { enrollment: existing, created: false };
      const inserted = await db
        .insert(userTrails)
        .values({
          userId,
          trailId,
          statusId: lookupId('lk_enrollment_status', 'ENROLLED'),
          startedAt: sql`now()`,
          progressPercent: 0,
        })
        .onConflictDoNothing({ target: [userTrails.userId, userTrails.trailId] })
        .returning({ id: userTrails.id });
      const enrollment = await getEnrollment(userId, trailId);
      if (!enrollment) throw new Error(`Enrolment of user ${userId} in trail ${trailId} vanished`);
      return { enrollment, created: inserted.length > 0 };
    },

    /**
     * Recomputes user_trails (and issues the certificate) for an enrolled user; null if not
     * enrolled. A map read, then a write only when a value changes.
     */
    syncTrailProgress: sync,

    /** Case 14: the progress map (no sync) for several trails; every trail gets an entry. */
    getProgressMapForUser: (
      userId: number,
      trailIds: number[],
    ): Promise<Map<number, ProgressEntry>> => reader.map(userId, trailIds, dateTimestamp),

    /** `getProgressMapForUser` with timestamps as ISO text with microseconds (the API's JSON). */
    getProgressMapIso: (
      userId: number,
      trailIds: number[],
    ): Promise<Map<number, ProgressEntry<string>>> => reader.map(userId, trailIds, isoTimestamp),

    /**
     * Case 11: sync, then the map entry of that trail (9 keys, 10 with a certificate). One
     * statement when the sync changes nothing; else the write and a second read.
     */
    getProgressForUser: (userId: number, trailId: number): Promise<ProgressEntry> =>
      syncedEntry(userId, trailId, dateTimestamp),

    /** `getProgressForUser` with ISO timestamps (GET /user-trails/:id/progress and enroll). */
    getProgressIso: (userId: number, trailId: number): Promise<ProgressEntry<string>> =>
      syncedEntry(userId, trailId, isoTimestamp),

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

/** The user-trails repository type. */
export type UserTrailsRepository = ReturnType<typeof createUserTrailsRepository>;

import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { lkEnrollmentStatus, trailItems, userTrails } from '../schema/index.js';
import { readProgressMap } from './progress-map.js';
import type { EnrollmentRow, ItemProgressRow, ProgressEntry, SectionProgressRow } from './rows.js';
import { countSql, lookupId, toDate } from './sql-parts.js';
import { syncTrailProgress } from './sync.js';

/** Result of `ensureEnrollment`. */
export interface EnsureEnrollmentResult {
  enrollment: EnrollmentRow;
  /** True when this call inserted the row. */
  created: boolean;
}

/** Enrolment and progress queries (db-bench cases 10–14, 20; enroll and progress endpoints). */
export function createUserTrailsRepository(db: Executor) {
  const getEnrollment = async (userId: number, trailId: number): Promise<EnrollmentRow | null> => {
    const [row] = await db
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
      .where(and(eq(userTrails.userId, userId), eq(userTrails.trailId, trailId)))
      .limit(1);
    return row ?? null;
  };

  return {
    getEnrollment,

    /** Case 10: number of items in the trail. */
    async countItemsInTrail(trailId: number): Promise<number> {
      const [row] = await db
        .select({ n: countSql })
        .from(trailItems)
        .where(eq(trailItems.trailId, trailId));
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

    /** Recomputes user_trails (and issues the certificate) for an enrolled user; null if not enrolled. */
    syncTrailProgress: (userId: number, trailId: number) => syncTrailProgress(db, userId, trailId),

    /** Case 14: the progress map (no sync) for several trails; every trail gets an entry. */
    getProgressMapForUser: (userId: number, trailIds: number[]) =>
      readProgressMap(db, userId, trailIds),

    /** Case 11: sync (in its own transaction), then the map entry of that trail (9 keys, 10 with a certificate). */
    async getProgressForUser(userId: number, trailId: number): Promise<ProgressEntry> {
      await db.transaction((tx) => syncTrailProgress(tx, userId, trailId));
      const map = await readProgressMap(db, userId, [trailId]);
      return map.get(trailId) as ProgressEntry;
    },

    /** Case 12: one row per item of the trail, in lock order, with the user's progress or nulls. */
    async getItemsProgress(userId: number, trailId: number): Promise<ItemProgressRow[]> {
      const rows = await db.execute<{
        item_id: string;
        status: string | null;
        progress_value: number | null;
        completed_at: Date | string | null;
      }>(sql`
        select ti.id as item_id, ps.code as status, uip.progress_value, uip.completed_at
        from trail_items ti
        left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${userId}
        left join lk_progress_status ps on ps.id = uip.status_id
        left join trail_sections ts on ts.id = ti.section_id
        where ti.trail_id = ${trailId}
        order by (ti.section_id is not null), ts.order_index nulls first,
                 ti.order_index nulls first, ti.id`);
      return rows.map((r) => ({
        itemId: Number(r.item_id),
        status: r.status,
        progressValue: r.progress_value,
        completedAt: toDate(r.completed_at),
      }));
    },

    /** Case 13: per section (order_index, id): items, COMPLETED items and the rounded percent. */
    async getSectionsProgress(userId: number, trailId: number): Promise<SectionProgressRow[]> {
      const rows = await db.execute<{
        section_id: string;
        title: string;
        total: number;
        done: number;
      }>(sql`
        select ts.id as section_id, ts.title,
               coalesce(agg.total, 0)::int as total, coalesce(agg.done, 0)::int as done
        from trail_sections ts
        left join (
          select ti.section_id, count(ti.id) as total,
                 sum(case when ps.code = 'COMPLETED' then 1 else 0 end) as done
          from trail_items ti
          left join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${userId}
          left join lk_progress_status ps on ps.id = uip.status_id
          where ti.trail_id = ${trailId} and ti.section_id is not null
          group by ti.section_id
        ) agg on agg.section_id = ts.id
        where ts.trail_id = ${trailId}
        order by ts.order_index, ts.id`);
      return rows.map((r) => ({
        sectionId: Number(r.section_id),
        title: r.title,
        total: r.total,
        done: r.done,
        percent: percentOf(r.done, r.total),
      }));
    },
  };
}

/** The user-trails repository type. */
export type UserTrailsRepository = ReturnType<typeof createUserTrailsRepository>;

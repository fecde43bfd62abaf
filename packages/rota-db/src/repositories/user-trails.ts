import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { lkEnrollmentStatus, trailItems, userTrails } from '../schema/index.js';
import { lazy } from './prepared.js';
import { toProgressEntry } from './progress-map.js';
import { createProgressReads } from './progress-reads.js';
import type { EnrollmentRow, ProgressEntry } from './rows.js';
import {
  bigintNumber,
  countSql,
  dateTimestamp,
  isoTimestamp,
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
        userId: bigintNumber(userTrails.userId),
        trailId: bigintNumber(userTrails.trailId),
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
    if ((await syncRow(userId, row)).wrote) [row] = await reader.rows(userId, [trailId]);
    if (!row) throw new Error(`Progress map of trail ${trailId} returned no row`);
    return toProgressEntry(row, time);
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

    ...createProgressReads(db),
  };
}

/** The user-trails repository type. */
export type UserTrailsRepository = ReturnType<typeof createUserTrailsRepository>;

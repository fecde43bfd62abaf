import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import {
  lkEnrollmentStatus,
  lkProgressStatus,
  trailCertificates,
  trailItems,
  userItemProgress,
  userTrails,
} from '../schema/index.js';
import type { ProgressEntry } from './rows.js';
import { countSql } from './sql-parts.js';

/**
 * The progress map of contract §2.2 for several trails, in the original's 5 reads. Every
 * requested trail gets an entry, enrolled or not.
 */
export async function readProgressMap(
  db: Executor,
  userId: number,
  trailIds: number[],
): Promise<Map<number, ProgressEntry>> {
  const result = new Map<number, ProgressEntry>();
  if (trailIds.length === 0) return result;
  const totals = await db
    .select({ trailId: trailItems.trailId, n: countSql })
    .from(trailItems)
    .where(inArray(trailItems.trailId, trailIds))
    .groupBy(trailItems.trailId);
  const [completed] = await db
    .select({ id: lkProgressStatus.id })
    .from(lkProgressStatus)
    .where(eq(lkProgressStatus.code, 'COMPLETED'))
    .limit(1);
  const done =
    completed === undefined
      ? []
      : await db
          .select({ trailId: trailItems.trailId, n: countSql })
          .from(trailItems)
          .innerJoin(
            userItemProgress,
            and(
              eq(userItemProgress.trailItemId, trailItems.id),
              eq(userItemProgress.userId, userId),
            ),
          )
          .where(
            and(inArray(trailItems.trailId, trailIds), eq(userItemProgress.statusId, completed.id)),
          )
          .groupBy(trailItems.trailId);
  const enrollments = await db
    .select({
      trailId: userTrails.trailId,
      progressPercent: userTrails.progressPercent,
      startedAt: userTrails.startedAt,
      completedAt: userTrails.completedAt,
      reviewRating: userTrails.reviewRating,
      reviewComment: userTrails.reviewComment,
      status: lkEnrollmentStatus.code,
    })
    .from(userTrails)
    .leftJoin(lkEnrollmentStatus, eq(lkEnrollmentStatus.id, userTrails.statusId))
    .where(and(eq(userTrails.userId, userId), inArray(userTrails.trailId, trailIds)));
  const certificates = await db
    .select({
      trailId: trailCertificates.trailId,
      hash: trailCertificates.certificateHash,
      credentialId: trailCertificates.credentialId,
      issuedAt: trailCertificates.issuedAt,
    })
    .from(trailCertificates)
    .where(and(eq(trailCertificates.userId, userId), inArray(trailCertificates.trailId, trailIds)));

  const totalBy = new Map(totals.map((r) => [r.trailId, r.n]));
  const doneBy = new Map(done.map((r) => [r.trailId, r.n]));
  const enrollmentBy = new Map(enrollments.map((r) => [r.trailId, r]));
  const certificateBy = new Map(certificates.map((r) => [r.trailId, r]));
  for (const trailId of trailIds) {
    const total = totalBy.get(trailId) ?? 0;
    const rawDone = doneBy.get(trailId) ?? 0;
    const doneCount = total > 0 ? Math.min(rawDone, total) : rawDone;
    const enrollment = enrollmentBy.get(trailId);
    const entry: ProgressEntry = {
      done: doneCount,
      total,
      computedProgressPercent: enrollment
        ? enrollment.progressPercent
        : percentOf(doneCount, total),
      nextAction:
        total > 0 && doneCount >= total ? 'Revisar' : doneCount > 0 ? 'Continuar' : 'Começar',
      enrolledAt: enrollment?.startedAt ?? null,
      status: enrollment?.status ?? null,
      completedAt: enrollment?.completedAt ?? null,
      reviewRating: enrollment?.reviewRating ?? null,
      reviewComment: enrollment?.reviewComment ?? null,
    };
    const certificate = certificateBy.get(trailId);
    if (certificate) {
      entry.certificate = {
        hash: certificate.hash,
        credentialId: certificate.credentialId,
        issuedAt: certificate.issuedAt,
      };
    }
    result.set(trailId, entry);
  }
  return result;
}

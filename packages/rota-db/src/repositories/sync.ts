import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import {
  lkProgressStatus,
  trailCertificates,
  trailItems,
  userItemProgress,
  userTrails,
} from '../schema/index.js';
import { countSql, lookupId } from './sql-parts.js';

/** What a sync wrote: null when the user is not enrolled (nothing to sync). */
export interface SyncResult {
  done: number;
  total: number;
  progressPercent: number;
  status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED';
  /** True when this sync issued the certificate. */
  certificateIssued: boolean;
}

/**
 * Recomputes `user_trails` for an enrolled user (contract §2.3 "sync"): percent, status,
 * completed_at (rewritten to now on every sync while complete) and a certificate if missing.
 */
export async function syncTrailProgress(
  db: Executor,
  userId: number,
  trailId: number,
): Promise<SyncResult | null> {
  const [enrollment] = await db
    .select({ id: userTrails.id })
    .from(userTrails)
    .where(and(eq(userTrails.userId, userId), eq(userTrails.trailId, trailId)))
    .limit(1);
  if (!enrollment) return null;
  const [totalRow] = await db
    .select({ n: countSql })
    .from(trailItems)
    .where(eq(trailItems.trailId, trailId));
  const [doneRow] = await db
    .select({ n: countSql })
    .from(trailItems)
    .innerJoin(
      userItemProgress,
      and(eq(userItemProgress.trailItemId, trailItems.id), eq(userItemProgress.userId, userId)),
    )
    .innerJoin(lkProgressStatus, eq(lkProgressStatus.id, userItemProgress.statusId))
    .where(and(eq(trailItems.trailId, trailId), eq(lkProgressStatus.code, 'COMPLETED')));
  const total = totalRow?.n ?? 0;
  const done = doneRow?.n ?? 0;
  const complete = total > 0 && done >= total;
  const status = complete ? 'COMPLETED' : done > 0 ? 'IN_PROGRESS' : 'ENROLLED';
  const progressPercent = Math.min(100, percentOf(done, total));
  await db
    .update(userTrails)
    .set({
      progressPercent,
      statusId: lookupId('lk_enrollment_status', status),
      completedAt: complete ? sql`now()` : null,
    })
    .where(eq(userTrails.id, enrollment.id));
  let certificateIssued = false;
  if (complete) {
    // One random 16-hex token serves as both hash and credential id, as in the original.
    const token = randomBytes(8).toString('hex');
    const inserted = await db
      .insert(trailCertificates)
      .values({
        userId,
        trailId,
        certificateHash: token,
        credentialId: token,
        issuedAt: sql`now()`,
        issuedAtUtc: sql`(now() at time zone 'utc')`,
      })
      .onConflictDoNothing({ target: [trailCertificates.userId, trailCertificates.trailId] })
      .returning({ id: trailCertificates.id });
    certificateIssued = inserted.length > 0;
  }
  return { done, total, progressPercent, status, certificateIssued };
}

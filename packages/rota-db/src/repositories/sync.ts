import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { preparedSql } from './prepared.js';
import { createProgressMapReader, type MapRow } from './progress-map.js';

/** What a sync wrote: null when the user is not enrolled (nothing to sync). */
export interface SyncResult {
  done: number;
  total: number;
  progressPercent: number;
  status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED';
  /** True when this sync issued the certificate. */
  certificateIssued: boolean;
}

const p = (name: string) => sql.placeholder(name);

/**
 * The trail sync of contract §2.3 over one executor. It reads the trail's progress-map row
 * (counts and the stored enrolment) and writes only when a value changes. Build once per
 * executor (`createSync`) and call many times.
 */
export function createSync(db: Executor) {
  const reader = createProgressMapReader(db);
  // IS DISTINCT FROM keeps a concurrent sync that already wrote the same values from writing
  // again. While complete, completed_at = now() always differs, so that rewrite (the
  // original's) still happens.
  const write = preparedSql<{ id: string }>(
    db,
    () => sql`
      with s as (select id from lk_enrollment_status where code = ${p('status')}),
      upd as (
        update user_trails ut
           set progress_percent = ${p('percent')}::numeric, status_id = (select id from s),
               completed_at = case when ${p('complete')}::boolean then now() end
         where ut.id = ${p('id')}
           and (ut.progress_percent, ut.status_id, ut.completed_at) is distinct from
               (${p('percent')}::numeric, (select id from s),
                case when ${p('complete')}::boolean then now() end)
        returning ut.user_id, ut.trail_id)
      insert into trail_certificates
        (user_id, trail_id, certificate_hash, credential_id, issued_at, issued_at_utc)
      select user_id, trail_id, ${p('token')}, ${p('token')}, now(), (now() at time zone 'utc')
      from upd where ${p('complete')}::boolean
      on conflict (user_id, trail_id) do nothing
      returning id`,
  );

  /**
   * Syncs from an already-read map row; `wrote` says whether `user_trails` may have changed
   * (the row is then stale). GET progress, the hottest write-bearing read, usually writes
   * nothing: one statement for the read instead of a read, an UPDATE and a commit flush.
   */
  const syncRow = async (
    row: MapRow | undefined,
  ): Promise<{ result: SyncResult | null; wrote: boolean }> => {
    if (!row || row.enrollment_id === null) return { result: null, wrote: false };
    const total = row.total;
    const done = Math.min(row.done, total);
    const complete = total > 0 && done >= total;
    const status = complete ? 'COMPLETED' : done > 0 ? 'IN_PROGRESS' : 'ENROLLED';
    const progressPercent = Math.min(100, percentOf(done, total));
    const result = { done, total, progressPercent, status, certificateIssued: false } as const;
    const unchanged =
      !complete &&
      row.status === status &&
      row.completed_at === null &&
      Number(row.progress_percent) === progressPercent;
    if (unchanged) return { result, wrote: false };
    // One random 16-hex token serves as both hash and credential id, as in the original.
    const token = randomBytes(8).toString('hex');
    const issued = await write({
      id: row.enrollment_id,
      status,
      percent: progressPercent,
      complete,
      token,
    });
    return { result: { ...result, certificateIssued: issued.length > 0 }, wrote: true };
  };

  /**
   * Recomputes `user_trails` for an enrolled user (contract §2.3 "sync"): percent, status,
   * completed_at (rewritten to now on every sync while complete) and a certificate if missing.
   */
  const sync = async (userId: number, trailId: number): Promise<SyncResult | null> => {
    const [row] = await reader.rows(userId, [trailId]);
    return (await syncRow(row)).result;
  };
  return { sync, syncRow, reader };
}

/** One-off sync over `db` (e.g. a transaction). */
export function syncTrailProgress(
  db: Executor,
  userId: number,
  trailId: number,
): Promise<SyncResult | null> {
  return createSync(db).sync(userId, trailId);
}

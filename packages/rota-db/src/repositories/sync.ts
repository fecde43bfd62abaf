import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { preparedSql } from './prepared.js';

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
 * The trail sync of contract §2.3 over one executor, as two prepared statements: count, then
 * write. Build once per executor (`createSync`) and call many times.
 */
export function createSync(db: Executor) {
  const count = preparedSql<{ id: string; total: number; done: number }>(
    db,
    () => sql`
      select ut.id,
        (select count(*)::int from trail_items ti where ti.trail_id = ${p('trailId')}) as total,
        (select count(*)::int from trail_items ti
           join user_item_progress uip on uip.trail_item_id = ti.id and uip.user_id = ${p('userId')}
          where ti.trail_id = ${p('trailId')}
            and uip.status_id = (select id from lk_progress_status where code = 'COMPLETED')) as done
      from user_trails ut where ut.user_id = ${p('userId')} and ut.trail_id = ${p('trailId')}`,
  );
  // The UPDATE only touches the row when a value changes: GET progress syncs on every call and
  // an unchanged enrolment then costs no new row version, no WAL and no commit flush. While
  // complete, completed_at = now() always differs, so that rewrite (the original's) still happens.
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
   * Recomputes `user_trails` for an enrolled user (contract §2.3 "sync"): percent, status,
   * completed_at (rewritten to now on every sync while complete) and a certificate if missing.
   */
  return async (userId: number, trailId: number): Promise<SyncResult | null> => {
    const [row] = await count({ userId, trailId });
    if (!row) return null;
    const total = row.total;
    const done = Math.min(row.done, total);
    const complete = total > 0 && done >= total;
    const status = complete ? 'COMPLETED' : done > 0 ? 'IN_PROGRESS' : 'ENROLLED';
    const progressPercent = Math.min(100, percentOf(done, total));
    // One random 16-hex token serves as both hash and credential id, as in the original.
    const token = randomBytes(8).toString('hex');
    const issued = await write({ id: row.id, status, percent: progressPercent, complete, token });
    return { done, total, progressPercent, status, certificateIssued: issued.length > 0 };
  };
}

/** One-off sync over `db` (prepares its statements for this call only). */
export function syncTrailProgress(
  db: Executor,
  userId: number,
  trailId: number,
): Promise<SyncResult | null> {
  return createSync(db)(userId, trailId);
}

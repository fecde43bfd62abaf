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

/** A sync's result and whether it wrote `user_trails` (a map row read before is then stale). */
export interface SyncOutcome {
  result: SyncResult | null;
  wrote: boolean;
}

interface SyncPlan {
  result: SyncResult;
  complete: boolean;
  /** Nothing to write: the stored figures are already these (and the trail is not complete). */
  unchanged: boolean;
}

const p = (name: string) => sql.placeholder(name);

// The figures a map row calls for (contract §2.3 "sync").
function planSync(row: MapRow): SyncPlan {
  const total = row.total;
  const done = Math.min(row.done, total);
  const complete = total > 0 && done >= total;
  const status = complete ? 'COMPLETED' : done > 0 ? 'IN_PROGRESS' : 'ENROLLED';
  const progressPercent = Math.min(100, percentOf(done, total));
  const unchanged =
    !complete &&
    row.status === status &&
    row.completed_at === null &&
    Number(row.progress_percent) === progressPercent;
  return {
    result: { done, total, progressPercent, status, certificateIssued: false },
    complete,
    unchanged,
  };
}

/**
 * The trail sync of contract §2.3 over one executor. It reads the trail's progress-map row
 * (counts and the stored enrolment) and writes only when a value changes. Build once per
 * executor (`createSync`) and call many times.
 *
 * Concurrency: two writers that complete different items of one enrolment each count the
 * items in READ COMMITTED and would write back a figure that misses the other's item (the
 * lost update of issue 16: 11/12 = 91.67 %, IN_PROGRESS, no certificate). Every write is
 * therefore made while holding the `user_trails` row lock, from counts read by a statement
 * that started after the lock was granted: it sees every item write whose own sync ran before.
 */
export function createSync(db: Executor) {
  const reader = createProgressMapReader(db);
  // IS DISTINCT FROM keeps a sync that would write the stored values from writing again.
  // While complete, completed_at = now() always differs, so that rewrite (the original's)
  // still happens.
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
  const lock = preparedSql<{ id: string }>(
    db,
    () => sql`select id from user_trails where id = ${p('id')} for update`,
  );

  // Writes the figures of `row`; the caller holds the enrolment's row lock.
  const writeRow = async (row: MapRow, plan: SyncPlan): Promise<SyncResult> => {
    // One random 16-hex token serves as both hash and credential id, as in the original.
    const token = randomBytes(8).toString('hex');
    const issued = await write({
      id: row.enrollment_id,
      status: plan.result.status,
      percent: plan.result.progressPercent,
      complete: plan.complete,
      token,
    });
    return { ...plan.result, certificateIssued: issued.length > 0 };
  };

  /**
   * The sync for a caller that already holds the enrolment's row lock (inside its
   * transaction): a fresh map read, then the write if something changed.
   */
  const syncHoldingLock = async (userId: number, trailId: number): Promise<SyncOutcome> => {
    const [row] = await reader.rows(userId, [trailId]);
    if (!row || row.enrollment_id === null) return { result: null, wrote: false };
    const plan = planSync(row);
    if (plan.unchanged) return { result: plan.result, wrote: false };
    return { result: await writeRow(row, plan), wrote: true };
  };

  /**
   * Syncs from an already-read (unlocked) map row; `wrote` says whether `user_trails` may have
   * changed (the row is then stale). GET progress, the hottest write-bearing read, usually
   * writes nothing: one statement. A row that needs a write may be stale already, so the
   * write runs in a transaction that locks the enrolment and reads the counts again.
   */
  const syncRow = async (userId: number, row: MapRow | undefined): Promise<SyncOutcome> => {
    if (!row || row.enrollment_id === null) return { result: null, wrote: false };
    const plan = planSync(row);
    if (plan.unchanged) return { result: plan.result, wrote: false };
    const enrollmentId = row.enrollment_id;
    return db.transaction(async (tx) => {
      const locked = createSync(tx);
      await locked.lock({ id: enrollmentId });
      return locked.syncHoldingLock(userId, Number(row.trail_id));
    });
  };

  /**
   * Recomputes `user_trails` for an enrolled user (contract §2.3 "sync"): percent, status,
   * completed_at (rewritten to now on every sync while complete) and a certificate if missing.
   */
  const sync = async (userId: number, trailId: number): Promise<SyncResult | null> => {
    const [row] = await reader.rows(userId, [trailId]);
    return (await syncRow(userId, row)).result;
  };
  return { sync, syncRow, syncHoldingLock, lock, reader };
}

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

/** Attempts before a sync gives up (each failed one means another sync of it just wrote). */
const MAX_ATTEMPTS = 50;

// The figures a map row calls for (docs/rota-api.md §2.3 "sync").
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
 * The trail sync of docs/rota-api.md §2.3 over one executor. It reads the trail's progress-map row
 * (counts and the stored enrolment) and writes only when a value changes. Build once per
 * executor (`createSync`) and call many times.
 *
 * Concurrency: two writers that complete different items of one enrolment at once each count
 * the items (READ COMMITTED) without the other's uncommitted item; written back blindly, the
 * last write lost an item (issue 16: 11/12 = 91.67 %, IN_PROGRESS, no certificate). So a sync
 * writes only over the enrolment row version it read (compare-and-set on `xmin`, one
 * statement); when another sync wrote in between, it reads again (a new statement sees that
 * sync's commit) and retries. Of two writers that miss each other's item, at least one reads
 * after both items are committed, and its write cannot be overwritten by a stale one.
 * No extra lock or transaction: the row is locked only by the UPDATE, as before.
 */
export function createSync(db: Executor) {
  const reader = createProgressMapReader(db);
  const write = preparedSql<{ updated: number; issued: number }>(
    db,
    () => sql`
      with s as (select id from lk_enrollment_status where code = ${p('status')}),
      upd as (
        update user_trails ut
           set progress_percent = ${p('percent')}::numeric, status_id = (select id from s),
               completed_at = case when ${p('complete')}::boolean then now() end
         where ut.id = ${p('id')} and ut.xmin::text = ${p('version')}::text
        returning ut.user_id, ut.trail_id),
      issued as (
        insert into trail_certificates
          (user_id, trail_id, certificate_hash, credential_id, issued_at, issued_at_utc)
        select user_id, trail_id, ${p('token')}, ${p('token')}, now(), (now() at time zone 'utc')
        from upd where ${p('complete')}::boolean
        on conflict (user_id, trail_id) do nothing
        returning id)
      select (select count(*) from upd)::int as updated, (select count(*) from issued)::int as issued`,
  );

  /**
   * Syncs from an already-read map row; `wrote` says whether `user_trails` may have changed
   * (the row is then stale). GET progress, the hottest write-bearing read, usually writes
   * nothing: one statement.
   */
  const syncRow = async (userId: number, first: MapRow | undefined): Promise<SyncOutcome> => {
    let row = first;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (!row || row.enrollment_id === null) return { result: null, wrote: attempt > 1 };
      const plan = planSync(row);
      if (plan.unchanged) return { result: plan.result, wrote: attempt > 1 };
      // After a lost race the row was read after the winner's commit: if the winner already
      // completed the trail (certificate included), its write is this one's too.
      if (attempt > 1 && plan.complete && row.status === 'COMPLETED') {
        return { result: plan.result, wrote: true };
      }
      // One random 16-hex token serves as both hash and credential id, as in the original.
      const token = randomBytes(8).toString('hex');
      const [outcome] = await write({
        id: row.enrollment_id,
        version: row.enrollment_version,
        status: plan.result.status,
        percent: plan.result.progressPercent,
        complete: plan.complete,
        token,
      });
      if (outcome && outcome.updated > 0) {
        return { result: { ...plan.result, certificateIssued: outcome.issued > 0 }, wrote: true };
      }
      [row] = await reader.rows(userId, [Number(row.trail_id)]);
    }
    throw new Error(`Trail sync of user ${userId} lost ${MAX_ATTEMPTS} races in a row`);
  };

  /**
   * Recomputes `user_trails` for an enrolled user (docs/rota-api.md §2.3 "sync"): percent, status,
   * completed_at (rewritten to now on every sync while complete) and a certificate if missing.
   */
  const sync = async (userId: number, trailId: number): Promise<SyncResult | null> => {
    const [row] = await reader.rows(userId, [trailId]);
    return (await syncRow(userId, row)).result;
  };
  return { sync, syncRow, reader };
}

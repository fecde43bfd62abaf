import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { percentOf } from '../progress/round.js';
import { preparedSql } from './prepared.js';
import type { ProgressEntry } from './rows.js';
import type { TimestampMapper } from './sql-parts.js';

/** A raw progress-map row (driver types: int8 as string, timestamps as text). */
export type MapRow = {
  trail_id: string;
  enrollment_id: string | null;
  /** The enrolment row's version (`xmin`): a sync writes only over the version it read. */
  enrollment_version: string | null;
  total: number;
  done: number;
  progress_percent: number | null;
  enrolled: boolean;
  started_at: string | null;
  status: string | null;
  completed_at: string | null;
  review_rating: number | null;
  review_comment: string | null;
  certificate_hash: string | null;
  credential_id: string | null;
  issued_at: string | null;
};

/**
 * The progress map of docs/rota-api.md §2.2 for several trails in one prepared statement. Every
 * requested trail gets an entry, enrolled or not. Build once per executor, call many times.
 */
export function createProgressMapReader(db: Executor) {
  const read = preparedSql<MapRow>(
    db,
    () => sql`
      -- The user's COMPLETED rows first (few, by the user index), then their trails: cheaper
      -- than one correlated count per requested trail.
      with done as (
        select ti.trail_id, count(*)::int as n
        from user_item_progress uip join trail_items ti on ti.id = uip.trail_item_id
        where uip.user_id = ${sql.placeholder('userId')}
          and ti.trail_id = any(${sql.placeholder('trailIds')}::bigint[])
          and uip.status_id = (select id from lk_progress_status where code = 'COMPLETED')
        group by ti.trail_id)
      select t.trail_id,
        (select count(*)::int from trail_items ti where ti.trail_id = t.trail_id) as total,
        coalesce(d.n, 0) as done,
        ut.id as enrollment_id, ut.xmin::text as enrollment_version,
        ut.progress_percent::float8 as progress_percent,
        ut.id is not null as enrolled,
        ut.started_at, es.code as status, ut.completed_at, ut.review_rating, ut.review_comment,
        c.certificate_hash, c.credential_id, c.issued_at
      from unnest(${sql.placeholder('trailIds')}::bigint[]) with ordinality as t(trail_id, ord)
      left join done d on d.trail_id = t.trail_id
      left join user_trails ut on ut.trail_id = t.trail_id and ut.user_id = ${sql.placeholder('userId')}
      left join lk_enrollment_status es on es.id = ut.status_id
      left join trail_certificates c on c.trail_id = t.trail_id and c.user_id = ${sql.placeholder('userId')}
      order by t.ord`,
  );
  return {
    /** The raw rows, one per requested trail in the requested order. */
    rows: (userId: number, trailIds: number[]): Promise<MapRow[]> =>
      trailIds.length === 0 ? Promise.resolve([]) : read({ userId, trailIds }),
    /** The map of docs/rota-api.md §2.2, keyed by trail id. */
    async map<T>(
      userId: number,
      trailIds: number[],
      time: TimestampMapper<T>,
    ): Promise<Map<number, ProgressEntry<T>>> {
      const result = new Map<number, ProgressEntry<T>>();
      if (trailIds.length === 0) return result;
      for (const row of await read({ userId, trailIds }))
        result.set(Number(row.trail_id), toProgressEntry(row, time));
      return result;
    },
  };
}

/** One map entry from its row (docs/rota-api.md §2.2 rules). */
export function toProgressEntry<T>(row: MapRow, time: TimestampMapper<T>): ProgressEntry<T> {
  const total = row.total;
  const done = total > 0 ? Math.min(row.done, total) : row.done;
  const entry: ProgressEntry<T> = {
    done,
    total,
    computedProgressPercent: row.enrolled
      ? Number(row.progress_percent ?? 0)
      : percentOf(done, total),
    nextAction: total > 0 && done >= total ? 'Revisar' : done > 0 ? 'Continuar' : 'Começar',
    enrolledAt: time(row.started_at),
    status: row.status,
    completedAt: time(row.completed_at),
    reviewRating: row.review_rating,
    reviewComment: row.review_comment,
  };
  if (row.certificate_hash !== null) {
    entry.certificate = {
      hash: row.certificate_hash,
      credentialId: row.credential_id ?? '',
      issuedAt: time(row.issued_at),
    };
  }
  return entry;
}

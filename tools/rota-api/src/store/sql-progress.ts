import { randomBytes } from 'node:crypto';
import { percentOf } from '../domain/rounding.js';
import { type Lookups, lookupId, type Sql } from './pg-client.js';
import type { ProgressEntry } from './types.js';

type MapRow = {
  trail_id: number;
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

function toEntry(row: MapRow): ProgressEntry {
  const done = row.total > 0 ? Math.min(row.done, row.total) : row.done;
  const entry: ProgressEntry = {
    done,
    total: row.total,
    computedProgressPercent: row.enrolled
      ? Number(row.progress_percent ?? 0)
      : percentOf(done, row.total),
    nextAction: row.total > 0 && done >= row.total ? 'Revisar' : done > 0 ? 'Continuar' : 'Começar',
    enrolledAt: row.started_at,
    status: row.status,
    completedAt: row.completed_at,
    reviewRating: row.review_rating,
    reviewComment: row.review_comment,
  };
  if (row.certificate_hash !== null) {
    entry.certificate = {
      hash: row.certificate_hash,
      credentialId: row.credential_id ?? '',
      issuedAt: row.issued_at,
    };
  }
  return entry;
}

/** Progress map and trail sync (contract §2.2 "Progress-map rules", §2.3 "sync"). */
export function progressQueries(sql: Sql, lookups: () => Promise<Lookups>) {
  return {
    async getProgressMap(userId: number, trailIds: number[]) {
      const completed = lookupId((await lookups()).progress, 'COMPLETED');
      const rows = await sql<MapRow[]>`
        SELECT t.trail_id,
          (SELECT count(*)::int FROM trail_items i WHERE i.trail_id = t.trail_id) AS total,
          (SELECT count(*)::int FROM trail_items i
             JOIN user_item_progress p ON p.trail_item_id = i.id AND p.user_id = ${userId}
            WHERE i.trail_id = t.trail_id AND p.status_id = ${completed}) AS done,
          ut.progress_percent, ut.id IS NOT NULL AS enrolled, ut.started_at, es.code AS status,
          ut.completed_at, ut.review_rating, ut.review_comment,
          c.certificate_hash, c.credential_id, c.issued_at
        FROM unnest(${trailIds}::bigint[]) AS t(trail_id)
        LEFT JOIN user_trails ut ON ut.trail_id = t.trail_id AND ut.user_id = ${userId}
        LEFT JOIN lk_enrollment_status es ON es.id = ut.status_id
        LEFT JOIN trail_certificates c ON c.trail_id = t.trail_id AND c.user_id = ${userId}`;
      return new Map(rows.map((row) => [row.trail_id, toEntry(row)]));
    },

    /**
     * One statement: recount, rewrite `user_trails` (percent rounded like Python's round, i.e.
     * ties to even on exact binary ties) and issue a certificate when complete.
     */
    async syncTrailProgress(userId: number, trailId: number, tx: Sql = sql) {
      const l = await lookups();
      const completedItem = lookupId(l.progress, 'COMPLETED');
      const [enrolled, inProgress, completed] = ['ENROLLED', 'IN_PROGRESS', 'COMPLETED'].map((c) =>
        lookupId(l.enrollment, c),
      );
      const token = randomBytes(8).toString('hex');
      await tx`
        WITH c AS (
          SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status_id = ${completedItem})::int AS done
          FROM trail_items i
          LEFT JOIN user_item_progress p ON p.trail_item_id = i.id AND p.user_id = ${userId}
          WHERE i.trail_id = ${trailId}
        ), v AS (
          SELECT total, LEAST(done, total) AS done,
                 CASE WHEN total > 0 THEN 100.0 * LEAST(done, total) / total ELSE 0 END AS x
          FROM c
        ), upd AS (
          UPDATE user_trails ut SET
            progress_percent = CASE
              WHEN v.x * 8 = trunc(v.x * 8) AND mod(trunc(v.x * 1000), 10) = 5
                   AND v.x * 1000 = trunc(v.x * 1000) AND mod(trunc(v.x * 100), 2) = 0
                THEN trunc(v.x * 100) / 100
              ELSE round(v.x, 2) END,
            status_id = CASE WHEN v.total > 0 AND v.done >= v.total THEN ${completed}::int
                             WHEN v.done > 0 THEN ${inProgress}::int ELSE ${enrolled}::int END,
            completed_at = CASE WHEN v.total > 0 AND v.done >= v.total THEN now() END
          FROM v
          WHERE ut.user_id = ${userId} AND ut.trail_id = ${trailId}
          RETURNING ut.user_id, ut.trail_id, ut.status_id
        )
        INSERT INTO trail_certificates (user_id, trail_id, certificate_hash, credential_id, issued_at, issued_at_utc)
        SELECT user_id, trail_id, ${token}, ${token}, now(), timezone('utc', now()) FROM upd
        WHERE status_id = ${completed}::int
        ON CONFLICT DO NOTHING`;
    },

    async isEnrolled(userId: number, trailId: number) {
      const rows =
        await sql`SELECT 1 FROM user_trails WHERE user_id = ${userId} AND trail_id = ${trailId}`;
      return rows.length > 0;
    },

    async ensureEnrollment(userId: number, trailId: number, tx: Sql = sql) {
      const status = lookupId((await lookups()).enrollment, 'ENROLLED');
      // DO NOTHING keeps concurrent first enrolments from failing; a missing trail still
      // raises the FK violation the original answers with 500.
      await tx`
        INSERT INTO user_trails (user_id, trail_id, status_id, started_at, progress_percent)
        VALUES (${userId}, ${trailId}, ${status}, now(), 0)
        ON CONFLICT (user_id, trail_id) DO NOTHING`;
    },
  };
}

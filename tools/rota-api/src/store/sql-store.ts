import { type Lookups, loadLookups, lookupId, openSql, type Sql } from './pg-client.js';
import { formQueries } from './sql-forms.js';
import { itemProgressQueries } from './sql-items-progress.js';
import { progressQueries } from './sql-progress.js';
import { trailQueries } from './sql-trails.js';
import { userQueries } from './sql-users.js';
import type { RotaStore } from './types.js';

/** Pool size of the API's PostgreSQL client. */
export interface SqlStoreOptions {
  maxConnections?: number;
}

/**
 * The API's store: SQL over the Rota schema of contract §3 (as migrated by rota-db), through
 * postgres.js. Writes that the original commits together run in one transaction.
 */
export function createSqlStore(databaseUrl: string, options: SqlStoreOptions = {}): RotaStore {
  const sql = openSql(databaseUrl, options.maxConnections ?? 10);
  let cached: Promise<Lookups> | undefined;
  const lookups = () => {
    cached ??= loadLookups(sql).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
  const progress = progressQueries(sql, lookups);
  const forms = formQueries(sql);
  return {
    ...userQueries(sql),
    ...trailQueries(sql),
    ...progress,
    ...itemProgressQueries(sql, lookups),
    getFormForItem: forms.getFormForItem,
    insertSubmission: (submission) => forms.insertSubmission(submission),
    syncTrailProgress: (userId, trailId) => progress.syncTrailProgress(userId, trailId),
    ensureEnrollment: (userId, trailId) => progress.ensureEnrollment(userId, trailId),
    async upsertItemProgress(input) {
      const l = await lookups();
      const completed = lookupId(l.progress, 'COMPLETED');
      const status = lookupId(l.progress, input.status);
      const value = input.progressValue === null ? null : Math.max(0, input.progressValue);
      await sql.begin(async (tx) => {
        const t = tx as unknown as Sql;
        await t`
          INSERT INTO user_item_progress (user_id, trail_item_id, status_id, progress_value, last_interaction,
                                          last_interaction_utc, completed_at, last_passed_submission_id)
          VALUES (${input.userId}, ${input.itemId}, ${status}, ${value}, now(), timezone('utc', now()),
                  CASE WHEN ${status}::int = ${completed}::int THEN now() END, ${input.passedSubmissionId ?? null})
          ON CONFLICT (user_id, trail_item_id) DO UPDATE SET
            status_id = CASE WHEN user_item_progress.status_id = ${completed}::int
                             THEN user_item_progress.status_id ELSE EXCLUDED.status_id END,
            progress_value = CASE WHEN ${value}::int IS NULL THEN user_item_progress.progress_value
                                  ELSE GREATEST(COALESCE(user_item_progress.progress_value, 0), ${value}::int) END,
            last_interaction = now(),
            last_interaction_utc = timezone('utc', now()),
            completed_at = CASE WHEN user_item_progress.status_id = ${completed}::int THEN user_item_progress.completed_at
                                WHEN EXCLUDED.status_id = ${completed}::int THEN now() END,
            last_passed_submission_id = COALESCE(EXCLUDED.last_passed_submission_id,
                                                 user_item_progress.last_passed_submission_id)`;
        await progress.syncTrailProgress(input.userId, input.trailId, t);
      });
    },
    close: () => sql.end({ timeout: 5 }),
  } satisfies RotaStore;
}

export type { Sql };

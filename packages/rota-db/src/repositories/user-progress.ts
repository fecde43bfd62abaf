import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { preparedSql } from './prepared.js';
import type { ItemProgressRecord } from './rows.js';
import { toDate } from './sql-parts.js';
import { createSync, type SyncResult } from './sync.js';

/** Input of an item-progress write (PUT progress, a passed form). */
export interface ItemProgressInput {
  userId: number;
  itemId: number;
  /** `IN_PROGRESS` or `COMPLETED` (the API never writes NOT_STARTED). */
  status: 'IN_PROGRESS' | 'COMPLETED';
  /** Omitted/null keeps the stored value; otherwise the stored value becomes max(old, value, 0). */
  progressValue?: number | null;
  /** Set only when given (form path). */
  lastPassedSubmissionId?: number | null;
}

/** The upserted row plus the trail sync that followed it. */
export interface SavedItemProgress {
  progress: ItemProgressRecord;
  trailId: number;
  sync: SyncResult | null;
}

type UpsertedRow = {
  id: string;
  user_id: string;
  trail_item_id: string;
  status: string | null;
  progress_value: number | null;
  last_interaction: Date | string | null;
  completed_at: Date | string | null;
  last_passed_submission_id: string | null;
};

const p = (name: string) => sql.placeholder(name);

// The write statements over one executor (the pool, or a transaction).
function createItemWrites(db: Executor) {
  // One atomic statement: concurrent writers for one (user, item) neither lose updates nor
  // duplicate the row. The §2.3 rules live in the DO UPDATE clause. Prepared, like the reads:
  // planning it costs about as much as running it.
  const upsert = preparedSql<UpsertedRow>(
    db,
    () => sql`
      with done as (select id from lk_progress_status where code = 'COMPLETED'),
      upserted as (
        insert into user_item_progress as p
          (user_id, trail_item_id, status_id, progress_value, last_interaction,
           last_interaction_utc, completed_at, completed_at_utc, last_passed_submission_id)
        values (
          ${p('userId')}::bigint, ${p('itemId')}::bigint,
          (select id from lk_progress_status where code = ${p('status')}::text),
          case when ${p('value')}::int is null then null else greatest(0, ${p('value')}::int) end,
          now(), (now() at time zone 'utc'),
          case when ${p('status')}::text = 'COMPLETED' then now() end,
          case when ${p('status')}::text = 'COMPLETED' then (now() at time zone 'utc') end,
          ${p('submissionId')}::bigint)
        on conflict (user_id, trail_item_id) do update set
          status_id = case when p.status_id = (select id from done) then p.status_id
                           else excluded.status_id end,
          progress_value = case when ${p('value')}::int is null then p.progress_value
                                else greatest(coalesce(p.progress_value, 0), 0, ${p('value')}::int) end,
          last_interaction = excluded.last_interaction,
          last_interaction_utc = excluded.last_interaction_utc,
          completed_at = case when p.status_id = (select id from done) then p.completed_at
                              when excluded.status_id = (select id from done) then now() end,
          completed_at_utc = case when p.status_id = (select id from done) then p.completed_at_utc
                                  when excluded.status_id = (select id from done)
                                    then (now() at time zone 'utc') end,
          last_passed_submission_id = coalesce(excluded.last_passed_submission_id,
                                               p.last_passed_submission_id)
        returning p.*
      )
      select u.id, u.user_id, u.trail_item_id, ps.code as status, u.progress_value,
             u.last_interaction, u.completed_at, u.last_passed_submission_id
      from upserted u left join lk_progress_status ps on ps.id = u.status_id`,
  );
  const trailOfItem = preparedSql<{ trail_id: string }>(
    db,
    () => sql`select trail_id from trail_items where id = ${p('itemId')}::bigint`,
  );

  const upsertItemProgress = async (input: ItemProgressInput): Promise<ItemProgressRecord> => {
    const rows = await upsert({
      userId: input.userId,
      itemId: input.itemId,
      status: input.status,
      value: input.progressValue ?? null,
      submissionId: input.lastPassedSubmissionId ?? null,
    });
    const r = rows[0];
    if (!r) throw new Error(`Progress upsert for item ${input.itemId} returned no row`);
    return {
      id: Number(r.id),
      userId: Number(r.user_id),
      trailItemId: Number(r.trail_item_id),
      status: r.status,
      progressValue: r.progress_value,
      lastInteraction: toDate(r.last_interaction),
      completedAt: toDate(r.completed_at),
      lastPassedSubmissionId:
        r.last_passed_submission_id === null ? null : Number(r.last_passed_submission_id),
    };
  };
  return {
    upsertItemProgress,
    /** The trail the item belongs to. */
    trailOfItem: (itemId: number) => trailOfItem({ itemId }),
  };
}

/** Item progress writes (db-bench case 21; PUT progress; passed form submissions). */
export function createUserProgressRepository(db: Executor) {
  const { upsertItemProgress } = createItemWrites(db);
  const storedValue = preparedSql<{ progress_value: number | null }>(
    db,
    () => sql`
      select progress_value from user_item_progress
      where user_id = ${sql.placeholder('userId')} and trail_item_id = ${sql.placeholder('itemId')}`,
  );

  return {
    /** The stored `progress_value` of the user's item (null without a row or a value): the video rules' "existing". */
    async getProgressValue(userId: number, itemId: number): Promise<number | null> {
      const [row] = await storedValue({ userId, itemId });
      return row?.progress_value ?? null;
    },

    /** The race-safe upsert alone (§2.3 rules: never leaves COMPLETED, value only grows). */
    upsertItemProgress,

    /**
     * Case 21: upsert, look up the item's trail, sync that trail — in one transaction, as the
     * original. The sync is safe against concurrent writers of the same enrolment (see sync.ts).
     */
    saveItemProgress(input: ItemProgressInput): Promise<SavedItemProgress> {
      return db.transaction(async (tx) => {
        const writes = createItemWrites(tx);
        const progress = await writes.upsertItemProgress(input);
        const [item] = await writes.trailOfItem(input.itemId);
        const trailId = Number(item?.trail_id);
        const sync = await createSync(tx).sync(input.userId, trailId);
        return { progress, trailId, sync };
      });
    },
  };
}

/** The user-progress repository type. */
export type UserProgressRepository = ReturnType<typeof createUserProgressRepository>;

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';

/** Every lookup code of docs/rota-api.md §3.2, per table, in the original seed order. */
export const LOOKUP_CODES = {
  lk_sex: ['MC', 'MT', 'WC', 'WT', 'OT', 'NS'],
  lk_color: ['BR', 'PR', 'PA', 'AM', 'IN', 'OU', 'NS'],
  lk_role: ['Admin', 'User', 'Manager'],
  lk_item_type: ['DOC', 'VIDEO', 'FORM'],
  lk_question_type: ['ESSAY', 'TRUE_OR_FALSE', 'SINGLE_CHOICE'],
  lk_enrollment_status: ['ENROLLED', 'IN_PROGRESS', 'COMPLETED'],
  lk_progress_status: ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'],
} as const;

/** A lookup table name of docs/rota-api.md §3.2. */
export type LookupTable = keyof typeof LOOKUP_CODES;

// The seed script re-creates these with IF NOT EXISTS (docs/rota-api.md §3.2).
const SEED_INDEXES = [
  'CREATE INDEX IF NOT EXISTS idx_trails_created_date ON trails (created_date DESC)',
  'CREATE INDEX IF NOT EXISTS idx_trails_name ON trails (name)',
  'CREATE INDEX IF NOT EXISTS idx_user_trails_user_status ON user_trails (user_id, status_id)',
  'CREATE INDEX IF NOT EXISTS idx_trail_included_items_trail ON trail_included_items (trail_id, ord)',
  'CREATE INDEX IF NOT EXISTS idx_trail_requirements_trail ON trail_requirements (trail_id, ord)',
  'CREATE INDEX IF NOT EXISTS idx_trail_target_audience_trail ON trail_target_audience (trail_id, ord)',
  'CREATE INDEX IF NOT EXISTS idx_user_item_progress_status ON user_item_progress (status_id)',
];

/** Inserts every missing lookup code (one row at a time, in seed order) and the seed's indexes. */
export async function seedLookups(db: Executor): Promise<void> {
  for (const [table, codes] of Object.entries(LOOKUP_CODES)) {
    for (const code of codes) {
      // One statement per code keeps ids 1, 2, 3… in seed order on a fresh database.
      await db.execute(
        sql`INSERT INTO ${sql.identifier(table)} (code) VALUES (${code}) ON CONFLICT (code) DO NOTHING`,
      );
    }
  }
  for (const statement of SEED_INDEXES) await db.execute(sql.raw(statement));
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  bigserialId,
  cascadingRef,
  decimal,
  requiredCascadingRef,
  timestamptz,
} from './columns.js';
import { lkEnrollmentStatus, lkProgressStatus } from './lookups.js';
import { trailItems, trails } from './trails.js';
import { users } from './users.js';

export const userTrails = pgTable(
  'user_trails',
  {
    id: bigserialId(),
    userId: cascadingRef('user_id', () => users.userId),
    trailId: cascadingRef('trail_id', () => trails.id),
    statusId: integer('status_id').references(() => lkEnrollmentStatus.id),
    progressPercent: decimal('progress_percent', 5, 2).notNull().default(0),
    startedAt: timestamptz('started_at'),
    completedAt: timestamptz('completed_at'),
    startedAtUtc: timestamp('started_at_utc'),
    completedAtUtc: timestamp('completed_at_utc'),
    reviewRating: smallint('review_rating'),
    reviewComment: text('review_comment'),
    reviewedAt: timestamptz('reviewed_at'),
  },
  (t) => [
    check('ck_ut_progress', sql`${t.progressPercent} >= 0.00 AND ${t.progressPercent} <= 100.00`),
    check(
      'ck_ut_review_rating',
      sql`${t.reviewRating} IS NULL OR (${t.reviewRating} >= 1 AND ${t.reviewRating} <= 5)`,
    ),
    unique('user_trails_unique').on(t.userId, t.trailId),
    index('idx_user_trails_user').on(t.userId),
    index('idx_user_trails_trail').on(t.trailId),
    index('idx_user_trails_user_status').on(t.userId, t.statusId),
  ],
);

export const userItemProgress = pgTable(
  'user_item_progress',
  {
    id: bigserialId(),
    userId: cascadingRef('user_id', () => users.userId),
    trailItemId: cascadingRef('trail_item_id', () => trailItems.id),
    statusId: integer('status_id').references(() => lkProgressStatus.id),
    progressValue: integer('progress_value'),
    lastInteraction: timestamptz('last_interaction'),
    completedAt: timestamptz('completed_at'),
    lastInteractionUtc: timestamp('last_interaction_utc'),
    completedAtUtc: timestamp('completed_at_utc'),
    // No FK in the original DDL (only the ORM declares one).
    lastPassedSubmissionId: bigint('last_passed_submission_id', { mode: 'number' }),
  },
  (t) => [
    unique('user_item_progress_unique').on(t.userId, t.trailItemId),
    index('idx_uip_user').on(t.userId),
    index('idx_uip_item').on(t.trailItemId),
    index('idx_user_item_progress_user_trail').on(t.userId, t.trailItemId),
    index('idx_user_item_progress_status').on(t.statusId),
  ],
);

export const trailCertificates = pgTable(
  'trail_certificates',
  {
    id: bigserialId(),
    userId: requiredCascadingRef('user_id', () => users.userId),
    trailId: requiredCascadingRef('trail_id', () => trails.id),
    certificateHash: varchar('certificate_hash', { length: 64 })
      .notNull()
      .unique('trail_certificates_certificate_hash_key'),
    credentialId: varchar('credential_id', { length: 64 })
      .notNull()
      .unique('trail_certificates_credential_id_key'),
    issuedAt: timestamptz('issued_at').notNull(),
    issuedAtUtc: timestamp('issued_at_utc').notNull(),
  },
  (t) => [
    unique('uq_trail_certificates_user_trail').on(t.userId, t.trailId),
    index('idx_trail_certificates_user').on(t.userId),
    index('idx_trail_certificates_trail').on(t.trailId),
  ],
);

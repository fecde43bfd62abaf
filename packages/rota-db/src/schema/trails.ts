import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  text,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { bigserialId, requiredCascadingRef } from './columns.js';
import { itemTypeEnum } from './enums.js';
import { lkItemType } from './lookups.js';
import { users } from './users.js';

/** The one standalone sequence of the original DDL that a column uses (`trail_items.id`). */
export const videosIdSeq = pgSequence('videos_id_seq');

export const trails = pgTable(
  'trails',
  {
    id: bigserialId(),
    thumbnailUrl: text('thumbnail_url').notNull(),
    name: text('name').notNull(),
    review: numeric('review', { mode: 'number' }),
    reviewCount: integer('review_count'),
    createdDate: date('created_date', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.userId, {
      onDelete: 'set null',
      onUpdate: 'cascade',
    }),
    author: text('author'),
    description: text('description'),
    // Legacy arrays: the API reads the child tables instead.
    requirements: text('requirements').array(),
    targetAudience: text('target_audience').array(),
    includedItems: text('included_items').array(),
  },
  (t) => [
    index('idx_trails_created_date').on(t.createdDate.desc()),
    index('idx_trails_name').on(t.name),
  ],
);

export const trailSections = pgTable(
  'trail_sections',
  {
    id: bigserialId(),
    trailId: requiredCascadingRef('trail_id', () => trails.id),
    title: text('title').notNull(),
    description: text('description'),
    orderIndex: integer('order_index').notNull().default(0),
  },
  (t) => [
    check('ck_trail_sections_order_nonneg', sql`${t.orderIndex} >= 0`),
    unique('uq_trail_sections_trail_order').on(t.trailId, t.orderIndex),
    index('idx_trail_sections_trail').on(t.trailId),
    index('idx_trail_sections_trail_order').on(t.trailId, t.orderIndex),
  ],
);

export const trailItems = pgTable(
  'trail_items',
  {
    id: bigint('id', { mode: 'number' })
      .primaryKey()
      .default(sql`nextval('videos_id_seq'::regclass)`),
    url: text('url').notNull(),
    orderIndex: integer('order_index').default(0),
    trailId: bigint('trail_id', { mode: 'number' })
      .notNull()
      .references(() => trails.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    type: itemTypeEnum('type').notNull(),
    title: text('title'),
    durationSeconds: integer('duration_seconds'),
    itemTypeId: integer('item_type_id').references(() => lkItemType.id),
    sectionId: bigint('section_id', { mode: 'number' }).references(() => trailSections.id, {
      onDelete: 'set null',
    }),
    requiresCompletion: boolean('requires_completion'),
    requiresCompletionYn: varchar('requires_completion_yn', { length: 1 }),
  },
  (t) => [
    unique('videos_unique').on(t.url),
    check('ck_trail_items_order_nonneg', sql`${t.orderIndex} >= 0`),
    index('idx_trail_items_trail_id').on(t.trailId),
    index('idx_trail_items_section').on(t.sectionId),
    index('idx_trail_items_type').on(t.itemTypeId),
    index('idx_trail_items_trail_order').on(t.trailId, t.orderIndex),
    index('idx_trail_items_trail_section_order').on(t.trailId, t.sectionId, t.orderIndex),
    uniqueIndex('trail_items_section_order_unique')
      .on(t.sectionId, t.orderIndex)
      .where(sql`section_id IS NOT NULL`),
    uniqueIndex('trail_items_trail_order_legacy_unique')
      .on(t.trailId, t.orderIndex)
      .where(sql`section_id IS NULL`),
  ],
);

// The three text-list tables share one shape; only names differ.
function textListTable(name: string, indexName: string) {
  return pgTable(
    name,
    {
      id: bigserialId(),
      trailId: requiredCascadingRef('trail_id', () => trails.id),
      textVal: varchar('text_val', { length: 500 }).notNull(),
      ord: integer('ord').notNull().default(0),
    },
    (t) => [index(indexName).on(t.trailId, t.ord)],
  );
}

export const trailIncludedItems = textListTable(
  'trail_included_items',
  'idx_trail_included_items_trail',
);
export const trailRequirements = textListTable(
  'trail_requirements',
  'idx_trail_requirements_trail',
);
export const trailTargetAudience = textListTable(
  'trail_target_audience',
  'idx_trail_target_audience_trail',
);

/** The three text lists of a trail (one table each), by what they list. */
export const trailTextLists = {
  included: trailIncludedItems,
  requirements: trailRequirements,
  audience: trailTargetAudience,
};

import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { lkQuestionType } from './lookups.js';
import { trailItems } from './trails.js';
import { users } from './users.js';

export const forms = pgTable(
  'forms',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trailItemId: bigint('trail_item_id', { mode: 'number' }).references(() => trailItems.id, {
      onDelete: 'cascade',
    }),
    title: text('title'),
    description: text('description'),
    minScoreToPass: numeric('min_score_to_pass', { precision: 5, scale: 2, mode: 'number' })
      .notNull()
      .default(70),
    randomizeQuestions: boolean('randomize_questions'),
    randomizeQuestionsYn: char('randomize_questions_yn', { length: 1 }),
  },
  (t) => [
    unique('forms_trail_item_uk').on(t.trailItemId),
    check('ck_forms_random', sql`${t.randomizeQuestionsYn} IN ('S', 'N')`),
    index('idx_forms_trail_item').on(t.trailItemId),
  ],
);

export const formQuestion = pgTable(
  'form_question',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    formId: bigint('form_id', { mode: 'number' }).references(() => forms.id, {
      onDelete: 'cascade',
    }),
    prompt: text('prompt'),
    questionTypeId: integer('question_type_id').references(() => lkQuestionType.id),
    required: boolean('required'),
    requiredYn: char('required_yn', { length: 1 }),
    orderIndex: integer('order_index').notNull().default(0),
    points: numeric('points', { precision: 6, scale: 2, mode: 'number' }).notNull().default(1),
  },
  (t) => [
    check('ck_fq_required', sql`${t.requiredYn} IN ('Y', 'N')`),
    unique('form_question_order_unique').on(t.formId, t.orderIndex),
    index('idx_form_question_form').on(t.formId),
  ],
);

export const formQuestionOptions = pgTable(
  'form_question_options',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    questionId: bigint('question_id', { mode: 'number' }).references(() => formQuestion.id, {
      onDelete: 'cascade',
    }),
    optionText: text('option_text'),
    isCorrect: boolean('is_correct'),
    isCorrectYn: char('is_correct_yn', { length: 1 }),
    orderIndex: integer('order_index').notNull().default(0),
  },
  (t) => [
    check('ck_fqo_correct', sql`${t.isCorrectYn} IN ('Y', 'N')`),
    index('idx_fqo_question').on(t.questionId),
  ],
);

export const formSubmissions = pgTable(
  'form_submissions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    formId: bigint('form_id', { mode: 'number' }).references(() => forms.id, {
      onDelete: 'cascade',
    }),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.userId, {
      onDelete: 'cascade',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedAtUtc: timestamp('submitted_at_utc'),
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull().default(0),
    passed: boolean('passed'),
    passedYn: char('passed_yn', { length: 1 }),
    durationSeconds: integer('duration_seconds'),
  },
  (t) => [
    check('ck_fs_passed', sql`${t.passedYn} IN ('Y', 'N')`),
    index('idx_fs_form').on(t.formId),
    index('idx_fs_user').on(t.userId),
  ],
);

export const formAnswers = pgTable(
  'form_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    submissionId: bigint('submission_id', { mode: 'number' }).references(() => formSubmissions.id, {
      onDelete: 'cascade',
    }),
    questionId: bigint('question_id', { mode: 'number' }).references(() => formQuestion.id, {
      onDelete: 'cascade',
    }),
    selectedOptionId: bigint('selected_option_id', { mode: 'number' }).references(
      () => formQuestionOptions.id,
      { onDelete: 'set null' },
    ),
    answerText: text('answer_text'),
    isCorrect: boolean('is_correct'),
    isCorrectYn: char('is_correct_yn', { length: 1 }),
    pointsAwarded: numeric('points_awarded', { precision: 6, scale: 2, mode: 'number' }),
  },
  (t) => [
    check('ck_fa_correct', sql`${t.isCorrectYn} IS NULL OR ${t.isCorrectYn} IN ('Y', 'N')`),
    unique('form_answers_unique').on(t.submissionId, t.questionId),
    index('fa_submission_idx').on(t.submissionId),
    index('fa_question_idx').on(t.questionId),
  ],
);

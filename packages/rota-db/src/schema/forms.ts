import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { bigserialId, cascadingRef, decimal, timestamptz } from './columns.js';
import { lkQuestionType } from './lookups.js';
import { trailItems } from './trails.js';
import { users } from './users.js';

export const forms = pgTable(
  'forms',
  {
    id: bigserialId(),
    trailItemId: cascadingRef('trail_item_id', () => trailItems.id),
    title: text('title'),
    description: text('description'),
    minScoreToPass: decimal('min_score_to_pass', 5, 2).notNull().default(70),
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
    id: bigserialId(),
    formId: cascadingRef('form_id', () => forms.id),
    prompt: text('prompt'),
    questionTypeId: integer('question_type_id').references(() => lkQuestionType.id),
    required: boolean('required'),
    requiredYn: char('required_yn', { length: 1 }),
    orderIndex: integer('order_index').notNull().default(0),
    points: decimal('points', 6, 2).notNull().default(1),
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
    id: bigserialId(),
    questionId: cascadingRef('question_id', () => formQuestion.id),
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
    id: bigserialId(),
    formId: cascadingRef('form_id', () => forms.id),
    userId: cascadingRef('user_id', () => users.userId),
    submittedAt: timestamptz('submitted_at'),
    submittedAtUtc: timestamp('submitted_at_utc'),
    score: decimal('score', 6, 2).notNull().default(0),
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
    id: bigserialId(),
    submissionId: cascadingRef('submission_id', () => formSubmissions.id),
    questionId: cascadingRef('question_id', () => formQuestion.id),
    selectedOptionId: bigint('selected_option_id', { mode: 'number' }).references(
      () => formQuestionOptions.id,
      { onDelete: 'set null' },
    ),
    answerText: text('answer_text'),
    isCorrect: boolean('is_correct'),
    isCorrectYn: char('is_correct_yn', { length: 1 }),
    pointsAwarded: decimal('points_awarded', 6, 2),
  },
  (t) => [
    check('ck_fa_correct', sql`${t.isCorrectYn} IS NULL OR ${t.isCorrectYn} IN ('Y', 'N')`),
    unique('form_answers_unique').on(t.submissionId, t.questionId),
    index('fa_submission_idx').on(t.submissionId),
    index('fa_question_idx').on(t.questionId),
  ],
);

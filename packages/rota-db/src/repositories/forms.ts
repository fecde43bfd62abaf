import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import {
  formAnswers,
  formQuestion,
  formQuestionOptions,
  formSubmissions,
  forms,
  lkQuestionType,
} from '../schema/index.js';
import { lazy } from './prepared.js';
import { bigintNumber, yesFlag } from './sql-parts.js';

/** An answer option, with the correctness the API uses for scoring but never exposes. */
export interface OptionRow {
  id: number;
  text: string | null;
  orderIndex: number;
  /** `is_correct`, else `is_correct_yn` = 'Y'. */
  isCorrect: boolean;
}

/** A question with its options sorted (order_index, id). */
export interface QuestionRow {
  id: number;
  prompt: string | null;
  /** `lk_question_type.code`, or `UNKNOWN` when missing. */
  type: string;
  /** `required`, else `required_yn` = 'Y', else false. */
  required: boolean;
  orderIndex: number;
  points: number;
  options: OptionRow[];
}

/** The form of a FORM item with questions sorted (order_index, id). */
export interface FormRow {
  id: number;
  trailItemId: number;
  title: string | null;
  description: string | null;
  minScoreToPass: number;
  /** `randomize_questions`, else `randomize_questions_yn` = 'S', else null. */
  randomizeQuestions: boolean | null;
  questions: QuestionRow[];
}

/** A scored submission to store. */
export interface NewSubmission {
  formId: number;
  userId: number;
  /** Percent, stored rounded to 2 decimals. */
  score: number;
  passed: boolean | null;
  durationSeconds: number | null;
  answers: Array<{
    questionId: number;
    selectedOptionId: number | null;
    answerText: string | null;
    isCorrect: boolean | null;
    pointsAwarded: number | null;
  }>;
}

/** Forms: the item detail's form and submission storage. */
export function createFormsRepository(db: Executor) {
  const formQuery = lazy(() =>
    db
      .select({
        id: forms.id,
        trailItemId: bigintNumber(forms.trailItemId),
        title: forms.title,
        description: forms.description,
        minScoreToPass: forms.minScoreToPass,
        randomizeQuestions: sql<
          boolean | null
        >`coalesce(${forms.randomizeQuestions}, case when ${forms.randomizeQuestionsYn} is null then null else ${forms.randomizeQuestionsYn} = 'S' end)`,
      })
      .from(forms)
      .where(eq(forms.trailItemId, sql.placeholder('itemId')))
      .limit(1)
      .prepare('forms_by_item'),
  );
  const questionsQuery = lazy(() =>
    db
      .select({
        id: formQuestion.id,
        prompt: formQuestion.prompt,
        type: sql<string>`coalesce(${lkQuestionType.code}, 'UNKNOWN')`,
        required: yesFlag(formQuestion.required, formQuestion.requiredYn),
        orderIndex: formQuestion.orderIndex,
        points: formQuestion.points,
      })
      .from(formQuestion)
      .leftJoin(lkQuestionType, eq(lkQuestionType.id, formQuestion.questionTypeId))
      .where(eq(formQuestion.formId, sql.placeholder('formId')))
      .orderBy(asc(formQuestion.orderIndex), asc(formQuestion.id))
      .prepare('form_questions'),
  );
  // Options of all questions of one form: joined by form id so the statement has one shape.
  const optionsQuery = lazy(() =>
    db
      .select({
        id: formQuestionOptions.id,
        questionId: bigintNumber(formQuestionOptions.questionId),
        text: formQuestionOptions.optionText,
        orderIndex: formQuestionOptions.orderIndex,
        isCorrect: yesFlag(formQuestionOptions.isCorrect, formQuestionOptions.isCorrectYn),
      })
      .from(formQuestionOptions)
      .innerJoin(formQuestion, eq(formQuestion.id, formQuestionOptions.questionId))
      .where(eq(formQuestion.formId, sql.placeholder('formId')))
      .orderBy(asc(formQuestionOptions.orderIndex), asc(formQuestionOptions.id))
      .prepare('form_question_options'),
  );
  return {
    /** The form of an item with questions and options (null when the item has no form row). */
    async getFormForItem(itemId: number): Promise<FormRow | null> {
      const [form] = await formQuery().execute({ itemId });
      if (!form) return null;
      const questions = await questionsQuery().execute({ formId: form.id });
      const options =
        questions.length === 0 ? [] : await optionsQuery().execute({ formId: form.id });
      const byQuestion = new Map<number, OptionRow[]>(questions.map((q) => [q.id, []]));
      for (const { questionId, ...option } of options) byQuestion.get(questionId)?.push(option);
      return {
        ...form,
        questions: questions.map((q) => ({ ...q, options: byQuestion.get(q.id) ?? [] })),
      };
    },

    /** Inserts a submission and its answers in one transaction; returns the submission id. */
    insertSubmission(input: NewSubmission): Promise<number> {
      return db.transaction(async (tx) => {
        const [submission] = await tx
          .insert(formSubmissions)
          .values({
            formId: input.formId,
            userId: input.userId,
            submittedAt: sql`now()`,
            score: Math.round(input.score * 100) / 100,
            passed: input.passed,
            durationSeconds: input.durationSeconds,
          })
          .returning({ id: formSubmissions.id });
        const submissionId = submission?.id as number;
        if (input.answers.length > 0) {
          await tx.insert(formAnswers).values(input.answers.map((a) => ({ ...a, submissionId })));
        }
        return submissionId;
      });
    },
  };
}

/** The forms repository type. */
export type FormsRepository = ReturnType<typeof createFormsRepository>;

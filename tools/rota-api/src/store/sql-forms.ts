import type { Sql } from './pg-client.js';
import type { FormRecord, NewSubmission, QuestionRecord } from './types.js';

type FormRow = {
  id: number;
  title: string | null;
  description: string | null;
  min_score_to_pass: number | null;
  randomize_questions: boolean | null;
};
type QuestionRow = {
  id: number;
  prompt: string | null;
  type: string | null;
  required: boolean;
  order_index: number;
  points: number | null;
};
type OptionRow = {
  id: number;
  question_id: number;
  text: string | null;
  order_index: number;
  is_correct: boolean;
};

const KNOWN_QUESTION_TYPES = new Set(['ESSAY', 'TRUE_OR_FALSE', 'SINGLE_CHOICE']);

/** Form reads and the submission insert (contract §2.3 item detail and form submissions). */
export function formQueries(sql: Sql) {
  return {
    async getFormForItem(itemId: number): Promise<FormRecord | null> {
      const [form] = await sql<FormRow[]>`
        SELECT id, title, description, min_score_to_pass,
               COALESCE(randomize_questions,
                        CASE WHEN randomize_questions_yn IS NULL THEN NULL ELSE randomize_questions_yn = 'S' END)
                 AS randomize_questions
        FROM forms WHERE trail_item_id = ${itemId} LIMIT 1`;
      if (!form) return null;
      const questions = await sql<QuestionRow[]>`
        SELECT q.id, q.prompt, t.code AS type, COALESCE(q.required, q.required_yn = 'Y', false) AS required,
               q.order_index, q.points
        FROM form_question q LEFT JOIN lk_question_type t ON t.id = q.question_type_id
        WHERE q.form_id = ${form.id} ORDER BY q.order_index, q.id`;
      const options =
        questions.length === 0
          ? []
          : await sql<OptionRow[]>`
        SELECT id, question_id, option_text AS text, order_index,
               COALESCE(is_correct, is_correct_yn = 'Y', false) AS is_correct
        FROM form_question_options WHERE question_id = ANY(${questions.map((q) => q.id)}::bigint[])
        ORDER BY order_index, id`;
      return {
        id: form.id,
        title: form.title,
        description: form.description,
        minScoreToPass: form.min_score_to_pass ?? 0,
        randomizeQuestions: form.randomize_questions,
        questions: questions.map(
          (q): QuestionRecord => ({
            id: q.id,
            prompt: q.prompt,
            type: q.type && KNOWN_QUESTION_TYPES.has(q.type) ? q.type : 'UNKNOWN',
            required: q.required,
            orderIndex: q.order_index,
            points: q.points ?? 0,
            options: options
              .filter((o) => o.question_id === q.id)
              .map((o) => ({
                id: o.id,
                text: o.text,
                orderIndex: o.order_index,
                isCorrect: o.is_correct,
              })),
          }),
        ),
      };
    },
    async insertSubmission(submission: NewSubmission, tx: Sql = sql): Promise<number> {
      const [row] = await tx<Array<{ id: number }>>`
        INSERT INTO form_submissions (form_id, user_id, submitted_at, score, passed, duration_seconds)
        VALUES (${submission.formId}, ${submission.userId}, now(), ${submission.score},
                ${submission.passed}, ${submission.durationSeconds})
        RETURNING id`;
      const id = (row as { id: number }).id;
      if (submission.answers.length > 0) {
        const answers = submission.answers.map((a) => ({
          submission_id: id,
          question_id: a.questionId,
          selected_option_id: a.selectedOptionId,
          answer_text: a.answerText,
          is_correct: a.isCorrect,
          points_awarded: a.pointsAwarded,
        }));
        await tx`INSERT INTO form_answers ${tx(answers)}`;
      }
      return id;
    },
  };
}

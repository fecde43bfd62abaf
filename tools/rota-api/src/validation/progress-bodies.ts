import type { HttpError } from '../http/errors.js';
import { INT4, readInt, readLiteral, readString } from './fields.js';
import { type FieldSource, IssueList, requireObject, validateModel } from './issues.js';

/** A validated PUT progress body. */
export interface ProgressBody {
  status: 'IN_PROGRESS' | 'COMPLETED';
  progressValue: number | null;
}

/** One validated form answer; `answerText` is already trimmed. */
export interface AnswerBody {
  questionId: number;
  selectedOptionId: number | null;
  answerText: string | null;
}

/** A validated form submission body. */
export interface FormSubmissionBody {
  answers: AnswerBody[];
  durationSeconds: number | null;
}

/** Validates `{status, progress_value}`; returns the body or the 422 error. */
export function validateProgressBody(input: unknown): ProgressBody | HttpError {
  return validateModel<ProgressBody>(input, 'ProgressIn', (src) => ({
    status: readLiteral(src, 'status', ['IN_PROGRESS', 'COMPLETED'] as const),
    // Stored in an `integer` column.
    progressValue: readInt(src, 'progress_value', { required: false, range: INT4 }),
  }));
}

function readAnswer(item: unknown, index: number, issues: IssueList): AnswerBody | undefined {
  const data = requireObject(item, 'AnswerIn', issues, ['answers', index]);
  if (data === null) return undefined;
  const src: FieldSource = { data, loc: ['answers', index], issues };
  const questionId = readInt(src, 'question_id', { required: true });
  const selectedOptionId = readInt(src, 'selected_option_id', { required: false });
  const text = readString(src, 'answer_text', false);
  if (questionId === undefined || selectedOptionId === undefined || text === undefined) {
    return undefined;
  }
  return { questionId: questionId as number, selectedOptionId, answerText: text?.trim() ?? null };
}

/** Validates `{answers: [...], duration_seconds}`; returns the body or the 422 error. */
export function validateFormSubmissionBody(input: unknown): FormSubmissionBody | HttpError {
  const issues = new IssueList();
  const data = requireObject(input, 'FormSubmissionIn', issues);
  if (data === null) return issues.toError() as HttpError;
  const answers: AnswerBody[] = [];
  if (!('answers' in data)) {
    issues.add({ type: 'missing', loc: ['answers'], msg: 'Field required', input: data });
  } else if (!Array.isArray(data.answers)) {
    issues.add({
      type: 'list_type',
      loc: ['answers'],
      msg: 'Input should be a valid list',
      input: data.answers,
    });
  } else {
    data.answers.forEach((item, index) => {
      const answer = readAnswer(item, index, issues);
      if (answer) answers.push(answer);
    });
  }
  const durationSeconds = readInt({ data, loc: [], issues }, 'duration_seconds', {
    required: false,
    range: INT4, // an `integer` column
  });
  return issues.toError() ?? { answers, durationSeconds: durationSeconds ?? null };
}

import type { FormRow, NewSubmission } from '@rota-perf/rota-db';
import type { AnswerBody } from '../validation/progress-bodies.js';

/** Why a submission is rejected with 422 before anything is saved. */
export type ScoringRejection =
  | { detail: string; invalid_questions: number[] }
  | { detail: string; missing_questions: number[] }
  | { detail: string; question_id: number };

/** A scored submission and the response fields derived from it. */
export interface ScoredSubmission {
  scorePercent: number;
  scorePoints: number;
  maxPoints: number;
  passed: boolean | null;
  requiresManualReview: boolean;
  answers: NewSubmission['answers'];
}

function isAnswered(type: string, answer: AnswerBody | undefined): boolean {
  if (!answer) return false;
  if (type === 'ESSAY') return (answer.answerText ?? '') !== '';
  return answer.selectedOptionId !== null;
}

/** Validates and scores answers against a form (docs/rota-api.md §2.3 form-submission steps 8-10). */
export function scoreSubmission(
  form: FormRow,
  answers: AnswerBody[],
): ScoredSubmission | ScoringRejection {
  const questionIds = new Set(form.questions.map((q) => q.id));
  const invalid = [
    ...new Set(answers.map((a) => a.questionId).filter((id) => !questionIds.has(id))),
  ];
  if (invalid.length > 0) {
    return {
      detail: 'Uma ou mais questões informadas são inválidas para este formulário',
      invalid_questions: invalid,
    };
  }
  // A question answered twice keeps its last answer.
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const missing = form.questions
    .filter((q) => q.required && !isAnswered(q.type, byQuestion.get(q.id)))
    .map((q) => q.id);
  if (missing.length > 0) {
    return { detail: 'Responda todas as questões obrigatórias', missing_questions: missing };
  }
  let scorePoints = 0;
  let maxPoints = 0;
  let requiresManualReview = false;
  const scored: NewSubmission['answers'] = [];
  for (const question of form.questions) {
    const answer = byQuestion.get(question.id);
    if (question.type === 'ESSAY') {
      const text = answer?.answerText ?? null;
      if (question.required || (text ?? '') !== '') requiresManualReview = true;
      scored.push({
        questionId: question.id,
        selectedOptionId: null,
        answerText: text,
        isCorrect: null,
        pointsAwarded: null,
      });
      continue;
    }
    maxPoints += question.points;
    const selected = answer?.selectedOptionId ?? null;
    const option = selected === null ? undefined : question.options.find((o) => o.id === selected);
    if (selected !== null && !option) {
      return { detail: `Opção inválida para a questão ${question.id}`, question_id: question.id };
    }
    const correct = option?.isCorrect ?? false;
    const points = correct ? question.points : 0;
    scorePoints += points;
    scored.push({
      questionId: question.id,
      selectedOptionId: selected,
      answerText: answer?.answerText ?? null,
      isCorrect: correct,
      pointsAwarded: points,
    });
  }
  const scorePercent = maxPoints > 0 ? (scorePoints / maxPoints) * 100 : 0;
  return {
    scorePercent,
    scorePoints,
    maxPoints,
    passed: requiresManualReview ? null : scorePercent >= form.minScoreToPass,
    requiresManualReview,
    answers: scored,
  };
}

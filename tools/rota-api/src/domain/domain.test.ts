import { type FormRow, percentOf, roundPercent } from '@rota-perf/rota-db';
import { describe, expect, it } from 'vitest';
import { extractYoutubeId, resourceKindOf } from './items.js';
import { scoreSubmission } from './scoring.js';
import { checkVideoRules, effectiveProgress } from './video-rules.js';

describe('rounding', () => {
  it('rounds like Python round(x, 2), ties to even on exact binary ties', () => {
    expect([0.125, 0.375, 12.125, 2.675].map(roundPercent)).toEqual([0.12, 0.38, 12.12, 2.67]);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('item helpers', () => {
  it('extracts YouTube ids and classifies DOC resources by path extension', () => {
    expect(extractYoutubeId('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1')).toBe('dQw4w9WgXcQ');
    expect(extractYoutubeId('https://youtu.be/abcdef')).toBe('abcdef');
    expect(extractYoutubeId('https://youtu.be/abc')).toBe('');
    expect(resourceKindOf('https://x.org/a/file.PDF?x=1')).toBe('PDF');
    expect(resourceKindOf('https://x.org/img.webp')).toBe('IMAGE');
    expect(resourceKindOf('https://x.org.png/page')).toBe('OTHER');
  });
});

describe('video rules', () => {
  it('blocks skip-ahead beyond max(30, 10% of d) unless completing', () => {
    const d = 104;
    const window = Math.max(30, Math.floor(0.1 * d));
    expect(
      checkVideoRules({
        existing: null,
        reported: Math.floor(0.3 * d),
        duration: d,
        status: 'IN_PROGRESS',
      }),
    ).toBe(Math.floor(0.3 * d) > window ? 'skip_ahead_blocked' : 'ok');
    expect(
      checkVideoRules({ existing: 10, reported: 10 + window, duration: d, status: 'IN_PROGRESS' }),
    ).toBe('ok');
    expect(
      checkVideoRules({ existing: null, reported: 30, duration: 0, status: 'IN_PROGRESS' }),
    ).toBe('ok');
  });

  it('requires ceil(70% of d) minus tolerance to complete; effective is capped at d', () => {
    const d = 100;
    const needed = Math.ceil(0.7 * d) - Math.max(5, Math.floor(0.05 * d));
    expect(
      checkVideoRules({ existing: needed, reported: null, duration: d, status: 'COMPLETED' }),
    ).toBe('ok');
    expect(
      checkVideoRules({ existing: needed - 1, reported: null, duration: d, status: 'COMPLETED' }),
    ).toBe('insufficient_watch_time');
    expect(effectiveProgress(50, 500, d)).toBe(d);
    expect(effectiveProgress(50, -3, 0)).toBe(50);
  });
});

const FORM: FormRow = {
  id: 1,
  trailItemId: 5,
  title: 'Quiz',
  description: null,
  minScoreToPass: 70,
  randomizeQuestions: null,
  questions: [
    {
      id: 10,
      prompt: 'A',
      type: 'SINGLE_CHOICE',
      required: true,
      orderIndex: 0,
      points: 2,
      options: [
        { id: 100, text: 'right', orderIndex: 0, isCorrect: true },
        { id: 101, text: 'wrong', orderIndex: 1, isCorrect: false },
      ],
    },
    {
      id: 11,
      prompt: 'B',
      type: 'TRUE_OR_FALSE',
      required: false,
      orderIndex: 1,
      points: 1,
      options: [{ id: 110, text: 'true', orderIndex: 0, isCorrect: false }],
    },
    { id: 12, prompt: 'C', type: 'ESSAY', required: false, orderIndex: 2, points: 1, options: [] },
  ],
};

describe('scoreSubmission', () => {
  it('scores objective answers, leaves unanswered ones at 0 and needs review for essays with text', () => {
    const result = scoreSubmission(FORM, [
      { questionId: 10, selectedOptionId: 100, answerText: null },
    ]);
    expect(result).toMatchObject({
      scorePoints: 2,
      maxPoints: 3,
      passed: (2 / 3) * 100 >= 70,
      requiresManualReview: false,
    });
    const essay = scoreSubmission(FORM, [
      { questionId: 10, selectedOptionId: 101, answerText: null },
      { questionId: 12, selectedOptionId: null, answerText: 'text' },
    ]);
    expect(essay).toMatchObject({ scorePoints: 0, passed: null, requiresManualReview: true });
    expect('answers' in essay && essay.answers.map((a) => a.isCorrect)).toEqual([
      false,
      false,
      null,
    ]);
  });

  it('rejects unknown questions, missing required answers and foreign options', () => {
    expect(
      scoreSubmission(FORM, [{ questionId: 99, selectedOptionId: null, answerText: null }]),
    ).toMatchObject({ invalid_questions: [99] });
    expect(scoreSubmission(FORM, [])).toMatchObject({ missing_questions: [10] });
    // The last answer for a question wins.
    expect(
      scoreSubmission(FORM, [
        { questionId: 10, selectedOptionId: 100, answerText: null },
        { questionId: 10, selectedOptionId: null, answerText: null },
      ]),
    ).toMatchObject({ missing_questions: [10] });
    expect(
      scoreSubmission(FORM, [{ questionId: 10, selectedOptionId: 110, answerText: null }]),
    ).toEqual({
      detail: 'Opção inválida para a questão 10',
      question_id: 10,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.js';
import { validateFormSubmissionBody, validateProgressBody } from './progress-bodies.js';

function types(result: unknown) {
  expect(result).toBeInstanceOf(HttpError);
  return (
    (result as HttpError).body as { detail: Array<{ type: string; loc: unknown[] }> }
  ).detail.map((d) => [d.type, d.loc]);
}

describe('progress body', () => {
  it('accepts lax ints ("30", 30.0) and rejects 30.5, NOT_STARTED and wrong case', () => {
    expect(validateProgressBody({ status: 'IN_PROGRESS', progress_value: '30' })).toEqual({
      status: 'IN_PROGRESS',
      progressValue: 30,
    });
    expect(validateProgressBody({ status: 'COMPLETED', progress_value: 30.0 })).toEqual({
      status: 'COMPLETED',
      progressValue: 30,
    });
    expect(validateProgressBody({ status: 'COMPLETED' })).toEqual({
      status: 'COMPLETED',
      progressValue: null,
    });
    expect(types(validateProgressBody({ status: 'NOT_STARTED', progress_value: 30.5 }))).toEqual([
      ['literal_error', ['status']],
      ['int_from_float', ['progress_value']],
    ]);
    expect(types(validateProgressBody({ status: 'completed', progress_value: 'abc' }))).toEqual([
      ['literal_error', ['status']],
      ['int_parsing', ['progress_value']],
    ]);
  });
});

describe('integer columns and text', () => {
  it('refuses values an integer column cannot hold (le/ge, as pydantic) and NUL in text', () => {
    const detail = (result: unknown) =>
      ((result as HttpError).body as { detail: Array<Record<string, unknown>> }).detail;
    expect(validateProgressBody({ status: 'IN_PROGRESS', progress_value: 2_147_483_647 })).toEqual({
      status: 'IN_PROGRESS',
      progressValue: 2_147_483_647,
    });
    expect(
      detail(validateProgressBody({ status: 'IN_PROGRESS', progress_value: '2147483648' })),
    ).toEqual([
      {
        type: 'less_than_equal',
        loc: ['progress_value'],
        msg: 'Input should be less than or equal to 2147483647',
        input: '2147483648',
        ctx: { le: 2_147_483_647 },
      },
    ]);
    expect(
      types(validateFormSubmissionBody({ answers: [], duration_seconds: -2_147_483_649 })),
    ).toEqual([['greater_than_equal', ['duration_seconds']]]);
    const nul = detail(
      validateFormSubmissionBody({ answers: [{ question_id: 1, answer_text: 'a\u0000' }] }),
    );
    expect(nul).toEqual([
      {
        type: 'value_error',
        loc: ['answers', 0, 'answer_text'],
        msg: 'Value error, text must not contain NUL (\\u0000) characters',
        input: 'a\u0000',
        ctx: { error: 'text must not contain NUL (\\u0000) characters' },
      },
    ]);
  });
});

describe('form submission body', () => {
  it('trims answer_text and reports nested locations', () => {
    expect(
      validateFormSubmissionBody({
        answers: [{ question_id: 1, selected_option_id: null, answer_text: '  hi ' }],
        duration_seconds: 30,
      }),
    ).toEqual({
      answers: [{ questionId: 1, selectedOptionId: null, answerText: 'hi' }],
      durationSeconds: 30,
    });
    expect(
      types(validateFormSubmissionBody({ answers: [{ selected_option_id: 'x' }, 3] })),
    ).toEqual([
      ['missing', ['answers', 0, 'question_id']],
      ['int_parsing', ['answers', 0, 'selected_option_id']],
      ['model_type', ['answers', 1]],
    ]);
    expect(types(validateFormSubmissionBody({}))).toEqual([['missing', ['answers']]]);
    expect(types(validateFormSubmissionBody({ answers: {} }))).toEqual([
      ['list_type', ['answers']],
    ]);
  });
});

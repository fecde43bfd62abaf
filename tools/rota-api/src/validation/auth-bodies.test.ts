import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.js';
import { validateLoginBody, validateRegisterBody } from './auth-bodies.js';

const VALID = {
  email: 'Perf-1@EXAMPLE.com',
  password: 'pw',
  name_for_certificate: 'Performance Tester',
  username: 'perf_1',
  sex: 'M',
  color: 'NS',
  role: 'User',
  birthday: '1990-01-01',
  remember: true,
};

function detailOf(result: unknown) {
  expect(result).toBeInstanceOf(HttpError);
  const error = result as HttpError;
  expect(error.statusCode).toBe(422);
  return (error.body as { detail: Array<Record<string, unknown>> }).detail;
}

describe('register body', () => {
  it('accepts the k6 body, normalises the email domain and maps sex/color codes', () => {
    const body = validateRegisterBody(VALID);
    expect(body).toMatchObject({
      email: 'Perf-1@example.com',
      sex: 'MC',
      color: 'NS',
      role: 'User',
      remember: true,
    });
    expect(validateRegisterBody({ ...VALID, sex: 'mulher-trans', color: 'Brown' })).toMatchObject({
      sex: 'WT',
      color: 'PA',
    });
    const { role: _r, remember: _m, ...minimal } = VALID;
    expect(validateRegisterBody(minimal)).toMatchObject({
      role: 'User',
      remember: false,
      socialName: null,
    });
  });

  it('lists every bad field as a pydantic error object', () => {
    const { color: _c, ...noColor } = VALID;
    const detail = detailOf(
      validateRegisterBody({ ...noColor, email: 'nope', sex: 'X', role: 'Root', password: 5 }),
    );
    expect(detail.map((d) => [d.type, d.loc])).toEqual([
      ['value_error', ['email']],
      ['string_type', ['password']],
      ['value_error', ['sex']],
      ['missing', ['color']],
      ['literal_error', ['role']],
    ]);
    for (const d of detail)
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['type', 'loc', 'msg', 'input']));
    expect(detail[2]?.msg).toBe('Value error, Sexo inválido');
    expect(detail[3]?.input).toEqual({
      ...noColor,
      email: 'nope',
      sex: 'X',
      role: 'Root',
      password: 5,
    });
  });

  it('rejects a non-object body with model_type and the color name case-sensitively', () => {
    expect(detailOf(validateRegisterBody([]))[0]).toMatchObject({ type: 'model_type', loc: [] });
    expect(detailOf(validateRegisterBody({ ...VALID, color: 'brown' }))[0]?.loc).toEqual(['color']);
  });
});

describe('username length', () => {
  it('accepts 255 characters (astral ones count once) and refuses 256 with string_too_long', () => {
    expect(validateRegisterBody({ ...VALID, username: '😀'.repeat(255) })).toMatchObject({
      username: '😀'.repeat(255),
    });
    const detail = detailOf(validateRegisterBody({ ...VALID, username: 'u'.repeat(256) }));
    expect(detail).toEqual([
      {
        type: 'string_too_long',
        loc: ['username'],
        msg: 'String should have at most 255 characters',
        input: 'u'.repeat(256),
        ctx: { max_length: 255 },
      },
    ]);
  });
});

describe('login body', () => {
  it('requires email and password; remember defaults to false', () => {
    expect(validateLoginBody({ email: 'a@b.co', password: 'x' })).toEqual({
      email: 'a@b.co',
      password: 'x',
      remember: false,
    });
    const detail = detailOf(validateLoginBody({ remember: 'maybe' }));
    expect(detail.map((d) => d.type)).toEqual(['missing', 'missing', 'bool_parsing']);
    expect(detailOf(validateLoginBody({ email: 'x@localhost', password: 'p' }))[0]?.type).toBe(
      'value_error',
    );
  });
});

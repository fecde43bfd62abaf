import type { FieldSource } from './issues.js';

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

function missing(src: FieldSource, name: string): undefined {
  return src.issues.add({
    type: 'missing',
    loc: [...src.loc, name],
    msg: 'Field required',
    input: src.data,
  });
}

/**
 * Required (or optional) `str`; pydantic does not coerce numbers to strings. PostgreSQL text
 * cannot hold U+0000, so a NUL is refused here (a 422) instead of failing the insert (a 500).
 * `maxLength` (in characters, as pydantic's `max_length`) bounds values that go into an index.
 */
export function readString(
  src: FieldSource,
  name: string,
  required: true,
  maxLength?: number,
): string | undefined;
export function readString(
  src: FieldSource,
  name: string,
  required: false,
  maxLength?: number,
): string | null | undefined;
export function readString(src: FieldSource, name: string, required: boolean, maxLength?: number) {
  if (!(name in src.data)) return required ? missing(src, name) : null;
  const value = src.data[name];
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      return valueError(src, name, value, 'text must not contain NUL (\\u0000) characters');
    }
    // Code units >= characters: only a long value needs counting.
    if (maxLength !== undefined && value.length > maxLength && [...value].length > maxLength) {
      return src.issues.add({
        type: 'string_too_long',
        loc: [...src.loc, name],
        msg: `String should have at most ${maxLength} characters`,
        input: value,
        ctx: { max_length: maxLength },
      });
    }
    return value;
  }
  if (value === null && !required) return null;
  return src.issues.add({
    type: 'string_type',
    loc: [...src.loc, name],
    msg: 'Input should be a valid string',
    input: value,
  });
}

/** `bool` in lax mode: booleans, 0/1 and the usual yes/no words. */
export function readBool(src: FieldSource, name: string, fallback: boolean): boolean | undefined {
  if (!(name in src.data)) return fallback;
  const value = src.data[name];
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return src.issues.add({
      type: 'bool_parsing',
      loc: [...src.loc, name],
      msg: 'Input should be a valid boolean, unable to interpret input',
      input: value,
    });
  }
  return src.issues.add({
    type: 'bool_type',
    loc: [...src.loc, name],
    msg: 'Input should be a valid boolean',
    input: value,
  });
}

/** The range of a PostgreSQL `integer` column. */
export const INT4 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/**
 * `int` in lax mode: `30`, `30.0` and `"30"` pass, `30.5` and `"abc"` do not. With
 * `nullable`, a missing field or `null` gives null. `range` (e.g. INT4 for an `integer`
 * column) refuses values the column cannot hold, as pydantic's `ge`/`le` would (a 422, not
 * the database's out-of-range 500).
 */
export function readInt(
  src: FieldSource,
  name: string,
  options: { required: boolean; range?: { min: number; max: number } },
): number | null | undefined {
  if (!(name in src.data)) return options.required ? missing(src, name) : null;
  const value = src.data[name];
  const loc = [...src.loc, name];
  if (value === null && !options.required) return null;
  const int = readIntValue(src, loc, value);
  if (int === undefined || options.range === undefined) return int;
  const { min, max } = options.range;
  if (int > max) return outOfRange(src, loc, value, 'le', max);
  if (int < min) return outOfRange(src, loc, value, 'ge', min);
  return int;
}

const BOUNDS = {
  le: { type: 'less_than_equal', words: 'less than or equal' },
  ge: { type: 'greater_than_equal', words: 'greater than or equal' },
} as const;

function outOfRange(
  src: FieldSource,
  loc: Array<string | number>,
  input: unknown,
  kind: keyof typeof BOUNDS,
  bound: number,
): undefined {
  const { type, words } = BOUNDS[kind];
  return src.issues.add({
    type,
    loc,
    msg: `Input should be ${words} to ${bound}`,
    input,
    ctx: { [kind]: bound },
  });
}

function readIntValue(
  src: FieldSource,
  loc: Array<string | number>,
  value: unknown,
): number | undefined {
  const issue = (type: string, msg: string) => src.issues.add({ type, loc, msg, input: value });
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return value;
    if (Number.isFinite(value) && Number.isInteger(value)) {
      return issue(
        'int_parsing_size',
        'Unable to parse input string as an integer, exceeded maximum size',
      );
    }
    return issue(
      'int_from_float',
      'Input should be a valid integer, got a number with a fractional part',
    );
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    return issue(
      'int_parsing',
      'Input should be a valid integer, unable to parse string as an integer',
    );
  }
  return issue('int_type', 'Input should be a valid integer');
}

/** A string restricted to literal values (`Literal[...]`). */
export function readLiteral<T extends string>(
  src: FieldSource,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  if (!(name in src.data) && fallback !== undefined) return fallback;
  if (!(name in src.data)) return missing(src, name);
  const value = src.data[name];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  const quoted = allowed.map((a) => `'${a}'`);
  const expected =
    quoted.length > 1
      ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
      : quoted[0];
  return src.issues.add({
    type: 'literal_error',
    loc: [...src.loc, name],
    msg: `Input should be ${expected}`,
    input: value,
    ctx: { expected },
  });
}

/** A custom validator's failure, reported as pydantic's `value_error`. */
export function valueError(
  src: FieldSource,
  name: string,
  input: unknown,
  message: string,
): undefined {
  return src.issues.add({
    type: 'value_error',
    loc: [...src.loc, name],
    msg: `Value error, ${message}`,
    input,
    ctx: { error: message },
  });
}

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

/** Required (or optional) `str`; pydantic does not coerce numbers to strings. */
export function readString(src: FieldSource, name: string, required: true): string | undefined;
export function readString(
  src: FieldSource,
  name: string,
  required: false,
): string | null | undefined;
export function readString(src: FieldSource, name: string, required: boolean) {
  if (!(name in src.data)) return required ? missing(src, name) : null;
  const value = src.data[name];
  if (typeof value === 'string') return value;
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

/**
 * `int` in lax mode: `30`, `30.0` and `"30"` pass, `30.5` and `"abc"` do not. With
 * `nullable`, a missing field or `null` gives null.
 */
export function readInt(
  src: FieldSource,
  name: string,
  options: { required: boolean },
): number | null | undefined {
  if (!(name in src.data)) return options.required ? missing(src, name) : null;
  const value = src.data[name];
  const loc = [...src.loc, name];
  if (value === null && !options.required) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return value;
    if (Number.isFinite(value) && Number.isInteger(value)) {
      return src.issues.add({
        type: 'int_parsing_size',
        loc,
        msg: 'Unable to parse input string as an integer, exceeded maximum size',
        input: value,
      });
    }
    return src.issues.add({
      type: 'int_from_float',
      loc,
      msg: 'Input should be a valid integer, got a number with a fractional part',
      input: value,
    });
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    return src.issues.add({
      type: 'int_parsing',
      loc,
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: value,
    });
  }
  return src.issues.add({
    type: 'int_type',
    loc,
    msg: 'Input should be a valid integer',
    input: value,
  });
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

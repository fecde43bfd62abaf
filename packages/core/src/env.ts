// Reading numbers, booleans, tolerances and durations from an env map (`__ENV` in k6,
// `process.env` in Node). An unset or blank variable takes the default, as the original
// scripts did with `__ENV.X || default`; a set but bad value is a ConfigError naming the
// variable and the expected form, never a silent 0.
import { parseK6Duration } from './duration.js';
import { ConfigError, quote } from './errors.js';

/** A plain environment map: `__ENV` in k6, `process.env` in Node. */
export type EnvMap = Readonly<Record<string, string | undefined>>;

/** Bounds for readNumber; `integer` rejects fractions, `above` is an exclusive lower bound. */
export interface NumberRule {
  min?: number;
  max?: number;
  above?: number;
  integer?: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The trimmed value of a variable, or undefined when it is unset or blank. */
export function readRaw(env: EnvMap, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === null) return undefined;
  const trimmed = String(raw).trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A number from the env map (default when unset or blank), checked against the rule.
 * A bad value throws e.g. `PROBE_STEP_RPS must be a positive integer, got "abc"`.
 */
export function readNumber(
  env: EnvMap,
  name: string,
  fallback: number,
  rule: NumberRule = {},
): number {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  const value = NUMBER.test(raw) ? Number(raw) : Number.NaN;
  checkNumber(name, value, rule, raw);
  return value;
}

/** Throws the standard one-line error when value breaks the rule; `shown` is what the user typed. */
export function checkNumber(
  name: string,
  value: number,
  rule: NumberRule,
  shown: unknown = value,
): void {
  const ok =
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok)
    throw new ConfigError(name, `${name} must be ${describeRule(rule)}, got ${quote(shown)}`);
}

/** How the rule reads in an error message: "a positive integer", "a number between 0 and 1". */
export function describeRule(rule: NumberRule): string {
  const noun = rule.integer ? 'integer' : 'number';
  const a = rule.integer ? 'an' : 'a';
  const { min, max, above } = rule;
  if (above !== undefined) return above === 0 ? `a positive ${noun}` : `${a} ${noun} > ${above}`;
  if (min !== undefined && max !== undefined) return `${a} ${noun} between ${min} and ${max}`;
  if (max !== undefined) return `${a} ${noun} <= ${max}`;
  if (min === undefined) return `${a} ${noun}`;
  if (rule.integer && min === 1) return 'a positive integer';
  if (min === 0) return `a non-negative ${noun}`;
  return `${a} ${noun} >= ${min}`;
}

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

/** A boolean from the env map: true/false, 1/0, yes/no, on/off (any case); default when unset. */
export function readBoolean(env: EnvMap, name: string, fallback: boolean): boolean {
  const raw = readRaw(env, name);
  if (raw === undefined) return fallback;
  const word = raw.toLowerCase();
  if (TRUE_WORDS.indexOf(word) >= 0) return true;
  if (FALSE_WORDS.indexOf(word) >= 0) return false;
  throw new ConfigError(name, `${name} must be true or false, got ${quote(raw)}`);
}

/** A failure tolerance: a fraction between 0 and 1 (0.01 = 1%). */
export function readTolerance(env: EnvMap, name: string, fallback: number): number {
  return readNumber(env, name, fallback, { min: 0, max: 1 });
}

/** A k6 duration from the env map, in seconds; `fallback` is k6 text such as `30s`. */
export function readDuration(env: EnvMap, name: string, fallback: string): number {
  return parseK6Duration(readRaw(env, name) ?? fallback, name);
}

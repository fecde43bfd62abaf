// Typed reads of parsed options; a bad value is a ConfigError naming the option and the value.
import { ConfigError, UsageError } from '../errors.js';
import type { OptionTable, ParsedArgs } from './types.js';

/** A string option's value (undefined when absent). */
export function stringValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string option's values. */
export function listValue(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : [];
}

/**
 * A string option's value, undefined when absent or when it is the table's default: some
 * defaults are descriptive text (`<folder>/report.html`), not a value to use.
 */
export function valueUnlessDefault(
  args: ParsedArgs,
  name: string,
  table: OptionTable,
): string | undefined {
  const value = stringValue(args, name);
  return value === table[name]?.default ? undefined : value;
}

/** A positive number option; anything else is a ConfigError naming the option and value. */
export function positiveNumber(
  args: ParsedArgs,
  name: string,
  integer = false,
): number | undefined {
  const text = stringValue(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    const expected = integer ? 'a positive integer' : 'a positive number';
    throw new ConfigError(`--${name}`, `--${name} must be ${expected}, got "${text}"`);
  }
  return value;
}

/** One of a fixed set of values. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T {
  const text = stringValue(args, name) ?? '';
  for (const option of allowed) if (option === text) return option;
  throw new ConfigError(
    `--${name}`,
    `--${name} must be one of ${allowed.join(', ')}, got "${text}"`,
  );
}

/** `-e KEY=VALUE` pairs, as k6 takes them. */
export function envPairs(args: ParsedArgs, name = 'env'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of listValue(args, name)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`-e expects KEY=VALUE, got "${pair}"`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

// Declarative options for every subcommand: one table drives parsing and the --help text,
// so the help always lists every option with its real default.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** One option of a subcommand. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Value placeholder in the help text, e.g. `<dir>`. */
  value?: string;
  /** Default shown in the help (and applied for strings when the option is absent). */
  default?: string;
  description: string;
}

/** The options table of a subcommand. */
export type OptionTable = Record<string, OptionSpec>;

/** Parsed command line: option values by long name, and positionals. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** Parses argv against the table; an unknown option or a missing value is a UsageError. */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  table: OptionTable,
  maxPositionals: number,
): ParsedArgs {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string }
  > = {};
  for (const [name, spec] of Object.entries({ ...table, help: HELP })) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.type === 'string' && spec.default !== undefined && !spec.multiple
        ? { default: spec.default }
        : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node adds a hint about "--" that does not apply here; keep the first sentence.
    const message = (error as Error).message.split('\n')[0]?.split('. To specify')[0] ?? '';
    throw new UsageError(`${message} (see rota-perf ${command} --help)`);
  }
  if (parsed.values.help !== true && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new UsageError(`unexpected argument "${extra}" (see rota-perf ${command} --help)`);
  }
  return {
    values: parsed.values as ParsedArgs['values'],
    positionals: parsed.positionals,
  };
}

/** The --help text: usage line, description, then every option with its default. */
export function formatHelp(usage: string, description: string, table: OptionTable): string {
  const rows = Object.entries({ ...table, help: HELP }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const extra = spec.default !== undefined ? ` (default: ${spec.default})` : '';
    return [flag, `${spec.description}${extra}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`);
  return `Usage: ${usage}\n\n${description}\n\nOptions:\n${lines.join('\n')}\n`;
}

/** A string option's value (undefined when absent). */
export function stringValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
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

/** The one positional a command requires; its absence is a UsageError naming the command. */
export function requiredPositional(args: ParsedArgs, command: string, placeholder: string): string {
  const value = args.positionals[0];
  if (value === undefined)
    throw new UsageError(`missing ${placeholder} (see rota-perf ${command} --help)`);
  return value;
}

/** A repeatable string option's values. */
export function listValue(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : [];
}

/** A positive number option; anything else is a UsageError naming the option and value. */
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
    throw new UsageError(`--${name} must be ${expected}, got "${text}"`);
  }
  return value;
}

/** One of a fixed set of values. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T {
  const text = stringValue(args, name) ?? '';
  for (const option of allowed) if (option === text) return option;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${text}"`);
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

// argv against a command's options table, without Node's util (this module runs anywhere).
// One message per mistake, naming the argument and pointing at --help.
import { UsageError } from '../errors.js';
import type { CommandDef, OptionSpec, OptionTable, ParsedArgs } from './types.js';

/** The option every command has. */
export const HELP_OPTION: OptionSpec = {
  type: 'boolean',
  short: 'h',
  description: 'show this help',
};

/** `--version`, which every command has too (the bin runner prints its package's version). */
export const VERSION_OPTION: OptionSpec = {
  type: 'boolean',
  description: 'print the version and exit',
};

function allOptions(table: OptionTable): Record<string, OptionSpec> {
  return { ...table, help: HELP_OPTION, version: VERSION_OPTION };
}

function set(values: ParsedArgs['values'], name: string, spec: OptionSpec, value: string | true) {
  if (spec.multiple && typeof value === 'string') {
    const list = values[name];
    values[name] = Array.isArray(list) ? [...list, value] : [value];
  } else values[name] = value;
}

/**
 * Parses argv for `command`; `invocation` (`rota-perf bench`) is named in the messages. An
 * unknown option, a missing value, an extra or (without --help) a missing positional is a
 * UsageError.
 */
export function parseArgv(
  command: Pick<CommandDef, 'options' | 'positionals'>,
  argv: readonly string[],
  invocation: string,
): ParsedArgs {
  const options = allOptions(command.options);
  const hint = ` (see ${invocation} --help)`;
  const byShort: Record<string, string> = {};
  for (const [name, spec] of Object.entries(options)) if (spec.short) byShort[spec.short] = name;
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const long = arg.startsWith('--');
    const key = long
      ? arg.slice(2, eq < 0 ? undefined : eq)
      : arg.slice(1, eq < 0 ? undefined : eq);
    const name = long ? key : byShort[key];
    const spec = name === undefined ? undefined : options[name];
    if (name === undefined || spec === undefined || (long && key.length === 0)) {
      throw new UsageError(`unknown option "${eq < 0 ? arg : arg.slice(0, eq)}"${hint}`);
    }
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value, got "${arg}"${hint}`);
      set(values, name, spec, true);
      continue;
    }
    let value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
    // A following option is not a value (a negative number is).
    if (eq < 0 && (value === undefined || (value.startsWith('-') && !/^-[\d.]/.test(value)))) {
      value = undefined;
    } else if (eq < 0) i++;
    if (value === undefined) throw new UsageError(`--${name} needs a value${hint}`);
    set(values, name, spec, value);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.type === 'string' && spec.default !== undefined && !spec.multiple) {
      if (values[name] === undefined) values[name] = spec.default;
    }
  }
  if (values.help !== true && values.version !== true) checkPositionals(command, positionals, hint);
  return { values, positionals };
}

function checkPositionals(
  command: Pick<CommandDef, 'positionals'>,
  given: readonly string[],
  hint: string,
) {
  const declared = command.positionals ?? [];
  if (given.length > declared.length && !declared[declared.length - 1]?.variadic) {
    throw new UsageError(`unexpected argument "${given[declared.length]}"${hint}`);
  }
  declared.forEach((p, i) => {
    if (p.required && given[i] === undefined) throw new UsageError(`missing ${p.name}${hint}`);
  });
}

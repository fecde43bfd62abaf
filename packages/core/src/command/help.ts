// --help text, derived from the same table the parser reads.
import { HELP_OPTION, VERSION_OPTION } from './parse.js';
import type { CommandDef, CommandGroup } from './types.js';

/** The usage line's arguments: positionals (optional ones in brackets), then `[options]`. */
export function usageOf(command: Pick<CommandDef, 'positionals'>): string {
  const args = (command.positionals ?? []).map((p) => {
    const name = p.variadic ? `${p.name}...` : p.name;
    return p.required ? name : `[${name}]`;
  });
  return [...args, '[options]'].join(' ');
}

/** The help of a command: usage line, description, every option with its default. */
export function formatHelp(command: CommandDef, invocation: string): string {
  const rows = Object.entries({
    ...command.options,
    help: HELP_OPTION,
    version: VERSION_OPTION,
  }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const extra = spec.default !== undefined ? ` (default: ${spec.default})` : '';
    return [flag, `${spec.description}${extra}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`);
  return `Usage: ${invocation} ${usageOf(command)}\n\n${command.description}\n\nOptions:\n${lines.join('\n')}\n`;
}

/** The help of a command table: usage, description, one line per command. */
export function formatGroupHelp(group: CommandGroup): string {
  const names = Object.keys(group.commands);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = names.map((n) => `  ${n.padEnd(width)}${group.commands[n]?.summary ?? ''}`);
  return `Usage: ${group.name} <command> [options]

${group.description}

Commands:
${lines.join('\n')}

Run "${group.name} <command> --help" for the options of a command, "${group.name} --version"
for the version.
`;
}

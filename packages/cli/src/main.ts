// Dispatch: `rota-perf <command> [options]`. Errors become one line and an exit code.
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { exitCodeFor, firstLine, UsageError } from './errors.js';
import { watchInterrupts } from './interrupt.js';

/** The top-level help. */
export function formatMainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}${c.summary}`);
  return `Usage: rota-perf <command> [options]

Performance toolkit for the Rota API and its PostgreSQL database.

Commands:
${lines.join('\n')}

Run "rota-perf <command> --help" for the options of a command.
`;
}

/** Runs the CLI with argv (without node and the script); resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  overrides: Partial<CommandContext> = {},
): Promise<number> {
  const err = overrides.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const out = overrides.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(formatMainHelp().trimEnd());
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    const error = name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`;
    err(
      `rota-perf: ${error}: expected one of ${Object.keys(COMMANDS).join(', ')} (see rota-perf --help)`,
    );
    return 2;
  }
  const interrupts = overrides.signal ? null : watchInterrupts(err);
  const context: CommandContext = {
    cwd: process.cwd(),
    env: process.env,
    tty: Boolean(process.stdout.isTTY),
    ...overrides,
    signal: overrides.signal ?? (interrupts as NonNullable<typeof interrupts>).signal,
    out,
    err,
  };
  try {
    const { command } = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      // db-bench and mem-monitor print their own (complete) help.
      if (name !== 'db-bench' && name !== 'mem-monitor') {
        out(command.help.trimEnd());
        return 0;
      }
    }
    return await command.run(rest, context);
  } catch (error) {
    err(`rota-perf ${name}: ${firstLine(error)}`);
    if (context.env.ROTA_PERF_DEBUG && error instanceof Error && error.stack) err(error.stack);
    return exitCodeFor(error);
  } finally {
    interrupts?.dispose();
  }
}

export { UsageError };

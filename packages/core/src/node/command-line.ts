// One command line, start to end: parse, --help, run, and the one mapping of errors to exit
// codes (exitCodeFor). Bins call it through runBin; tests call it directly.

import { formatGroupHelp, formatHelp } from '../command/help.js';
import { parseArgv } from '../command/parse.js';
import type { CommandDef, CommandGroup, CommandIo } from '../command/types.js';
import { exitCodeFor, firstLine, InterruptedError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';

/** A single command or a table of commands (`rota-perf <command>`). */
export type CommandTarget = CommandDef | CommandGroup;

function isGroup(target: CommandTarget): target is CommandGroup {
  return 'commands' in target;
}

/**
 * Runs argv against the target and resolves to the exit code; never throws. With `program`
 * (`k6-node`), the command is a subcommand: argv starts with its name (`k6-node run …`).
 * `--version` (first, or among a command's options) prints `<program> <version>`.
 */
export async function runCommandLine(
  target: CommandTarget,
  argv: readonly string[],
  io: CommandIo,
  signal: AbortSignal,
  program?: string,
  version?: string,
): Promise<number> {
  let invocation = program ?? target.name;
  let command: CommandDef | undefined;
  const printVersion = () => {
    io.out(`${program ?? target.name} ${version ?? 'unknown'}`);
    return EXIT_CODES.ok;
  };
  try {
    if (argv[0] === '--version') return printVersion();
    let rest = argv;
    if (isGroup(target) || program !== undefined) {
      const [name, ...tail] = argv;
      if (
        isGroup(target) &&
        (name === undefined || name === '--help' || name === '-h' || name === 'help')
      ) {
        io.out(formatGroupHelp(target).trimEnd());
        return EXIT_CODES.ok;
      }
      const names = isGroup(target) ? Object.keys(target.commands) : [target.name];
      if (name === undefined || names.indexOf(name) < 0) {
        const what = name?.startsWith('-') ? 'option' : 'command';
        throw new UsageError(
          `unknown ${what} "${name ?? ''}": expected ${names.length === 1 ? names[0] : `one of ${names.join(', ')}`} (see ${invocation} --help)`,
        );
      }
      command = isGroup(target) ? await target.commands[name]?.load() : target;
      invocation = `${invocation} ${name}`;
      rest = tail;
    } else command = target;
    if (command === undefined) throw new UsageError(`unknown command (see ${invocation} --help)`);
    const args = parseArgv(command, rest, invocation);
    if (args.values.help === true) {
      io.out(formatHelp(command, invocation).trimEnd());
      return EXIT_CODES.ok;
    }
    if (args.values.version === true) return printVersion();
    if (signal.aborted) throw new InterruptedError('interrupted before the command started');
    return await command.run(args, io, signal);
  } catch (error) {
    io.err(`${invocation}: ${firstLine(error)}`);
    if (io.env.ROTA_PERF_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    const code = exitCodeFor(error);
    // A failure caused by the interrupt (a closed connection, a killed child) is the interrupt.
    return signal.aborted && code === EXIT_CODES.failure ? EXIT_CODES.externalAbort : code;
  }
}

/** What a command printed and the exit code it ended with. */
export interface CapturedRun {
  code: number;
  out: string[];
  err: string[];
}

/** Where runCaptured runs a command (defaults: empty env, the process's cwd, no interrupt). */
export interface CaptureOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  signal?: AbortSignal;
  program?: string;
  /** What `--version` prints. */
  version?: string;
}

/**
 * Runs argv against the target with its output collected line by line instead of printed:
 * for embedding a command, and for tests that read what a user would see.
 */
export async function runCaptured(
  target: CommandTarget,
  argv: readonly string[],
  options: CaptureOptions = {},
): Promise<CapturedRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    tty: false,
  };
  const signal = options.signal ?? new AbortController().signal;
  const code = await runCommandLine(target, argv, io, signal, options.program, options.version);
  return { code, out, err };
}

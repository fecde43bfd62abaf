// The mem-monitor command: options -> startMonitor, messages on stderr, summary on stdout. It
// runs until the process exits, --duration ends, or the signal (Ctrl-C) stops it.
import {
  type CommandDef,
  EXIT_CODES,
  type OptionTable,
  type ParsedArgs,
  parseArgv,
  stringValue,
  UsageError,
} from '@rota-perf/core';
import { assertWritable } from '@rota-perf/core/node';
import { startMonitor } from './monitor.js';
import { DEFAULT_INTERVAL_SECONDS } from './options.js';
import { formatMemorySummary } from './summary-text.js';
import type { MonitorOptions } from './types.js';

const OPTIONS: OptionTable = {
  pattern: {
    type: 'string',
    value: '<text|/regex/flags>',
    description: 'a substring of the full command line, or /regex/flags',
  },
  pid: { type: 'string', value: '<n>', description: 'a known process id' },
  interval: {
    type: 'string',
    value: '<s>',
    description: `seconds between samples (default: ${DEFAULT_INTERVAL_SECONDS})`,
  },
  duration: {
    type: 'string',
    value: '<s>',
    description: 'stop after this many seconds (default: until the process exits or Ctrl-C)',
  },
  output: { type: 'string', value: '<file.csv>', description: 'write every sample as it is taken' },
  'include-children': {
    type: 'boolean',
    description: 'sum each chosen process with its whole process tree',
  },
  follow: {
    type: 'boolean',
    description: 'after the process exits, wait for a new match (with --pattern)',
  },
};

function seconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} ${text} is invalid: expected a number of seconds > 0`);
  }
  return value;
}

/** Monitor options from parsed arguments; throws UsageError naming a bad value. */
export function readMonitorOptions(args: ParsedArgs): MonitorOptions {
  const pidText = stringValue(args, 'pid');
  if (pidText !== undefined && !/^\d+$/.test(pidText)) {
    throw new UsageError(`--pid ${pidText} is invalid: expected a positive integer`);
  }
  return {
    pattern: stringValue(args, 'pattern'),
    pid: pidText === undefined ? undefined : Number(pidText),
    intervalSeconds: seconds('--interval', stringValue(args, 'interval')),
    durationSeconds: seconds('--duration', stringValue(args, 'duration')),
    output: stringValue(args, 'output'),
    includeChildren: args.values['include-children'] === true,
    follow: args.values.follow === true,
  };
}

/** Turns command-line arguments into monitor options (null for --help); throws on bad usage. */
export function parseCliArgs(argv: readonly string[]): MonitorOptions | null {
  const args = parseArgv({ options: OPTIONS }, argv, 'mem-monitor');
  return args.values.help === true ? null : readMonitorOptions(args);
}

/** The mem-monitor command (`mem-monitor`, `rota-perf mem-monitor`). */
export const memMonitorCommand: CommandDef = {
  name: 'mem-monitor',
  summary: "sample a process's memory and CPU to CSV",
  description: `Samples the resident (RSS) and virtual (VMS) memory and CPU of a process to CSV. Give
exactly one of --pattern and --pid. Several matches: all top-level matches are summed (a match
inside another match's tree is counted only with --include-children); the monitor itself and
its parents never match. Exit codes: 0 done (Ctrl-C included), 1 no process monitored or
sampling failed, 2 bad usage.`,
  options: OPTIONS,
  async run(args, io, signal) {
    const options = readMonitorOptions(args);
    // Before the first sample; the CSV is created where it is (its folder is not made).
    if (options.output) await assertWritable('--output', options.output, false, { create: false });
    const monitor = startMonitor({
      ...options,
      onEvent: (e) => io.err(`mem-monitor: ${e.message}`),
    });
    // Ctrl-C is how a user ends a monitoring session: it stops sampling, not the command.
    const stop = () => void monitor.stop();
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    try {
      const summary = await monitor.done;
      io.out(formatMemorySummary(summary).trimEnd());
      const reason = monitor.stopReason;
      if (reason === 'not-found' || reason === 'error') return EXIT_CODES.failure;
      if (summary.samples === 0) {
        io.err('mem-monitor: no sample was taken: no process matched before the end');
        return EXIT_CODES.failure;
      }
      return EXIT_CODES.ok;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  },
};

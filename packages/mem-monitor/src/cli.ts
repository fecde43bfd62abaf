// The mem-monitor command: flags -> startMonitor, messages on stderr, summary on stdout.
import { parseArgs } from 'node:util';
import { formatMemorySummary } from '@rota-perf/report-formatter';
import { MonitorUsageError } from './errors.js';
import { startMonitor } from './monitor.js';
import type { MonitorOptions } from './types.js';

/** Usage text of the command. */
export const USAGE = `Usage: mem-monitor (--pattern <text|/regex/flags> | --pid <n>) [options]

Samples the resident (RSS) and virtual (VMS) memory and CPU of a process to CSV.

  --pattern <p>        substring of the full command line, or /regex/flags
  --pid <n>            a known process id
  --interval <s>       seconds between samples (default 0.5)
  --duration <s>       stop after this many seconds (default: until the process exits or Ctrl-C)
  --output <file.csv>  write every sample as it is taken
  --include-children   sum each chosen process with its whole process tree
  --follow             after the process exits, wait for a new match (with --pattern)
  --help               show this text

Several matches: all top-level matches are summed (a match inside another match's tree is
counted only with --include-children); the monitor itself and its parents never match.
Exit codes: 0 done, 1 no process monitored or sampling failed, 2 bad usage.`;

function seconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new MonitorUsageError(`${flag} ${text} is invalid: expected a number of seconds > 0`);
  }
  return value;
}

const VALUE_FLAGS = new Set(['--pattern', '--pid', '--interval', '--duration', '--output']);

/** parseArgs refuses `--duration -1` as ambiguous; glue negative numbers to their flag. */
function glueNegativeNumbers(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (VALUE_FLAGS.has(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/** Turns command-line arguments into monitor options (null for --help); throws on bad usage. */
export function parseCliArgs(argv: readonly string[]): MonitorOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: glueNegativeNumbers(argv),
      strict: true,
      allowPositionals: false,
      options: {
        pattern: { type: 'string' },
        pid: { type: 'string' },
        interval: { type: 'string' },
        duration: { type: 'string' },
        output: { type: 'string' },
        'include-children': { type: 'boolean' },
        follow: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // Node's messages are one line already; drop the hint about "--" that suits other tools.
    const message = error instanceof Error ? error.message.split('. To specify')[0] : String(error);
    throw new MonitorUsageError(`${message?.replace(/\s*\n\s*/g, ' ')} (see --help)`);
  }
  if (values.help) return null;
  const pidText = values.pid as string | undefined;
  if (pidText !== undefined && !/^\d+$/.test(pidText)) {
    throw new MonitorUsageError(`--pid ${pidText} is invalid: expected a positive integer`);
  }
  return {
    pattern: values.pattern as string | undefined,
    pid: pidText === undefined ? undefined : Number(pidText),
    intervalSeconds: seconds('--interval', values.interval as string | undefined),
    durationSeconds: seconds('--duration', values.duration as string | undefined),
    output: values.output as string | undefined,
    includeChildren: values['include-children'] === true,
    follow: values.follow === true,
  };
}

/** Runs the command; resolves with the exit code. */
export async function runCli(
  argv: readonly string[],
  io: { out: (text: string) => void; err: (text: string) => void } = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
): Promise<number> {
  let monitor: ReturnType<typeof startMonitor>;
  try {
    const options = parseCliArgs(argv);
    if (options === null) {
      io.out(USAGE);
      return 0;
    }
    monitor = startMonitor({ ...options, onEvent: (e) => io.err(`mem-monitor: ${e.message}`) });
  } catch (error) {
    if (error instanceof MonitorUsageError) {
      io.err(`mem-monitor: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const stopOnSignal = () => void monitor.stop();
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const summary = await monitor.done;
    io.out(formatMemorySummary(summary).trimEnd());
    const reason = monitor.stopReason;
    if (reason === 'not-found' || reason === 'error') return 1;
    if (summary.samples === 0) {
      io.err('mem-monitor: no sample was taken: no process matched before the end');
      return 1;
    }
    return 0;
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
}

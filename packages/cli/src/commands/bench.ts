// rota-perf bench [performance|rps-probe|progress-probe|progress-write]
import { formatHelp, type OptionTable, parseCommandArgs } from '../args.js';
import { runBenchStep } from '../bench-run.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { MONITOR_OPTIONS, RUN_OPTIONS, readRunSettings, resultsFolder } from './shared-options.js';

const OPTIONS: OptionTable = {
  ...RUN_OPTIONS,
  ...MONITOR_OPTIONS,
  'no-report': { type: 'boolean', description: 'do not write the HTML report' },
};

const SCRIPTS = ['performance', 'rps_probe', 'progress_probe', 'progress_write'] as const;

/** `rps-probe`, `rps_probe` and `rps_probe.test.js` all name the same bundle. */
export function parseScript(text: string): (typeof SCRIPTS)[number] {
  const name = text.replace(/\.test\.js$/, '').replace(/-/g, '_');
  for (const known of SCRIPTS) if (known === name) return known;
  throw new UsageError(
    `unknown script "${text}": expected one of performance, rps-probe, progress-probe, progress-write`,
  );
}

export const command: Command = {
  summary: 'run a k6 script',
  help: formatHelp(
    'rota-perf bench [performance|rps-probe|progress-probe|progress-write] [options]',
    `Runs the built bundle performance/k6/<script>.test.js (default: performance) with the k6
binary or node-runner. Without --base-url/BASE_URL it starts the reference Rota API on an
embedded PostgreSQL and samples its memory. Writes the results JSON, <script>_memory.csv and
report.html into the results folder and prints where they are. Script variables (TARGET_RPS,
TEST_DURATION, …; see the README) come from the environment or -e KEY=VALUE.
Exit code: the engine's (0 ok, 99 thresholds crossed, 105 interrupted), 2 bad usage.`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('bench', argv, OPTIONS, 1);
    const script = parseScript(args.positionals[0] ?? 'performance');
    const step = {
      script,
      ...readRunSettings(args, context.env),
      quiet: args.values.quiet === true,
      report: args.values['no-report'] !== true,
      outDir: await resultsFolder(args, context.cwd),
    };
    const result = await runBenchStep(step, context);
    return result.exitCode;
  },
};

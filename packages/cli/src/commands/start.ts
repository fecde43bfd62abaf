// rota-perf start: the main job behind `pnpm start`. The endpoint benchmark with its
// documented defaults on the embedded target, db-bench, then one HTML report of both.
import { join } from 'node:path';
import { formatHelp, type OptionTable, parseCommandArgs } from '../args.js';
import { printOutputs, runBenchStep, writeReportSafely } from '../bench-run.js';
import type { Command } from '../command.js';
import { runDbBenchChild } from '../db-bench-child.js';
import { EXIT_INTERRUPTED } from '../errors.js';
import { writtenSince } from '../outputs.js';
import { MONITOR_OPTIONS, RUN_OPTIONS, readRunSettings, resultsFolder } from './shared-options.js';

const OPTIONS: OptionTable = {
  ...RUN_OPTIONS,
  ...MONITOR_OPTIONS,
  'no-db-bench': { type: 'boolean', description: 'skip the repository benchmark' },
  strict: {
    type: 'boolean',
    description:
      'exit 99 when a threshold was crossed (default: warn, exit 0 once all outputs exist)',
  },
};

// k6's code for crossed thresholds: the run itself completed and wrote its results.
const THRESHOLDS_CROSSED = 99;

// The endpoint benchmark's documented defaults (performance.test.js reads the same).
const DEFAULTS: Record<string, string> = {
  TARGET_RPS: '5',
  TEST_DURATION: '1m',
  WARMUP_DURATION: '30s',
  COOLDOWN_DURATION: '30s',
  RAMP_DOWN_DURATION: '15s',
};

function elapsed(since: number): string {
  const s = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export const command: Command = {
  summary: 'the main job',
  help: formatHelp(
    'rota-perf start [options]',
    `The main job (pnpm start): 1) the endpoint benchmark (performance.test.js) with its
documented defaults (TARGET_RPS 5, TEST_DURATION 1m, WARMUP_DURATION 30s, COOLDOWN_DURATION 30s,
RAMP_DOWN_DURATION 15s) against BASE_URL or the embedded reference API, its memory sampled;
2) db-bench with its default options (DATABASE_URL, else its own embedded PostgreSQL) to
db_bench_results.json; 3) report.html of both. Variables come from the environment or -e.
Exit code: the first failing step's (105 interrupted, 1 a step failed), else 0. Crossed
thresholds (latency on a busy machine) are reported as a warning; with --strict they exit 99.`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('start', argv, OPTIONS, 0);
    const started = Date.now();
    const step = {
      script: 'performance' as const,
      ...readRunSettings(args, context.env),
      quiet: args.values.quiet === true,
      report: false,
      outDir: await resultsFolder(args, context.cwd),
    };
    const settings = Object.keys(DEFAULTS).map(
      (k) => `${k}=${step.env[k] ?? context.env[k] ?? DEFAULTS[k]}`,
    );
    const steps = args.values['no-db-bench'] === true ? 2 : 3;
    context.out(`[1/${steps}] endpoint benchmark (${settings.join(' ')})`);
    const bench = await runBenchStep(step, context);
    let exitCode = bench.exitCode;
    if (
      exitCode === THRESHOLDS_CROSSED &&
      bench.resultsJson !== null &&
      args.values.strict !== true
    ) {
      context.err(
        'rota-perf start: warning: thresholds were crossed (see "Threshold crossed" above); --strict makes this exit 99',
      );
      exitCode = 0;
    }
    let dbBenchJson: string | null = null;
    if (steps === 3 && !context.signal.aborted) {
      context.out(`[2/3] db-bench (default options) — elapsed ${elapsed(started)}`);
      const json = join(step.outDir, 'db_bench_results.json');
      const code = await runDbBenchChild(['--json', json], context.env, context.signal);
      dbBenchJson = (await writtenSince(json, started)) && code === 0 ? json : null;
      if (exitCode === 0 && code !== 0) exitCode = context.signal.aborted ? EXIT_INTERRUPTED : code;
    }
    context.out(`[${steps}/${steps}] HTML report — elapsed ${elapsed(started)}`);
    const report = await writeReportSafely(step.outDir, context);
    context.out(`Main job finished in ${elapsed(started)} (exit code ${exitCode}).`);
    printOutputs(context, {
      resultsJson: bench.resultsJson,
      memoryCsv: bench.memoryCsv,
      dbBenchJson,
      report,
    });
    if (context.signal.aborted && exitCode === 0) return EXIT_INTERRUPTED;
    return exitCode;
  },
};

// rota-perf start: the main job behind `pnpm start`. The endpoint benchmark with its
// documented defaults on the embedded target, db-bench, then one HTML report of both.
import { basename, join } from 'node:path';
import {
  type CommandDef,
  EXIT_CODES,
  literalDefault,
  REPORT_FILE,
  RESULT_FILE,
  RUN_RECORD_FILE,
} from '@rota-perf/core';
import { runCommandLine } from '@rota-perf/core/node';
import { printOutputs, runBenchStep, writeReportSafely } from '../bench-run.js';
import { compareAfterRun, pendingComparison } from '../compare/after-run.js';
import { writtenSince } from '../outputs.js';
import { recordWithEnd } from '../record/build.js';
import { writeRunRecord } from '../record/run-files.js';
import { loadRunCommandOptions, readCheckedRunSettings, resultsFolder } from './shared-options.js';

const OPTIONS = loadRunCommandOptions({
  'no-db-bench': { type: 'boolean', description: 'skip the repository benchmark' },
  strict: {
    type: 'boolean',
    description:
      'exit 99 when a threshold was crossed (default: warn, exit 0 once all outputs exist)',
  },
});

// The endpoint benchmark's schedule, with its documented defaults from the script registry.
const SCHEDULE = [
  'TARGET_RPS',
  'TEST_DURATION',
  'WARMUP_DURATION',
  'COOLDOWN_DURATION',
  'RAMP_DOWN_DURATION',
];
const DEFAULTS = SCHEDULE.map((k) => `${k} ${literalDefault('performance', k)}`).join(', ');

function elapsed(since: number): string {
  const s = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** The start command: the main job behind `pnpm start`. */
export const startCommand: CommandDef = {
  name: 'start',
  summary: 'the main job: endpoint benchmark + db-bench on the embedded target, HTML report',
  description: `The main job (pnpm start): 1) the endpoint benchmark (performance.test.js) with its
documented defaults (${DEFAULTS}) against BASE_URL or the embedded reference API, its memory
sampled; 2) db-bench --explain (DATABASE_URL, else its own embedded PostgreSQL) to ${RESULT_FILE.dbBench};
3) run.json and report.html of both, with live progress on stderr. The target's database (the embedded one, or --database-url) is read for
${RESULT_FILE.databaseInsights}: statements per endpoint, waits. Variables come from the environment or -e.
Exit code: the first failing step's (105 interrupted, 1 a step failed), else 0. Crossed
thresholds (latency on a busy machine) are reported as a warning; with --strict they exit 99.
With --baseline <folder> the run (endpoints and db-bench cases) is then compared with it (as
rota-perf compare): 99 when a budget is exceeded.`,
  options: OPTIONS,
  async run(args, io, signal) {
    const baseline = await pendingComparison(args, io);
    const context = { ...io, signal };
    const started = Date.now();
    const step = {
      command: 'start',
      script: 'performance' as const,
      ...(await readCheckedRunSettings(args, context.env, signal, { script: 'performance' })),
      report: false,
      outDir: await resultsFolder(args, context.cwd),
    };
    const settings = SCHEDULE.map(
      (k) => `${k}=${step.env[k] ?? context.env[k] ?? literalDefault('performance', k)}`,
    );
    const steps = args.values['no-db-bench'] === true ? 2 : 3;
    context.out(`[1/${steps}] endpoint benchmark (${settings.join(' ')})`);
    const bench = await runBenchStep(step, context);
    let exitCode = bench.exitCode;
    if (
      exitCode === EXIT_CODES.thresholds &&
      bench.resultsJson !== null &&
      args.values.strict !== true
    ) {
      context.err(
        'rota-perf start: warning: thresholds were crossed (see "Threshold crossed" above); --strict makes this exit 99',
      );
      exitCode = 0;
    }
    let dbBenchJson: string | null = null;
    if (steps === 3 && !signal.aborted) {
      context.out(`[2/3] db-bench --explain — elapsed ${elapsed(started)}`);
      const json = join(step.outDir, RESULT_FILE.dbBench);
      // In this process: db-bench takes the same signal, so Ctrl-C stops it and the report
      // of what exists is still written.
      const { dbBenchCommand } = await import('@rota-perf/db-bench/rota');
      // --explain: the report's Database section shows the plans and waits it flags.
      const args = ['--explain', '--json', json];
      const code = await runCommandLine(dbBenchCommand, args, io, signal);
      dbBenchJson = (await writtenSince(json, started)) && code === 0 ? json : null;
      if (exitCode === 0 && code !== 0) exitCode = signal.aborted ? EXIT_CODES.externalAbort : code;
    }
    if (signal.aborted && exitCode === 0) exitCode = EXIT_CODES.externalAbort;
    context.out(`[${steps}/${steps}] HTML report — elapsed ${elapsed(started)}`);
    // run.json first: the report reads it.
    const record = recordWithEnd(bench.record, {
      endedAt: new Date(),
      exitCode,
      interrupted: signal.aborted,
      files: {
        report: REPORT_FILE,
        others: [...bench.record.files.others, ...(dbBenchJson ? [basename(dbBenchJson)] : [])],
      },
      notes:
        exitCode === 0 && bench.exitCode === EXIT_CODES.thresholds
          ? ['thresholds were crossed; start exits 0 without --strict']
          : [],
    });
    await writeRunRecord(step.outDir, record);
    // Before the report: it shows the comparison.json this writes.
    exitCode = (await compareAfterRun(baseline, io, step.outDir, exitCode)).exitCode;
    const report = await writeReportSafely(step.outDir, context);
    if (report === null) {
      await writeRunRecord(step.outDir, { ...record, files: { ...record.files, report: null } });
    }
    context.out(`Main job finished in ${elapsed(started)} (exit code ${exitCode}).`);
    printOutputs(context, {
      resultsJson: bench.resultsJson,
      series: record.files.series === null ? null : join(step.outDir, record.files.series),
      memoryCsv: bench.memoryCsv,
      databaseJson: bench.databaseJson,
      dbBenchJson,
      runRecord: join(step.outDir, RUN_RECORD_FILE),
      report,
    });
    return exitCode;
  },
};

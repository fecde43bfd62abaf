// rota-perf bench [script]: one k6 script of the registry, run by the k6 binary or node-runner.
import {
  type CommandDef,
  parseScriptName,
  positiveNumber,
  SCRIPTS,
  UsageError,
} from '@rota-perf/core';
import { runBenchStep, writeReportSafely } from '../bench-run.js';
import { compareAfterRun, pendingComparison } from '../compare/after-run.js';
import { BENCH_SUMMARY } from './bench-summary.js';
import { loadRunCommandOptions, readCheckedRunSettings, resultsFolder } from './shared-options.js';

const OPTIONS = loadRunCommandOptions({
  'no-report': { type: 'boolean', description: 'do not write the HTML report' },
  instances: {
    type: 'string',
    value: '<n>',
    default: '1',
    description:
      'node-runner instances, each an execution segment of the test, merged into one folder',
  },
});

// The scripts as --help lists them, from the registry.
const SCRIPT_LINES = SCRIPTS.map((s) => {
  const names = [s.name, ...s.aliases].join(', ');
  return `  ${names.padEnd(32)}${s.summary} → ${s.resultsFile}`;
}).join('\n');

/** The bench command. */
export const benchCommand: CommandDef = {
  name: 'bench',
  summary: BENCH_SUMMARY,
  description: `Runs the built bundle performance/k6/<script>.test.js (default: performance) with the k6
binary or node-runner. Without --base-url or BASE_URL (-e or the environment) it starts the
reference Rota API on an embedded PostgreSQL and samples its memory. Writes the results JSON,
<script>_series.json (per second), <script>_memory.csv, run.json (settings, target, engine,
verdict) and report.html into the results folder (with k6 also <script>_k6.ndjson) and prints
where they are. Shows live progress on stderr: a status block on a terminal, a heartbeat line
every --progress-interval seconds otherwise. Script variables (see the README) come from the
environment or -e KEY=VALUE. With --instances N, node-runner runs as N processes, each an
execution segment of the test writing into instance-<i>/, merged into the folder (run.json
lists each instance's share).
Exit code: the engine's (0 ok, 99 thresholds crossed, 105 interrupted), 2 bad usage. With
--baseline <folder> the run is then compared with it (as rota-perf compare): 99 also when a
budget is exceeded.

Scripts:
${SCRIPT_LINES}`,
  options: OPTIONS,
  positionals: [{ name: 'script' }],
  async run(args, io, signal) {
    const baseline = await pendingComparison(args, io);
    const script = parseScriptName(args.positionals[0] ?? 'performance');
    const instances = positiveNumber(args, 'instances', true) ?? 1;
    const settings = await readCheckedRunSettings(args, io.env, signal, { script });
    if (instances > 1 && settings.engine === 'k6')
      throw new UsageError(
        '--instances runs node-runner instances on this machine (--engine node or auto); for k6 use k6-operator and rota-perf merge',
      );
    const step = {
      command: 'bench',
      script,
      ...settings,
      ...(instances > 1 ? { engine: 'node' as const, instances } : {}),
      report: args.values['no-report'] !== true,
      outDir: await resultsFolder(args, io.cwd),
    };
    const result = await runBenchStep(step, { ...io, signal });
    const after = await compareAfterRun(baseline, io, step.outDir, result.exitCode);
    // The report was written with the run; again, now that it has a comparison to show.
    if (step.report && after.compared) await writeReportSafely(step.outDir, { ...io, signal });
    return after.exitCode;
  },
};

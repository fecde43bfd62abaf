// rota-perf probe --adaptive: rps-sweeper's ceiling search, one bundle run per level.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLevelRunner } from '../adaptive.js';
import {
  choice,
  envPairs,
  formatHelp,
  type OptionTable,
  parseCommandArgs,
  positiveNumber,
  stringValue,
} from '../args.js';
import { printOutputs, writeReportSafely } from '../bench-run.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT_INTERRUPTED, InterruptedError, UsageError } from '../errors.js';
import { type AttachedMonitor, attachMonitor } from '../monitor.js';
import { prepareOutDir } from '../outputs.js';
import { writeJsonAtomically } from '../write-json.js';
import {
  baseUrlOption,
  engineOption,
  fixtureOption,
  MONITOR_OPTIONS,
  monitorOption,
  outOption,
  RUN_OPTIONS,
} from './shared-options.js';

const OPTIONS: OptionTable = {
  adaptive: { type: 'boolean', description: 'search for the ceiling adaptively (required)' },
  min: { type: 'string', value: '<rps>', default: '10', description: 'first level' },
  max: { type: 'string', value: '<rps>', default: '200', description: 'highest level tried' },
  precision: {
    type: 'string',
    value: '<rps>',
    default: '5',
    description: 'bisect until the last pass and first fail are this close',
  },
  'step-duration': {
    type: 'string',
    value: '<k6 duration>',
    default: '30s',
    description: 'how long each level runs',
  },
  strategy: {
    type: 'string',
    value: 'exponential|linear',
    default: 'exponential',
    description: 'how levels grow before the first failure',
  },
  step: {
    type: 'string',
    value: '<rps>',
    description: 'linear increment (default: a tenth of the range)',
  },
  tolerance: {
    type: 'string',
    value: '<0..1>',
    default: '0.01',
    description: 'failure tolerance per level',
  },
  'p95-ms': {
    type: 'string',
    value: '<ms>',
    description: 'p95 latency SLO per level (default: none)',
  },
  ...RUN_OPTIONS,
  ...MONITOR_OPTIONS,
};

/** The results file of an adaptive search (the step sweep keeps rps_results.json). */
export const ADAPTIVE_RESULTS = 'adaptive_probe_results.json';

export const command: Command = {
  summary: 'adaptive RPS ceiling search',
  help: formatHelp(
    'rota-perf probe --adaptive [options]',
    `Finds the highest arrival rate the target sustains: levels grow (exponentially or linearly)
up to the first failure, bisect to --precision, then the answer is run again. Each level is one
run of the rps probe bundle (all endpoints) at a constant rate. Writes ${ADAPTIVE_RESULTS},
rps_probe_adaptive_memory.csv and report.html into the results folder. For the step sweep use
"rota-perf bench rps-probe".`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('probe', argv, OPTIONS, 0);
    if (args.values.adaptive !== true) {
      throw new UsageError(
        'probe needs --adaptive (for the step sweep run "rota-perf bench rps-probe")',
      );
    }
    const min = positiveNumber(args, 'min', true) ?? 10;
    const max = positiveNumber(args, 'max', true) ?? 200;
    if (max < min) throw new UsageError(`--max must be at least --min (${min}), got "${max}"`);
    const tolerance = Number(stringValue(args, 'tolerance'));
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new UsageError(
        `--tolerance must be a fraction between 0 and 1, got "${stringValue(args, 'tolerance')}"`,
      );
    }
    const { parseK6Duration } = await import('@rota-perf/rps-sweeper');
    const durationText = stringValue(args, 'step-duration') ?? '30s';
    const seconds = parseK6Duration(durationText, '--step-duration');
    const step = positiveNumber(args, 'step', true);
    const search = {
      min,
      max,
      precision: positiveNumber(args, 'precision', true) ?? 5,
      strategy: choice(args, 'strategy', ['exponential', 'linear'] as const),
      ...(step !== undefined ? { step } : {}),
      duration: seconds,
      tolerance,
      p95SloMs: positiveNumber(args, 'p95-ms') ?? null,
    };
    const run = {
      engine: engineOption(args),
      env: envPairs(args),
      fixture: fixtureOption(args),
      monitor: monitorOption(args),
      baseUrl: baseUrlOption(args, context.env),
    };
    const outDir = await prepareOutDir(context.cwd, outOption(args));
    return runSearch(search, run, outDir, context);
  },
};

type SearchSettings = {
  min: number;
  max: number;
  precision: number;
  strategy: 'exponential' | 'linear';
  step?: number;
  duration: number;
  tolerance: number;
  p95SloMs: number | null;
};

async function runSearch(
  settings: SearchSettings,
  run: {
    engine: 'auto' | 'k6' | 'node';
    env: Record<string, string>;
    fixture: 'small' | 'large';
    monitor: ReturnType<typeof monitorOption>;
    baseUrl: string | undefined;
  },
  outDir: string,
  context: CommandContext,
): Promise<number> {
  const { isBuilt, resolveEngine } = await import('@rota-perf/k6-scenarios');
  if (!isBuilt('rps_probe')) {
    throw new UsageError('performance/k6/rps_probe.test.js is missing: build first (pnpm build)');
  }
  const engine = resolveEngine(run.engine);
  context.out(engine.kind === 'k6' ? `engine: k6 (${engine.binary})` : 'engine: node-runner');
  const workDir = await mkdtemp(join(tmpdir(), 'rota-perf-probe-'));
  let api: { url: string; pid: number; stop(): Promise<void> } | null = null;
  let monitor: AttachedMonitor | null = null;
  const csv = join(outDir, 'rps_probe_adaptive_memory.csv');
  try {
    let baseUrl = run.baseUrl;
    if (baseUrl === undefined) {
      context.out(
        `target: starting the reference Rota API on an embedded PostgreSQL (${run.fixture} fixture)…`,
      );
      const { startRotaApi } = await import('@rota-perf/rota-api');
      api = await startRotaApi({ fixture: run.fixture });
      baseUrl = api.url;
    }
    context.out(`target: ${baseUrl}`);
    if (context.signal.aborted) throw new InterruptedError('interrupted before the search started');
    monitor = await attachMonitor(run.monitor, api?.pid ?? null, csv, context.out);
    const { searchCeiling } = await import('@rota-perf/rps-sweeper');
    const started = Date.now();
    const result = await searchCeiling({
      ...settings,
      runLevel: createLevelRunner({
        engine: run.engine,
        baseUrl,
        env: run.env,
        workDir,
        tolerance: settings.tolerance,
        p95Ms: settings.p95SloMs,
        signal: context.signal,
      }),
      onRun: ({ phase, rate, level }) => {
        const elapsed = Math.round((Date.now() - started) / 1000);
        const verdict = level.passed ? 'PASS' : `FAIL (${level.reason ?? 'no reason'})`;
        context.out(
          `[${elapsed}s] ${phase} ${rate} RPS: achieved ${level.achievedRps ?? 'n/a'} RPS, ${verdict}`,
        );
      },
    });
    const { buildSweepResultsJson, formatSweepSummary } = await import(
      '@rota-perf/report-formatter'
    );
    context.out(
      formatSweepSummary(result.sweep, { color: context.tty && !context.env.NO_COLOR }).trimEnd(),
    );
    for (const note of result.notes) context.out(`note: ${note}`);
    const json = join(outDir, ADAPTIVE_RESULTS);
    await writeJsonAtomically(json, {
      ...buildSweepResultsJson(result.sweep),
      ceiling: result.ceiling,
      first_failure: result.firstFailure,
      confirmed: result.confirmed,
      reached_max: result.reachedMax,
      exhausted: result.exhausted,
      notes: result.notes,
      runs: result.runs.map((r) => ({ phase: r.phase, rate: r.rate, passed: r.level.passed })),
    });
    const memory = await monitor?.stop();
    monitor = null;
    const report = await writeReportSafely(outDir, context);
    printOutputs(context, { resultsJson: json, memoryCsv: memory ? csv : null, report });
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError || context.signal.aborted) {
      context.err('rota-perf probe: interrupted; no ceiling was concluded');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    await monitor?.stop();
    await api?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

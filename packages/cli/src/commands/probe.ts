// rota-perf probe --adaptive: rps-sweeper's ceiling search, one bundle run per level.
import {
  type CommandDef,
  ConfigError,
  choice,
  memoryCsvName,
  type OptionTable,
  parseK6Duration,
  positiveNumber,
  REPORT_FILE,
  RESULT_FILE,
  RUN_RECORD_FILE,
  seriesFileName,
  stringValue,
  UsageError,
} from '@rota-perf/core';
import { levelVariables } from '../adaptive.js';
import { runSearch, SEARCH_RUN } from '../adaptive-search.js';
import { MONITORED_RUN_OPTIONS, readCheckedRunSettings, resultsFolder } from './shared-options.js';

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
  ...MONITORED_RUN_OPTIONS,
};

/** The probe command. */
export const probeCommand: CommandDef = {
  name: 'probe',
  summary: 'adaptive RPS ceiling search (probe --adaptive)',
  description: `Finds the highest arrival rate the target sustains: levels grow (exponentially or linearly)
up to the first failure, bisect to --precision, then the answer is run again. Each level is one
run of the rps probe bundle (all endpoints) at a constant rate. Writes ${RESULT_FILE.adaptiveProbe},
${seriesFileName(SEARCH_RUN)} (the levels on one clock), ${memoryCsvName(SEARCH_RUN)}, ${RUN_RECORD_FILE} and
${REPORT_FILE} into the results folder. For the step sweep use "rota-perf bench rps-probe".`,
  options: OPTIONS,
  async run(args, io, signal) {
    if (args.values.adaptive !== true) {
      throw new UsageError(
        'probe needs --adaptive (for the step sweep run "rota-perf bench rps-probe")',
      );
    }
    const min = positiveNumber(args, 'min', true) ?? 10;
    const max = positiveNumber(args, 'max', true) ?? 200;
    if (max < min)
      throw new ConfigError('--max', `--max must be at least --min (${min}), got "${max}"`);
    const tolerance = Number(stringValue(args, 'tolerance'));
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new ConfigError(
        '--tolerance',
        `--tolerance must be a fraction between 0 and 1, got "${stringValue(args, 'tolerance')}"`,
      );
    }
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
    // The first level's variables stand for all: only the rate changes from level to level.
    const run = await readCheckedRunSettings(args, io.env, signal, {
      script: 'rps_probe',
      fixed: levelVariables(min, seconds, tolerance, search.p95SloMs),
    });
    return runSearch(search, run, await resultsFolder(args, io.cwd), { ...io, signal });
  },
};

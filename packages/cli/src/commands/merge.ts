// rota-perf merge <folder>...: the instances of one run (execution segments, k6-operator pods)
// into one results folder. The work is in ../merge/.
import {
  type CommandDef,
  envPairs,
  type OptionTable,
  stringValue,
  UsageError,
  valueUnlessDefault,
} from '@rota-perf/core';
import { mergeRun } from '../merge/merge-run.js';
import { prepareOutDir } from '../outputs.js';

const OPTIONS: OptionTable = {
  out: {
    type: 'string',
    value: '<dir>',
    default: 'performance/ at the repository root',
    description: 'the results folder of the merged run',
  },
  script: {
    type: 'string',
    value: '<name>',
    description: 'the script the instances ran, when they have no run.json (k6 pods)',
  },
  env: {
    type: 'string',
    short: 'e',
    multiple: true,
    value: 'KEY=VALUE',
    description: 'a script variable of the run, when the instances have no run.json',
  },
  'no-report': { type: 'boolean', description: 'do not write the HTML report' },
};

/** The merge command. */
export const mergeCommand: CommandDef = {
  name: 'merge',
  summary: 'combine the outputs of several instances of one run into one results folder',
  description: `Merges the instances of ONE run split into execution segments: folders written by
rota-perf (run.json, the k6 --out json samples, the series), or folders of k6 --out json NDJSON
files (one file per k6-operator pod; give --script and -e as the pods ran). Writes the script's
results JSON, <script>_series.json, run.json (each instance's requests, iterations, rate and
share) and report.html. Percentiles come from all the samples, counts are summed and the
script's thresholds are evaluated again on the merged data. Refuses instances of different
scripts or settings, overlapping segments and corrupt files; warns when the segments do not
cover 0:1. Exit code: 0, 99 thresholds crossed, 2 bad usage.`,
  options: OPTIONS,
  positionals: [{ name: 'folder', required: true, variadic: true }],
  async run(args, io, signal) {
    if (args.positionals.length === 0)
      throw new UsageError(
        'merge needs one or more folders (expected rota-perf merge <folder>...)',
      );
    return mergeRun(
      {
        inputs: args.positionals,
        outDir: await prepareOutDir(io.cwd, valueUnlessDefault(args, 'out', OPTIONS)),
        ...(stringValue(args, 'script') ? { script: stringValue(args, 'script') as string } : {}),
        env: envPairs(args),
        report: args.values['no-report'] !== true,
      },
      { ...io, signal },
    );
  },
};

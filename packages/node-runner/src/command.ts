// The `run` command (`k6-node run`, `rota-perf run`): a k6 script on Node, in this process.

import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type CommandDef,
  envPairs,
  listValue,
  type OptionTable,
  type ParsedArgs,
  parseArgv,
  stringValue,
} from '@rota-perf/core';
import { assertWritable, fileOptionPath } from '@rota-perf/core/node';
import type { SegmentSettings } from './options/execution.js';
import { type OutputSpec, parseOutputSpecs } from './outputs/spec.js';

const OPTIONS: OptionTable = {
  env: {
    type: 'string',
    short: 'e',
    multiple: true,
    value: 'KEY=VALUE',
    description: 'a script variable (__ENV), as k6 -e (repeatable)',
  },
  quiet: { type: 'boolean', short: 'q', description: 'no banner and progress lines' },
  'summary-export': {
    type: 'string',
    value: '<file>',
    description: "also write k6's older --summary-export JSON",
  },
  out: {
    type: 'string',
    short: 'o',
    multiple: true,
    value: 'TYPE=FILE',
    description: 'stream every sample as k6 does: json=FILE (NDJSON), csv=FILE (repeatable)',
  },
  series: {
    type: 'string',
    value: '<file>',
    description: 'write the per-second series (requests, latency, VUs …) as JSON at the end',
  },
  'execution-segment': {
    type: 'string',
    value: '<from:to>',
    description: 'run only this part of the test, as k6 (e.g. 0:1/3, 1/3:2/3, 50%:100%)',
  },
  'execution-segment-sequence': {
    type: 'string',
    value: '<points>',
    description: 'all the segments the test is split into (e.g. 0,1/3,2/3,1)',
  },
};

/** Parsed `run` arguments (the segment texts are checked when the script's options are known). */
export interface CliArgs extends SegmentSettings {
  script: string;
  env: Record<string, string>;
  quiet: boolean;
  summaryExport?: string;
  outputs: OutputSpec[];
  seriesFile?: string;
}

/** The run settings of parsed arguments. */
export function readRunArgs(args: ParsedArgs): CliArgs {
  const summaryExport = stringValue(args, 'summary-export');
  const seriesFile = stringValue(args, 'series');
  const executionSegment = stringValue(args, 'execution-segment');
  const executionSegmentSequence = stringValue(args, 'execution-segment-sequence');
  return {
    script: args.positionals[0] ?? '',
    env: envPairs(args),
    quiet: args.values.quiet === true,
    outputs: parseOutputSpecs(listValue(args, 'out')),
    ...(summaryExport !== undefined ? { summaryExport } : {}),
    ...(seriesFile !== undefined ? { seriesFile } : {}),
    ...(executionSegment !== undefined ? { executionSegment } : {}),
    ...(executionSegmentSequence !== undefined ? { executionSegmentSequence } : {}),
  };
}

/** Parses the arguments after `run` (`-e K=V --quiet --summary-export f --out json=f <script>`). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  return readRunArgs(parseArgv(runCommand, argv, 'k6-node run'));
}

/** The run command. */
export const runCommand: CommandDef = {
  name: 'run',
  summary: 'run a k6 script that uses the async HTTP API with node-runner',
  description: `Runs a k6 script on Node (k6, k6/http async API, k6/metrics, k6/execution). With
--execution-segment it runs one instance's part of a test split as k6 splits it. Exit codes
as k6: 0 ok, 99 thresholds crossed, 104 invalid options, 105 interrupted, 107 script error,
255 an unknown --out type.`,
  options: OPTIONS,
  positionals: [{ name: '<script.js>', required: true }],
  async run(args, io, signal) {
    const { script, seriesFile, ...settings } = readRunArgs(args);
    const options = { ...settings, cwd: io.cwd };
    // Every file the run will write, checked before it starts (exit 2 in one line).
    await assertWritableOutputs(io.cwd, [
      ['--summary-export', settings.summaryExport],
      ['--series', seriesFile],
      ...settings.outputs.map((o): [string, string] => ['--out', o.path]),
    ]);
    // Loaded on use: `rota-perf --help` and `run --help` need none of the engine.
    const { runSupervised } = await import('./process-entry.js');
    const result = await runSupervised(script, options, signal, seriesFile ? { seriesFile } : {});
    return result.exitCode;
  },
};

async function assertWritableOutputs(
  cwd: string,
  files: readonly (readonly [string, string | undefined])[],
): Promise<void> {
  for (const [option, path] of files) {
    if (!path) continue; // '' is stdout (json output without a file)
    const file = fileOptionPath(cwd, path);
    // As in k6, an --out output never creates its folder: a missing one fails when the output
    // opens (exit 255 with k6's message), so only an existing folder is probed here.
    const isOut = option === '--out';
    if (isOut && !(await stat(dirname(file)).catch(() => null))?.isDirectory()) continue;
    await assertWritable(option, file, false, { create: !isOut });
  }
}

// rota-perf run <script.js>: node-runner on any k6 script that uses the async HTTP API.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  envPairs,
  formatHelp,
  type OptionTable,
  parseCommandArgs,
  requiredPositional,
  stringValue,
} from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

const OPTIONS: OptionTable = {
  env: {
    type: 'string',
    short: 'e',
    multiple: true,
    value: 'KEY=VALUE',
    description: 'a script variable (__ENV), as k6 -e (repeatable)',
  },
  'summary-export': {
    type: 'string',
    value: '<file>',
    description: "also write k6's older --summary-export JSON",
  },
  quiet: { type: 'boolean', short: 'q', description: 'no banner and progress lines' },
};

export const command: Command = {
  summary: 'run a k6 script with node-runner',
  help: formatHelp(
    'rota-perf run <script.js> [options]',
    `Runs a k6 script on Node with node-runner (k6, k6/http async API, k6/metrics,
k6/execution). Exit codes as k6: 0 ok, 99 thresholds crossed, 105 interrupted, 107 script error.`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('run', argv, OPTIONS, 1);
    const path = resolve(context.cwd, requiredPositional(args, 'run', '<script.js>'));
    if (!existsSync(path)) throw new UsageError(`script ${path} does not exist`);
    const env = envPairs(args);
    const summaryExport = stringValue(args, 'summary-export');
    const { run } = await import('@rota-perf/node-runner');
    const result = await run(path, {
      env,
      cwd: context.cwd,
      quiet: args.values.quiet === true,
      signal: context.signal,
      ...(summaryExport !== undefined ? { summaryExport } : {}),
    });
    return result.exitCode;
  },
};

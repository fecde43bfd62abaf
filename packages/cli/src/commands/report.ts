// rota-perf report <folder>: the HTML report of results written earlier.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatHelp,
  type OptionTable,
  parseCommandArgs,
  requiredPositional,
  stringValue,
  valueUnlessDefault,
} from '../args.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { writeReport } from '../report.js';

const OPTIONS: OptionTable = {
  out: {
    type: 'string',
    value: '<file.html>',
    default: '<folder>/report.html',
    description: 'where to write the report',
  },
  title: { type: 'string', value: '<text>', description: 'report title' },
};

export const command: Command = {
  summary: 'write the HTML report of a results folder',
  help: formatHelp(
    'rota-perf report <folder> [options]',
    `Reads results.json, rps_results.json, progress_probe_results.json,
progress_write_results.json, db_bench_results.json and the memory CSVs found in <folder> and
writes one self-contained HTML report.`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('report', argv, OPTIONS, 1);
    const dir = resolve(context.cwd, requiredPositional(args, 'report', '<folder>'));
    if (!existsSync(dir)) throw new CliError(`results folder ${dir} does not exist`);
    const outText = valueUnlessDefault(args, 'out', OPTIONS);
    const out = outText === undefined ? undefined : resolve(context.cwd, outText);
    try {
      const path = await writeReport(dir, out, stringValue(args, 'title'));
      context.out(`HTML report written to ${path}`);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    return 0;
  },
};

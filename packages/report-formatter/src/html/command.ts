// `rota-perf report <folder>`: the HTML report of results written earlier.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CommandDef,
  CommandError,
  type OptionTable,
  RESULT_FILES,
  stringValue,
  valueUnlessDefault,
} from '@rota-perf/core';
import { assertWritable } from '@rota-perf/core/node';
import { writeHtmlReport } from './write.js';

const OPTIONS: OptionTable = {
  out: {
    type: 'string',
    value: '<file.html>',
    default: '<folder>/report.html',
    description: 'where to write the report',
  },
  title: { type: 'string', value: '<text>', description: 'report title' },
};

/** The report command. */
export const reportCommand: CommandDef = {
  name: 'report',
  summary: 'write the HTML report of a results folder',
  description: `Reads ${RESULT_FILES.map((f) => f.file).join(', ')} and the memory CSVs found in
<folder> and writes one self-contained HTML report.`,
  options: OPTIONS,
  positionals: [{ name: '<folder>', required: true }],
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] as string);
    if (!existsSync(dir)) throw new CommandError(`results folder ${dir} does not exist`);
    const outText = valueUnlessDefault(args, 'out', OPTIONS);
    await assertWritable('--out', resolve(dir, outText ?? 'report.html'), false);
    const title = stringValue(args, 'title');
    try {
      const path = await writeHtmlReport({
        folder: dir,
        ...(outText === undefined ? {} : { out: resolve(io.cwd, outText) }),
        ...(title === undefined ? {} : { title }),
      });
      io.out(`HTML report written to ${path}`);
    } catch (error) {
      // A malformed or empty results folder is the user's to fix: one line, exit 1.
      throw new CommandError((error as Error).message);
    }
    return 0;
  },
};

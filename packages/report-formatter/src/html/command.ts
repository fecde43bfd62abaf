// `rota-perf report <folder>`: the HTML report of results written earlier.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type CommandDef,
  CommandError,
  type OptionTable,
  REPORT_FILE,
  RESULT_FILES,
  stringValue,
  valueUnlessDefault,
} from '@rota-perf/core';
import { assertWritable, fileOptionPath } from '@rota-perf/core/node';
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
    const out = outText === undefined ? join(dir, REPORT_FILE) : fileOptionPath(io.cwd, outText);
    await assertWritable('--out', out, false);
    const title = stringValue(args, 'title');
    try {
      const path = await writeHtmlReport({
        folder: dir,
        out: resolve(out),
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
